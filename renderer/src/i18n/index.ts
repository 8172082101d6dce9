import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn } from './admin-en.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { zh } from './zh.ts';
import { vi } from './vi.ts';
import { ko } from './ko.ts';
import { ar } from './ar.ts';
import { ru } from './ru.ts';
import { staffEn } from './staff-en.ts';
import { languageDirection } from './direction.ts';

export { languageDirection } from './direction.ts';

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
    // `staff` and `admin` are the staff and admin screens' text (English only for now: other
    // languages fall back to it, key by key).
    resources: {
      en: { translation: en, staff: staffEn, admin: adminEn },
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


/**
 * Switch the chrome language, the document's lang attribute (screen readers follow it) and its
 * direction together: with Arabic the whole page mirrors through logical CSS properties, except
 * the body map, which pins itself left to right (anatomy is never mirrored).
 */
export function applyLanguage(lang: string): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = languageDirection(lang);
}

/** The staff screens' language until each staff member chooses theirs (issue 18). */
export const STAFF_LANGUAGE = 'en';

/**
 * The staff screens' own i18n instance (same resources): the language a client chose never
 * changes the staff screens, and a staff member's language never changes the client flow.
 */
export function createStaffI18n(language: string = STAFF_LANGUAGE): i18n {
  const instance = i18next.cloneInstance({ lng: language });
  void instance.changeLanguage(language);
  return instance;
}
