/** Shared primitives of the engine: ids, languages, answers, and the exhaustiveness helper. */
import type { z } from 'zod';
import type { formIdSchema, questionIdSchema, stepIdSchema } from './fields.ts';

export type { LanguageCode, LocalizedText } from './text.ts';

/** A form's id, e.g. `massage-intake`. */
export type FormId = z.output<typeof formIdSchema>;
/** A step's id, unique within its form. */
export type StepId = z.output<typeof stepIdSchema>;
/** A question's id, unique within its form; answers are keyed by it. */
export type QuestionId = z.output<typeof questionIdSchema>;

/** A drawn signature, as vectors in the pad's own coordinate space. */
export interface SignatureValue {
  readonly width: number;
  readonly height: number;
  readonly strokes: ReadonlyArray<ReadonlyArray<{ readonly x: number; readonly y: number; readonly t: number }>>;
}

/**
 * One answer. Conventions: text/phone/email/date -> string (date `YYYY-MM-DD`);
 * single choice -> option id; multiple choice and body map -> option/region ids;
 * yes/no -> boolean; number/scale -> number; signature -> SignatureValue;
 * consent -> boolean (true = accepted).
 */
export type AnswerValue = string | number | boolean | readonly string[] | SignatureValue | null;
/** Answers keyed by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** Makes a switch exhaustive: the call only type-checks when every case is handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Deeply readonly view of a parsed shape. */
export type DeepReadonly<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DeepReadonly<U>>
    : { readonly [K in keyof T]: DeepReadonly<T[K]> };
