/** `multiple_choice`: any number of options within bounds; an "exclusive" option stands alone. */
import { z } from 'zod';
import { countSchema, optionSchema, questionBase } from '../fields.ts';
import { localize } from '../i18n.ts';
import type { DeepReadonly } from '../ids.ts';
import { checkIdList, isStringArray, normalizeIdList, probeOptions } from './shared.ts';
import type { DefinitionIssue, QuestionTypeSpec } from './spec.ts';

export const multipleChoiceSchema = z.strictObject({
  ...questionBase,
  type: z.literal('multiple_choice'),
  options: z.array(optionSchema).min(1),
  minSelected: countSchema.optional(),
  maxSelected: countSchema.optional(),
});
type MultipleChoice = DeepReadonly<z.output<typeof multipleChoiceSchema>>;

const ids = (q: MultipleChoice): readonly string[] => q.options.map((o) => o.id);

export const multipleChoice = {
  label: 'Several choices',
  valueKind: 'set',
  requiredMessage: 'required_choice',
  check(q, v) {
    const shape = checkIdList(v, ids(q));
    if (shape || !isStringArray(v)) return shape ?? { key: 'invalid' };
    const exclusive = q.options.find((o) => o.exclusive && v.includes(o.id));
    if (exclusive && v.length > 1) return { key: 'exclusive', params: { option: exclusive.label } };
    if (q.minSelected !== undefined && v.length < q.minSelected) return { key: 'min_selected', params: { min: q.minSelected } };
    if (q.maxSelected !== undefined && v.length > q.maxSelected) return { key: 'max_selected', params: { max: q.maxSelected } };
    return null;
  },
  normalize: (q, v) => normalizeIdList(v, ids(q)),
  format: (q, v, ctx) => (isStringArray(v) ? v.map((id) => localize(q.options.find((o) => o.id === id)?.label, ctx.lang, ctx.fallback) || id).join(', ') : null),
  optionIds: ids,
  definitionIssues(q) {
    const issues: DefinitionIssue[] = [];
    if (q.minSelected !== undefined && q.maxSelected !== undefined && q.minSelected > q.maxSelected) issues.push({ field: 'minSelected', message: 'minSelected is above maxSelected' });
    if (q.maxSelected !== undefined && q.maxSelected > q.options.length) issues.push({ field: 'maxSelected', message: 'maxSelected is above the number of options' });
    return issues;
  },
  draft: {
    defaults: (blank) => ({
      options: [
        { id: 'option_1', label: blank() },
        { id: 'option_2', label: blank() },
      ],
    }),
    fields: ['options', 'exclusiveOptions', 'minSelected', 'maxSelected'],
    probe: (raw) => probeOptions(raw, 1),
  },
} satisfies QuestionTypeSpec<MultipleChoice>;
