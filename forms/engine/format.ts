/** Answers as people read them, for the review screen and the PDF. */
import { isSignature, isStringArray } from './answers.ts';
import { bodyMapRegionLabel } from './body-map.ts';
import { compiled } from './compile.ts';
import { formatCivilDate, parseIsoDate } from './dates.ts';
import { localize } from './i18n.ts';
import { assertNever, type AnswerValue, type LanguageCode } from './ids.ts';
import { ANSWER_WORDS } from './messages.ts';
import type { FormDefinition, Question } from './types.ts';

function optionLabel(q: Question, id: string, lang: LanguageCode, fallback: LanguageCode): string {
  if (q.type === 'body_map') return localize(bodyMapRegionLabel(id), lang, fallback) || id;
  if (q.type === 'single_choice' || q.type === 'multiple_choice') {
    return localize(q.options.find((o) => o.id === id)?.label, lang, fallback) || id;
  }
  return id;
}

function raw(value: AnswerValue): string {
  if (value === null) return '';
  if (isSignature(value)) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Human text for one answer in `lang`: option and region labels, Yes/No words, dates
 * written out ("15 June 2025"), "7 / 10" for scales. Empty answers read "Not answered".
 */
export function formatAnswer(form: FormDefinition, questionId: string, value: AnswerValue, lang: LanguageCode): string {
  const fallback = form.defaultLanguage;
  const word = (w: keyof typeof ANSWER_WORDS): string => localize(ANSWER_WORDS[w], lang, 'en');
  const empty = value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
  if (empty) return word('unanswered');
  const q = compiled(form).questions.get(questionId)?.question;
  if (!q) return raw(value);
  switch (q.type) {
    case 'short_text':
    case 'long_text':
    case 'phone':
    case 'email':
      return typeof value === 'string' ? value.trim() : raw(value);
    case 'date': {
      const date = typeof value === 'string' ? parseIsoDate(value) : null;
      return date ? formatCivilDate(date, lang) : raw(value);
    }
    case 'single_choice':
      return typeof value === 'string' ? optionLabel(q, value, lang, fallback) : raw(value);
    case 'multiple_choice':
    case 'body_map':
      return isStringArray(value) ? value.map((id) => optionLabel(q, id, lang, fallback)).join(', ') : raw(value);
    case 'yes_no':
      return typeof value === 'boolean' ? word(value ? 'yes' : 'no') : raw(value);
    case 'consent':
      return typeof value === 'boolean' ? word(value ? 'accepted' : 'notAccepted') : raw(value);
    case 'number': {
      if (typeof value !== 'number') return raw(value);
      const unit = localize(q.unit, lang, fallback);
      return unit ? `${value} ${unit}` : String(value);
    }
    case 'scale':
      return typeof value === 'number' ? `${value} / ${q.max}` : raw(value);
    case 'signature':
      return isSignature(value) && value.strokes.some((s) => s.length > 0) ? word('signed') : word('unanswered');
    default:
      return assertNever(q, 'question type');
  }
}
