/**
 * The staff and admin screens' text in every shipped language: i18next namespaces `staff`
 * and `admin`. Each translation is typed against the English object, so a missing key is a
 * type error; staff-parity.test.ts checks placeholders and plural forms.
 */
import type { StaffLanguage } from '../../../api/contract.ts';
import { adminAr } from './admin-ar.ts';
import { adminEn } from './admin-en.ts';
import { adminEs } from './admin-es.ts';
import { adminFr } from './admin-fr.ts';
import { adminKo } from './admin-ko.ts';
import { adminRu } from './admin-ru.ts';
import { adminVi } from './admin-vi.ts';
import { adminZh } from './admin-zh.ts';
import { staffAr } from './staff-ar.ts';
import { staffEn } from './staff-en.ts';
import { staffEs } from './staff-es.ts';
import { staffFr } from './staff-fr.ts';
import { staffKo } from './staff-ko.ts';
import { staffRu } from './staff-ru.ts';
import { staffVi } from './staff-vi.ts';
import { staffZh } from './staff-zh.ts';
import { SAFETY_TEXT } from './admin-safety-text.ts';
import { WHERE_TEXT } from './admin-where-text.ts';
import { AUDIT_TEXT } from './staff-audit-text.ts';
import { OUTCOME_TEXT } from './staff-outcome-text.ts';
import type { Translation } from './translation-shape.ts';

/**
 * Feature texts kept in their own file with every language (staff-outcome-text.ts...), joined
 * into the namespace here under their key.
 */
const staffExtras = (lang: StaffLanguage) => ({ outcome: OUTCOME_TEXT[lang], auditLog: AUDIT_TEXT[lang] });
const adminExtras = (lang: StaffLanguage) => ({ safety: SAFETY_TEXT[lang], where: WHERE_TEXT[lang] });

export interface StaffNamespaces {
  readonly staff: Translation<typeof staffEn> & ReturnType<typeof staffExtras>;
  readonly admin: Translation<typeof adminEn> & ReturnType<typeof adminExtras>;
}

const join = (lang: StaffLanguage, staff: Translation<typeof staffEn>, admin: Translation<typeof adminEn>): StaffNamespaces => ({
  staff: { ...staff, ...staffExtras(lang) },
  admin: { ...admin, ...adminExtras(lang) },
});

/** Every language the contract lets a staff member choose (api STAFF_LANGUAGES) has both namespaces. */
export const STAFF_RESOURCES: Readonly<Record<StaffLanguage, StaffNamespaces>> = {
  en: join('en', staffEn, adminEn),
  es: join('es', staffEs, adminEs),
  fr: join('fr', staffFr, adminFr),
  zh: join('zh', staffZh, adminZh),
  vi: join('vi', staffVi, adminVi),
  ko: join('ko', staffKo, adminKo),
  ar: join('ar', staffAr, adminAr),
  ru: join('ru', staffRu, adminRu),
};

/** The staff screen languages in menu order (the contract's StaffLanguage, as a list the renderer may hold). */
export const STAFF_SCREEN_LANGUAGES = Object.keys(STAFF_RESOURCES) as readonly StaffLanguage[];
