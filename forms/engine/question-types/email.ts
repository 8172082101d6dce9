/** `email`: one address, at most 254 characters (RFC 5321's limit). */
import { z } from 'zod';
import { questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { formatText, normalizeText } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const emailSchema = z.strictObject({ ...questionBase, type: z.literal('email') });
type Email = DeepReadonly<z.output<typeof emailSchema>>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const email = {
  label: 'Email',
  valueKind: 'text',
  requiredMessage: 'required',
  check: (_q, v) => (typeof v === 'string' && v.trim().length <= 254 && EMAIL.test(v.trim()) ? null : { key: 'email' }),
  normalize: (_q, v) => normalizeText(v),
  format: (_q, v) => formatText(v),
  draft: { defaults: () => ({}), fields: [] },
} satisfies QuestionTypeSpec<Email>;
