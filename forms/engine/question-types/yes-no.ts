/** `yes_no`: true or false. */
import { z } from 'zod';
import { questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { answerWord } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const yesNoSchema = z.strictObject({ ...questionBase, type: z.literal('yes_no') });
type YesNo = DeepReadonly<z.output<typeof yesNoSchema>>;

export const yesNo = {
  label: 'Yes / no',
  valueKind: 'boolean',
  requiredMessage: 'required_choice',
  check: (_q, v) => (typeof v === 'boolean' ? null : { key: 'invalid' }),
  normalize: (_q, v) => (typeof v === 'boolean' ? v : null),
  format: (_q, v, ctx) => (typeof v === 'boolean' ? answerWord(v ? 'yes' : 'no', ctx) : null),
  draft: { defaults: () => ({}), fields: [] },
} satisfies QuestionTypeSpec<YesNo>;
