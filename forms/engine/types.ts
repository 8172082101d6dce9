/** The engine's public data shapes, inferred from the zod schema and made deeply readonly. */
import type { z } from 'zod';
import type { DeepReadonly, LocalizedText, QuestionId } from './ids.ts';
import type { formDefinitionSchema, questionSchema, screeningRuleSchema, stepSchema } from './schema.ts';
import type { AnswerValue } from './ids.ts';

/** A validated form definition: plain data, safe to send over IPC. */
export type FormDefinition = DeepReadonly<z.output<typeof formDefinitionSchema>>;
/** One step (screen) of a form. */
export type Step = DeepReadonly<z.output<typeof stepSchema>>;
/** One question; `type` discriminates the variants. */
export type Question = DeepReadonly<z.output<typeof questionSchema>>;
/** `short_text`, `date`, `body_map`... */
export type QuestionType = Question['type'];
/** A question of one given type. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { readonly type: T }>;
/** A screening rule: condition -> flag. */
export type ScreeningRule = DeepReadonly<z.output<typeof screeningRuleSchema>>;

/** How urgent a flag is. */
export type Severity = 'stop' | 'clearance' | 'modify' | 'info';
/** Most urgent first. */
export const SEVERITY_ORDER: readonly Severity[] = ['stop', 'clearance', 'modify', 'info'];

/** A raised screening flag with the answers that triggered it. */
export interface Flag {
  readonly code: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly guidance: LocalizedText;
  readonly clientMessage?: LocalizedText;
  readonly triggers: ReadonlyArray<{ readonly questionId: QuestionId; readonly value: AnswerValue }>;
}

/** Why a definition was rejected. `line`/`column` locate it in JSON text when known. */
export interface FormDefinitionError {
  readonly path: string;
  readonly message: string;
  readonly questionId?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The outcome of loading a definition. */
export type FormDefinitionResult =
  | { readonly ok: true; readonly form: FormDefinition }
  | { readonly ok: false; readonly errors: readonly FormDefinitionError[] };

/** One invalid answer, with a friendly message in every built-in language. */
export interface FieldError {
  readonly questionId: QuestionId;
  readonly code: string;
  readonly message: LocalizedText;
}
