import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { zh } from './zh.ts';
import { vi } from './vi.ts';
import { ko } from './ko.ts';
import { ar } from './ar.ts';
import { ru } from './ru.ts';
import { STAFF_RESOURCES } from './staff-resources.ts';
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
    // `translation` is the client flow's chrome; `staff` and `admin` are the staff and admin
    // screens' text, in every shipped language (staff-resources.ts).
    resources: {
      en: { translation: en, ...STAFF_RESOURCES.en },
      es: { translation: es, ...STAFF_RESOURCES.es },
      fr: { translation: fr, ...STAFF_RESOURCES.fr },
      zh: { translation: zh, ...STAFF_RESOURCES.zh },
      vi: { translation: vi, ...STAFF_RESOURCES.vi },
      ko: { translation: ko, ...STAFF_RESOURCES.ko },
      ar: { translation: ar, ...STAFF_RESOURCES.ar },
      ru: { translation: ru, ...STAFF_RESOURCES.ru },
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

/** The staff screens' language before anyone signs in, when the clinic names none we ship. */
export const STAFF_LANGUAGE = 'en';

/**
 * The staff screens' own i18n instance (same resources): the language a client chose never
 * changes the staff screens, and a staff member's language never changes the client flow.
 * StaffApp switches it to the signed-in staff member's language and back on lock.
 */
export function createStaffI18n(language: string = STAFF_LANGUAGE): i18n {
  const instance = i18next.cloneInstance({ lng: language });
  void instance.changeLanguage(language);
  return instance;
}
