/** `scale`: a whole number from min to max (a pain scale 0-10), words at either end. */
import { z } from 'zod';
import { localizedTextSchema, questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { isFiniteNumber } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const scaleSchema = z.strictObject({
  ...questionBase,
  type: z.literal('scale'),
  min: z.number().int(),
  max: z.number().int(),
  minLabel: localizedTextSchema.optional(),
  maxLabel: localizedTextSchema.optional(),
});
type Scale = DeepReadonly<z.output<typeof scaleSchema>>;

export const scale = {
  label: 'Scale (e.g. pain 0-10)',
  valueKind: 'number',
  requiredMessage: 'required_choice',
  check(q, v) {
    if (!isFiniteNumber(v)) return { key: 'invalid' };
    return Number.isInteger(v) && v >= q.min && v <= q.max ? null : { key: 'range', params: { min: q.min, max: q.max } };
  },
  normalize: (_q, v) => (isFiniteNumber(v) ? v : null),
  format: (q, v) => (typeof v === 'number' ? `${v} / ${q.max}` : null),
  definitionIssues: (q) => (q.min >= q.max ? [{ field: 'min', message: `min (${q.min}) must be below max (${q.max})` }] : []),
  draft: { defaults: () => ({ min: 0, max: 10 }), fields: ['scaleLabels', 'min', 'max'] },
} satisfies QuestionTypeSpec<Scale>;
