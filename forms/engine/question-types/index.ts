/**
 * The question-type registry: every type the engine knows, each declared once in its own
 * module. The `satisfies` clause makes a type without a module (or a module for the
 * wrong type) a compile error; validation, formatting, the condition checker and the
 * admin editor all read this table instead of switching on `type`.
 */
import { z } from 'zod';
import type { DeepReadonly } from '../ids.ts';
import { bodyMap, bodyMapSchema } from './body-map.ts';
import { consent, consentSchema } from './consent.ts';
import { date, dateSchema } from './date.ts';
import { email, emailSchema } from './email.ts';
import { longText, longTextSchema } from './long-text.ts';
import { multipleChoice, multipleChoiceSchema } from './multiple-choice.ts';
import { number, numberSchema } from './number.ts';
import { phone, phoneSchema } from './phone.ts';
import { scale, scaleSchema } from './scale.ts';
import { shortText, shortTextSchema } from './short-text.ts';
import { signature, signatureSchema } from './signature.ts';
import { singleChoice, singleChoiceSchema } from './single-choice.ts';
import type { QuestionTypeSpec } from './spec.ts';
import { yesNo, yesNoSchema } from './yes-no.ts';

/** One question's definition, discriminated by `type` (the order is the JSON Schema's). */
export const questionSchema = z.discriminatedUnion('type', [
  shortTextSchema,
  longTextSchema,
  dateSchema,
  phoneSchema,
  emailSchema,
  singleChoiceSchema,
  multipleChoiceSchema,
  yesNoSchema,
  numberSchema,
  scaleSchema,
  bodyMapSchema,
  signatureSchema,
  consentSchema,
]);

// The same types as types.ts derives from the schema; declared here so this module does not import types.ts (which imports it).
type Question = DeepReadonly<z.output<typeof questionSchema>>;
type QuestionType = Question['type'];
type QuestionOf<T extends QuestionType> = Extract<Question, { readonly type: T }>;

/** Every question type, in the order the admin's type picker offers them. */
export const QUESTION_TYPES = {
  yes_no: yesNo,
  single_choice: singleChoice,
  multiple_choice: multipleChoice,
  short_text: shortText,
  long_text: longText,
  number,
  scale,
  date,
  phone,
  email,
  body_map: bodyMap,
  consent,
  signature,
} as const satisfies { readonly [T in QuestionType]: QuestionTypeSpec<QuestionOf<T>> };

/** Whether `type` names a question type (for input not yet parsed, such as a half-edited draft). */
export function isQuestionType(type: unknown): type is QuestionType {
  return typeof type === 'string' && Object.hasOwn(QUESTION_TYPES, type);
}

/**
 * The spec of a question's own type. Indexing the table with a union key gives a union
 * of specs TypeScript cannot call with the matching question (it does not correlate the
 * two; microsoft/TypeScript#30581); the spec's methods are bivariant, so the table entry
 * for `q.type` is accepted as a spec for any question, and `satisfies` above is what
 * guarantees it is the right one.
 */
export function specOf(q: Question): QuestionTypeSpec<Question> {
  return QUESTION_TYPES[q.type];
}

export type { DefinitionIssue, DraftText, EditorField, FormatContext, Problem, QuestionTypeSpec } from './spec.ts';
export { MIN_SIGNATURE_EXTENT, MIN_SIGNATURE_POINTS, signatureProblem } from './signature.ts';
export { isSignature, isStringArray } from './shared.ts';
