import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { zh } from './zh.ts';
import { vi } from './vi.ts';
import { ko } from './ko.ts';
import { ar } from './ar.ts';
import { ru } from './ru.ts';

/** Native names for the language buttons: a client looks for their own language's name. */
const NATIVE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
  zh: '中文',
  vi: 'Tiếng Việt',
  ko: '한국어',
  ar: 'العربية',
  ru: 'Русский',
};

export function nativeLanguageName(code: string): string {
  const known = NATIVE_NAMES[code];
  if (known) return known;
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      es: { translation: es },
      fr: { translation: fr },
      zh: { translation: zh },
      vi: { translation: vi },
      ko: { translation: ko },
      ar: { translation: ar },
      ru: { translation: ru },
    },
    lng: 'en',
    fallbackLng: 'en',
    // Resources are bundled: initialise synchronously so the first render already has text.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
}

/** Switch the chrome language and the document's lang attribute together (screen readers follow it). */
export function applyLanguage(lang: string): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
