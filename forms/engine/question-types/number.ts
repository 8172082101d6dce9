/** `number`: a finite number, optionally whole, within bounds, with a unit. */
import { z } from 'zod';
import { localizedTextSchema, questionBase } from '../fields.ts';
import { localize } from '../i18n.ts';
import type { DeepReadonly } from '../ids.ts';
import { checkNumberRange, isFiniteNumber } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const numberSchema = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().default(false),
  unit: localizedTextSchema.optional(),
});
type NumberQuestion = DeepReadonly<z.output<typeof numberSchema>>;

export const number = {
  label: 'Number',
  valueKind: 'number',
  requiredMessage: 'required',
  check(q, v) {
    if (!isFiniteNumber(v)) return { key: 'invalid' };
    if (q.integer && !Number.isInteger(v)) return { key: 'integer' };
    return checkNumberRange(v, q.min, q.max);
  },
  normalize: (_q, v) => (isFiniteNumber(v) ? v : null),
  format(q, v, ctx) {
    if (typeof v !== 'number') return null;
    const unit = localize(q.unit, ctx.lang, ctx.fallback);
    return unit ? `${v} ${unit}` : String(v);
  },
  definitionIssues: (q) => (q.min !== undefined && q.max !== undefined && q.min >= q.max ? [{ field: 'min', message: `min (${q.min}) must be below max (${q.max})` }] : []),
  draft: { defaults: () => ({}), fields: ['unit', 'min', 'max', 'integer'] },
} satisfies QuestionTypeSpec<NumberQuestion>;
