/** `long_text`: several lines, up to 5,000 characters. */
import { z } from 'zod';
import { countSchema, questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { checkTextLength, formatText, normalizeText } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const longTextSchema = z.strictObject({ ...questionBase, type: z.literal('long_text'), maxLength: countSchema.max(5000).optional() });
type LongText = DeepReadonly<z.output<typeof longTextSchema>>;

export const longText = {
  label: 'Long text',
  valueKind: 'text',
  requiredMessage: 'required',
  check: (q, v) => (typeof v === 'string' ? checkTextLength(v, undefined, q.maxLength ?? 5000) : { key: 'invalid' }),
  normalize: (_q, v) => normalizeText(v),
  format: (_q, v) => formatText(v),
  draft: { defaults: () => ({}), fields: ['maxLength'] },
} satisfies QuestionTypeSpec<LongText>;
