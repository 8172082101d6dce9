import type { LanguageCode, LocalizedText } from './ids.ts';

/**
 * Picks the text for `lang`, then `fallback`, then any non-empty translation, so a
 * screen never shows an empty label even for a half-translated draft.
 */
export function localize(text: LocalizedText | undefined, lang: LanguageCode, fallback: LanguageCode = 'en'): string {
  if (!text) return '';
  const direct = text[lang];
  if (direct) return direct;
  const second = text[fallback];
  if (second) return second;
  return Object.values(text).find((t) => t !== '') ?? '';
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  it: 'Italian',
  pt: 'Portuguese',
  zh: 'Chinese',
  vi: 'Vietnamese',
  ko: 'Korean',
  ar: 'Arabic',
  ru: 'Russian',
  tl: 'Tagalog',
};

/** English name of a language code for admin-facing messages (`es` -> `Spanish`). */
export function languageName(code: LanguageCode): string {
  return LANGUAGE_NAMES[code.split('-')[0] ?? code] ?? code;
}
