/**
 * Test support: a text for every language of a form, the way an admin fills each language's box
 * in the form editor before publishing (a form language missing a text does not publish). The
 * given texts are kept; each other language gets the English text marked with its code, so a test
 * can still tell which language it is reading.
 */
import type { LocalizedText } from '../engine/index.ts';

export function inEveryLanguage(languages: readonly string[], given: LocalizedText): LocalizedText {
  const english = given.en ?? Object.values(given)[0] ?? '';
  return Object.fromEntries(languages.map((lang) => [lang, given[lang] ?? `${english} [${lang}]`]));
}
