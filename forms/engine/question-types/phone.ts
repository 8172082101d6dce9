/** `phone`: digits with the usual separators, 7 to 15 digits (E.164's maximum). */
import { z } from 'zod';
import { questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { formatText, normalizeText } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const phoneSchema = z.strictObject({ ...questionBase, type: z.literal('phone') });
type Phone = DeepReadonly<z.output<typeof phoneSchema>>;

const PHONE_CHARS = /^\+?[0-9 ().\-/]+$/;

export const phone = {
  label: 'Phone',
  valueKind: 'text',
  requiredMessage: 'required',
  check(_q, v) {
    if (typeof v !== 'string') return { key: 'invalid' };
    const digits = v.replace(/\D/g, '').length;
    return PHONE_CHARS.test(v.trim()) && digits >= 7 && digits <= 15 ? null : { key: 'phone' };
  },
  normalize: (_q, v) => normalizeText(v),
  format: (_q, v) => formatText(v),
  draft: { defaults: () => ({}), fields: [] },
} satisfies QuestionTypeSpec<Phone>;
