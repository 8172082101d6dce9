/** Languages written right to left among those the kiosk may show (Arabic ships; the rest are ready). */
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

/** The writing direction of a language tag (`ar`, `ar-EG` -> rtl). */
export function languageDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.split('-')[0] ?? lang) ? 'rtl' : 'ltr';
}
