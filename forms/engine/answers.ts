/** Reading raw answers as the engine sees them: wrong-typed or empty answers read as unanswered. */
import type { ExprValue } from './expr/evaluate.ts';
import { optionIdsOf } from './expr/check.ts';
import { parseIsoDate } from './dates.ts';
import { assertNever, type AnswerValue, type SignatureValue } from './ids.ts';
import type { Question } from './types.ts';

export function isSignature(v: AnswerValue | undefined): v is SignatureValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'strokes' in v;
}

export function isStringArray(v: AnswerValue | undefined): v is readonly string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** The answer's value for conditions and rules, or null when unanswered or of the wrong shape. */
export function normalizeAnswer(q: Question, raw: AnswerValue | undefined): ExprValue {
  if (raw === undefined || raw === null) return null;
  switch (q.type) {
    case 'short_text':
    case 'long_text':
    case 'phone':
    case 'email':
      return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    case 'date':
      return typeof raw === 'string' && parseIsoDate(raw) ? raw : null;
    case 'single_choice':
      return typeof raw === 'string' && optionIdsOf(q).includes(raw) ? raw : null;
    case 'multiple_choice':
    case 'body_map': {
      if (!isStringArray(raw)) return null;
      const allowed = optionIdsOf(q);
      const kept = raw.filter((id) => allowed.includes(id));
      return kept.length > 0 ? kept : null;
    }
    case 'yes_no':
    case 'consent':
      return typeof raw === 'boolean' ? raw : null;
    case 'number':
    case 'scale':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    case 'signature':
      return isSignature(raw) && raw.strokes.some((s) => s.length > 0) ? true : null;
    default:
      return assertNever(q, 'question type');
  }
}
