/** `consent`: a text the client accepts with a tick; a required consent must be accepted. */
import { z } from 'zod';
import { localizedTextSchema, questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { answerWord } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const consentSchema = z.strictObject({ ...questionBase, type: z.literal('consent'), text: localizedTextSchema });
type Consent = DeepReadonly<z.output<typeof consentSchema>>;

export const consent = {
  label: 'Consent (text + tick)',
  valueKind: 'boolean',
  requiredMessage: 'required_consent',
  // Not accepting is, for a required consent, the same as not answering.
  isBlank: (v) => v === false,
  check: (_q, v) => (typeof v === 'boolean' ? null : { key: 'invalid' }),
  normalize: (_q, v) => (typeof v === 'boolean' ? v : null),
  format: (_q, v, ctx) => (typeof v === 'boolean' ? answerWord(v ? 'accepted' : 'notAccepted', ctx) : null),
  draft: { defaults: (blank) => ({ text: blank() }), fields: ['consentText'] },
} satisfies QuestionTypeSpec<Consent>;
