/**
 * What a question type declares. Each type is one module in this folder; index.ts joins
 * them in QUESTION_TYPES. Validation, formatting, conditions and the admin editor read
 * the table, so adding a type is one module here (plus its widget in the renderer).
 */
import type { CivilDate } from '../dates.ts';
import type { ExprValue, ValueKind } from '../expr/ast.ts';
import type { AnswerValue, LanguageCode, LocalizedText } from '../ids.ts';
import type { MessageKey, MessageParam } from '../messages.ts';

/** Why an answer is refused: a built-in message, or the form's own (e.g. a pattern's). */
export type Problem =
  | { readonly key: MessageKey; readonly params?: Readonly<Record<string, MessageParam>> }
  | { readonly custom: LocalizedText; readonly code: string };

export interface FormatContext {
  readonly lang: LanguageCode;
  /** The form's default language, for texts missing in `lang`. */
  readonly fallback: LanguageCode;
}

/** A problem with a question's definition that its schema cannot express; `field` is relative to the question. */
export interface DefinitionIssue {
  readonly field: string;
  readonly message: string;
}

/** The editor controls a type offers beyond id, type, required, label, help and condition. */
export type EditorField =
  | 'options'
  | 'exclusiveOptions'
  | 'consentText'
  | 'unit'
  | 'scaleLabels'
  | 'minLength'
  | 'maxLength'
  | 'min'
  | 'max'
  | 'minSelected'
  | 'maxSelected'
  | 'dateBounds'
  | 'integer';

/** A mutable translated text, as the admin editor holds it. */
export type DraftText = Record<LanguageCode, string>;

/**
 * One question type. Methods (not function-valued properties) on purpose: a spec for
 * one type then fits where any question's spec is expected, and QUESTION_TYPES'
 * `satisfies` clause is what pairs each key with the spec of its own type.
 */
export interface QuestionTypeSpec<Q> {
  /** The admin's name for the type in the editor's type picker. */
  readonly label: string;
  /** What the answer is in the condition language (`age(dob) >= 18`, `areas contains neck`). */
  readonly valueKind: ValueKind;
  /** The message when a required question is left empty. */
  readonly requiredMessage: MessageKey;
  /** Whether a present answer counts as no answer (beyond null, blank text and an empty list). */
  isBlank?(value: AnswerValue): boolean;
  /** The problem with a present, non-blank answer, or null when it is acceptable. */
  check(q: Q, value: AnswerValue, today: CivilDate): Problem | null;
  /** The answer as conditions and rules read it; null when unanswered or of the wrong shape. */
  normalize(q: Q, value: AnswerValue): ExprValue;
  /** The answer as people read it, or null when the value does not fit the type (shown raw). */
  format(q: Q, value: AnswerValue, ctx: FormatContext): string | null;
  /** The ids a choice or body-map answer may contain (and conditions may name). */
  optionIds?(q: Q): readonly string[];
  /** What a definition of this type gets wrong beyond its shape (bounds, patterns that do not compile). */
  definitionIssues?(q: Q): readonly DefinitionIssue[];
  /** The regular expressions (`u` flag) the definition runs on answers, checked for catastrophic backtracking at publish. */
  patterns?(q: Q): readonly { readonly field: string; readonly regex: string }[];
  /** The admin editor: a new question's type-specific fields and the controls it shows. */
  readonly draft: {
    defaults(blank: () => DraftText): Readonly<Record<string, unknown>>;
    readonly fields: readonly EditorField[];
    /**
     * From a half-edited question, the fields the condition checker reads (options,
     * regions), made structurally valid, so a condition can be checked while the rest
     * of the draft is broken. Absent: the defaults are enough.
     */
    probe?(raw: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>;
  };
}
