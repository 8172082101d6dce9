/** Answer validation: one friendly, translated message per invalid visible question. */
import { isSignature, isStringArray } from './answers.ts';
import { compiled } from './compile.ts';
import { civilToday, dayNumber, formatCivilDate, parseIsoDate, resolveDateBound, type CivilDate } from './dates.ts';
import { optionIdsOf } from './expr/check.ts';
import { assertNever, type AnswerValue, type Answers, type LocalizedText, type QuestionId } from './ids.ts';
import { BUILTIN_LANGUAGES, message, type MessageKey, type MessageParam } from './messages.ts';
import type { FieldError, FormDefinition, Question } from './types.ts';
import { answerView } from './visibility.ts';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE_CHARS = /^\+?[0-9 ().\-/]+$/;

function isEmpty(v: AnswerValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isSignature(v)) return !v.strokes.some((s) => s.length > 0);
  return false;
}

function datesText(date: CivilDate): MessageParam {
  const out: Record<string, string> = {};
  for (const lang of BUILTIN_LANGUAGES) out[lang] = formatCivilDate(date, lang);
  return out;
}

/** A built-in message, or the form's own message (e.g. a pattern's). */
type Problem =
  | { readonly key: MessageKey; readonly params?: Readonly<Record<string, MessageParam>> }
  | { readonly custom: LocalizedText; readonly code: string };

function requiredKey(q: Question): MessageKey {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'yes_no':
    case 'scale':
      return 'required_choice';
    case 'body_map':
      return 'required_body_map';
    case 'signature':
      return 'required_signature';
    case 'consent':
      return 'required_consent';
    default:
      return 'required';
  }
}

function checkNumber(v: number, min: number | undefined, max: number | undefined): Problem | null {
  if (min !== undefined && max !== undefined && (v < min || v > max)) return { key: 'range', params: { min, max } };
  if (min !== undefined && v < min) return { key: 'min', params: { min } };
  if (max !== undefined && v > max) return { key: 'max', params: { max } };
  return null;
}

function checkDate(q: Extract<Question, { type: 'date' }>, v: string, today: CivilDate): Problem | null {
  const date = parseIsoDate(v);
  if (!date) return { key: 'date_invalid' };
  const min = q.min === undefined ? null : resolveDateBound(q.min, today);
  const max = q.max === undefined ? null : resolveDateBound(q.max, today);
  if (max && dayNumber(date) > dayNumber(max)) return q.max === 'today' ? { key: 'date_future' } : { key: 'date_max', params: { date: datesText(max) } };
  if (min && dayNumber(date) < dayNumber(min)) return q.min === 'today' ? { key: 'date_past' } : { key: 'date_min', params: { date: datesText(min) } };
  return null;
}

function checkText(v: string, minLength: number | undefined, maxLength: number | undefined): Problem | null {
  const length = [...v.trim()].length;
  if (minLength !== undefined && length < minLength) return { key: 'too_short', params: { min: minLength } };
  if (maxLength !== undefined && length > maxLength) return { key: 'too_long', params: { max: maxLength } };
  return null;
}

