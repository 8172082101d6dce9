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
import type { Translation } from './translation-shape.ts';

export interface StaffNamespaces {
  readonly staff: Translation<typeof staffEn>;
  readonly admin: Translation<typeof adminEn>;
}

/** Every language the contract lets a staff member choose (api STAFF_LANGUAGES) has both namespaces. */
export const STAFF_RESOURCES: Readonly<Record<StaffLanguage, StaffNamespaces>> = {
  en: { staff: staffEn, admin: adminEn },
  es: { staff: staffEs, admin: adminEs },
  fr: { staff: staffFr, admin: adminFr },
  zh: { staff: staffZh, admin: adminZh },
  vi: { staff: staffVi, admin: adminVi },
  ko: { staff: staffKo, admin: adminKo },
  ar: { staff: staffAr, admin: adminAr },
  ru: { staff: staffRu, admin: adminRu },
};

/** The staff screen languages in menu order (the contract's StaffLanguage, as a list the renderer may hold). */
export const STAFF_SCREEN_LANGUAGES = Object.keys(STAFF_RESOURCES) as readonly StaffLanguage[];
