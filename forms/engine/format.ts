/** Answers as people read them, for the review screen and the PDF. */
import { isSignature } from './answers.ts';
import { compiled } from './compile.ts';
import { localize } from './i18n.ts';
import type { AnswerValue, LanguageCode } from './ids.ts';
import { ANSWER_WORDS } from './messages.ts';
import { specOf } from './question-types/index.ts';
import type { FormDefinition } from './types.ts';

function raw(value: AnswerValue): string {
  if (value === null) return '';
  if (isSignature(value)) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Human text for one answer in `lang`: option and region labels, Yes/No words, dates as
 * `lang` writes them (intl-format.ts: "Jun 15, 2025", "15 juin 2025"), "7 / 10" for scales. Empty answers read "Not answered".
 * A value that does not fit its question's type is shown as it is.
 */
export function formatAnswer(form: FormDefinition, questionId: string, value: AnswerValue, lang: LanguageCode): string {
  const empty = value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
  if (empty) return localize(ANSWER_WORDS.unanswered, lang, 'en');
  const q = compiled(form).questions.get(questionId)?.question;
  if (!q) return raw(value);
  return specOf(q).format(q, value, { lang, fallback: form.defaultLanguage }) ?? raw(value);
}