/** Checks one present, non-empty answer against its question. */
function checkValue(q: Question, v: AnswerValue, today: CivilDate): Problem | null {
  switch (q.type) {
    case 'short_text': {
      if (typeof v !== 'string') return { key: 'invalid' };
      const length = checkText(v, q.minLength, q.maxLength ?? 500);
      if (length) return length;
      if (q.pattern && !new RegExp(q.pattern.regex, 'u').test(v.trim())) return { custom: q.pattern.message, code: 'pattern' };
      return null;
    }
    case 'long_text':
      return typeof v === 'string' ? checkText(v, undefined, q.maxLength ?? 5000) : { key: 'invalid' };
    case 'email':
      return typeof v === 'string' && v.trim().length <= 254 && EMAIL.test(v.trim()) ? null : { key: 'email' };
    case 'phone': {
      if (typeof v !== 'string') return { key: 'invalid' };
      const digits = v.replace(/\D/g, '').length;
      return PHONE_CHARS.test(v.trim()) && digits >= 7 && digits <= 15 ? null : { key: 'phone' };
    }
    case 'date':
      return typeof v === 'string' ? checkDate(q, v, today) : { key: 'invalid' };
    case 'single_choice':
      return typeof v === 'string' && optionIdsOf(q).includes(v) ? null : { key: 'invalid' };
    case 'multiple_choice':
    case 'body_map': {
      if (!isStringArray(v)) return { key: 'invalid' };
      const allowed = optionIdsOf(q);
      if (v.some((id) => !allowed.includes(id)) || new Set(v).size !== v.length) return { key: 'invalid' };
      if (q.type === 'multiple_choice') {
        const exclusive = q.options.find((o) => o.exclusive && v.includes(o.id));
        if (exclusive && v.length > 1) return { key: 'exclusive', params: { option: exclusive.label } };
        if (q.minSelected !== undefined && v.length < q.minSelected) return { key: 'min_selected', params: { min: q.minSelected } };
        if (q.maxSelected !== undefined && v.length > q.maxSelected) return { key: 'max_selected', params: { max: q.maxSelected } };
      }
      return null;
    }
    case 'yes_no':
      return typeof v === 'boolean' ? null : { key: 'invalid' };
    case 'consent':
      if (typeof v !== 'boolean') return { key: 'invalid' };
      return v || !q.required ? null : { key: 'required_consent' };
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { key: 'invalid' };
      if (q.integer && !Number.isInteger(v)) return { key: 'integer' };
      return checkNumber(v, q.min, q.max);
    case 'scale':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { key: 'invalid' };
      if (!Number.isInteger(v) || v < q.min || v > q.max) return { key: 'range', params: { min: q.min, max: q.max } };
      return null;
    case 'signature':
      return isSignature(v) ? null : { key: 'invalid' };
    default:
      return assertNever(q, 'question type');
  }
}

function toFieldError(questionId: QuestionId, problem: Problem): FieldError {
  if ('custom' in problem) return { questionId, code: problem.code, message: problem.custom };
  return { questionId, code: codeOf(problem.key), message: message(problem.key, problem.params) };
}

/** Stable codes for tests and the UI: the family of the message, not its wording. */
function codeOf(key: MessageKey): string {
  switch (key) {
    case 'required':
    case 'required_choice':
    case 'required_body_map':
    case 'required_signature':
    case 'required_consent':
      return 'required';
    case 'date_future':
    case 'date_max':
      return 'date_max';
    case 'date_past':
    case 'date_min':
      return 'date_min';
    case 'range':
      return 'range';
    default:
      return key;
  }
}

/** Validates one question's answer as if it were visible. */
export function validateAnswer(q: Question, raw: AnswerValue | undefined, now: Date): FieldError | null {
  if (isEmpty(raw) || (q.type === 'consent' && raw === false && q.required)) {
    return q.required ? toFieldError(q.id, { key: requiredKey(q) }) : null;
  }
  if (raw === undefined) return null; // isEmpty() above already handled it; this narrows the type
  const problem = checkValue(q, raw, civilToday(now));
  return problem ? toFieldError(q.id, problem) : null;
}

/** The errors of one step's visible questions; hidden questions are never required. */
export function validateStep(form: FormDefinition, stepId: string, answers: Answers, now: Date): readonly FieldError[] {
  const view = answerView(form, answers, now);
  const step = form.steps.find((s) => s.id === stepId);
  if (!step || !view.isStepVisible(step.id)) return [];
  return step.questions.flatMap((q) => {
    if (!view.isVisible(q.id)) return [];
    const error = validateAnswer(q, answers[q.id], now);
    return error ? [error] : [];
  });
}

/** Every visible step's errors, plus one per answer to a question the form does not have. */
export function validateSubmission(form: FormDefinition, answers: Answers, now: Date): readonly FieldError[] {
  const known = compiled(form).questions;
  const unknown = Object.keys(answers)
    .filter((id) => !known.has(id))
    // Branding an unknown id is deliberate: the error names exactly what the client sent.
    .map((id): FieldError => ({ questionId: id as QuestionId, code: 'unknown_question', message: message('unknown_question') }));
  return [...form.steps.flatMap((s) => validateStep(form, s.id, answers, now)), ...unknown];
}
