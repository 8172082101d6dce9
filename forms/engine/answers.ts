/** Reading raw answers as the engine sees them: wrong-typed or empty answers read as unanswered. */
import type { ExprValue } from './expr/ast.ts';
import type { AnswerValue } from './ids.ts';
import { specOf } from './question-types/index.ts';
import type { Question } from './types.ts';

export { isSignature, isStringArray } from './question-types/index.ts';

/** The answer's value for conditions and rules, or null when unanswered or of the wrong shape. */
export function normalizeAnswer(q: Question, raw: AnswerValue | undefined): ExprValue {
  if (raw === undefined || raw === null) return null;
  return specOf(q).normalize(q, raw);
}
