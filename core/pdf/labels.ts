/**
 * The summary's own staff-facing words (label-texts.ts holds them in every shipped
 * language). The form supplies questions, answers, flag titles and guidance in its
 * languages; these are the headings around them.
 */
import type { Severity } from '../../forms/engine/index.ts';
import { LABEL_TEXTS } from './label-texts.ts';
import type { SummaryLabels } from './summary-types.ts';

/** Languages written right to left (as renderer/src/i18n/direction.ts; core may not import the renderer). */
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

function base(lang: string): string {
  return (lang.split('-')[0] ?? lang).toLowerCase();
}

const EN = LABEL_TEXTS.en as SummaryLabels;

/** Headings in `lang`, English when we have no translation. */
export function summaryLabels(lang: string): SummaryLabels {
  return LABEL_TEXTS[base(lang)] ?? EN;
}

/** The direction the summary is laid out in for `lang`: right to left for Arabic, Persian, Hebrew, Urdu. */
export function summaryDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(base(lang)) ? 'rtl' : 'ltr';
}

export function severityWord(severity: Severity, lang: string): string {
  return summaryLabels(lang).severity[severity];
}

/** A word for a 0-10 pain score: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe (the usual NRS bands). */
export function painWord(score: number, lang: string): string {
  const words = summaryLabels(lang).pain;
  if (score <= 0) return words[0];
  if (score <= 3) return words[1];
  if (score <= 6) return words[2];
  return words[3];
}
