/** The expression language's syntax tree. `col` is the 1-based column in the source text. */
import type { QuestionId } from '../ids.ts';
import type { FormSettings } from '../settings.ts';

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type DateUnit = 'day' | 'week' | 'month' | 'year';
/** `within [last] N`, `within next N`, `more than N ... ago`, `less than N ... ago`. */
export type DateWindowMode = 'within_past' | 'within_next' | 'more_than_ago' | 'less_than_ago';
/** The allow-list of functions. */
export const FUNCTIONS = ['answered', 'age', 'count', 'days_since'] as const;

/** What a question reads as inside an expression. */
/** A value inside an expression; signatures read as `true` (signed) or null. */
export type ExprValue = number | string | boolean | readonly string[] | null;

export type ValueKind = 'number' | 'boolean' | 'text' | 'date' | 'choice' | 'set' | 'signature';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly col: number }
  | { readonly kind: 'string'; readonly value: string; readonly col: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly col: number }
  /** A bare word: a question id or an option id; the checker decides which. */
  | { readonly kind: 'ident'; readonly name: string; readonly col: number }
  /** Produced by the checker from an ident. */
  | { readonly kind: 'question'; readonly id: QuestionId; readonly valueKind: ValueKind; readonly col: number }
  /** Produced by the checker from an ident or string naming an option or region. */
  | { readonly kind: 'option'; readonly value: string; readonly col: number }
  /** Produced by the checker from a dotted name such as `settings.ageOfConsent` (forms/engine/settings.ts). */
  | { readonly kind: 'setting'; readonly key: keyof FormSettings; readonly col: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly col: number }
  | { readonly kind: 'not'; readonly operand: Expr; readonly col: number }
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr; readonly col: number }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr; readonly col: number }
  | { readonly kind: 'contains'; readonly left: Expr; readonly right: Expr; readonly col: number }
  | {
      readonly kind: 'date_window';
      readonly subject: Expr;
      readonly mode: DateWindowMode;
      readonly amount: number;
      readonly unit: DateUnit;
      readonly col: number;
    };

/** A located problem in an expression. */
export interface ExprError {
  readonly message: string;
  readonly col: number;
}

/** Words that cannot be question ids because the grammar gives them meaning. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'yes', 'no', 'true', 'false', 'contains', 'within', 'last', 'next', 'more', 'less', 'than', 'ago',
]);
