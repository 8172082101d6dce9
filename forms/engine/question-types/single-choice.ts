/** `single_choice`: exactly one of two or more options. */
import { z } from 'zod';
import { localize } from '../i18n.ts';
import { optionSchema, questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { probeOptions } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const singleChoiceSchema = z.strictObject({ ...questionBase, type: z.literal('single_choice'), options: z.array(optionSchema).min(2) });
type SingleChoice = DeepReadonly<z.output<typeof singleChoiceSchema>>;

const ids = (q: SingleChoice): readonly string[] => q.options.map((o) => o.id);

export const singleChoice = {
  label: 'One choice',
  valueKind: 'choice',
  requiredMessage: 'required_choice',
  check: (q, v) => (typeof v === 'string' && ids(q).includes(v) ? null : { key: 'invalid' }),
  normalize: (q, v) => (typeof v === 'string' && ids(q).includes(v) ? v : null),
  format: (q, v, ctx) => (typeof v === 'string' ? localize(q.options.find((o) => o.id === v)?.label, ctx.lang, ctx.fallback) || v : null),
  optionIds: ids,
  draft: {
    defaults: (blank) => ({
      options: [
        { id: 'option_1', label: blank() },
        { id: 'option_2', label: blank() },
      ],
    }),
    fields: ['options'],
    probe: (raw) => probeOptions(raw, 2),
  },
} satisfies QuestionTypeSpec<SingleChoice>;
