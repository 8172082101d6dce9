/**
 * Dates, times and numbers for the staff and admin screens: Intl in the reader's language,
 * one format per kind, so a visit reads the same in the queue, the detail and the audit log.
 * The formats themselves live in forms/engine/intl-format.ts, shared with the signed PDF.
 */

export { createFormatter, INTL_FORMATS, NO_VALUE, type Formatter, type Instant, type InstantKind } from '../../../forms/engine/intl-format.ts';

/**
 * The locale for `language`: the first of the browser's preferred locales in that language
 * (an "en" reader on an en-GB machine gets day-month dates), else the language itself.
 */
export function resolveLocale(language: string, preferred: readonly string[]): string {
  const base = language.split('-')[0]?.toLowerCase() ?? language;
  if (language.includes('-')) return language;
  const regional = preferred.find((tag) => tag.split('-')[0]?.toLowerCase() === base);
  return regional ?? language;
}
