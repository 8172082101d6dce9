/**
 * The admin area: form drafts, versions, import/export, clinic settings, staff members,
 * the signing certificate and the data key. Every channel is `admin` (a live admin session);
 * every change is audit-logged in main with before/after summaries (never health data).
 */
import { z } from 'zod';
import { AGE_OF_CONSENT_RANGE, type FormDefinition, type FormDefinitionError } from '../../forms/engine/index.ts';
import { empty, id, language, personName, pin, type ChannelSpec, type StaffRole } from './common.ts';
import { staffLanguage, type StaffLanguage } from './staff.ts';

/** Size limits of the admin payloads (all below the boundary's 1.5 MB). */
export const ADMIN_LIMITS = {
  /** A form definition as JSON text; the default form is about 60 kB. */
  formJsonChars: 1_000_000,
  /** The logo as a data URL (about 300 kB of image). */
  logoDataUrlChars: 400_000,
  /** A .p12 as base64 (about 75 kB of file). */
  p12Base64Chars: 100_000,
  passphrase: 200,
  expression: 2_000,
} as const;

/** A draft definition as the editor holds it: JSON data that may not be valid yet. */
const draftDefinition = z.record(z.string(), z.unknown());

/** Where an expression lives in the draft: a step's or question's visibleIf, or a rule's `when`. */
export const expressionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), stepIndex: z.number().int().min(0).max(200) }).strict(),
  z.object({ kind: z.literal('question'), stepIndex: z.number().int().min(0).max(200), questionIndex: z.number().int().min(0).max(500) }).strict(),
  z.object({ kind: z.literal('rule'), ruleIndex: z.number().int().min(0).max(500) }).strict(),
]);
export type ExpressionTarget = z.output<typeof expressionTargetSchema>;

const formRef = z.object({ formId: id, version: z.number().int().min(1) }).strict();
const logoDataUrl = z
  .string()
  .max(ADMIN_LIMITS.logoDataUrlChars, `The logo is too large (at most about ${Math.round((ADMIN_LIMITS.logoDataUrlChars * 3) / 4 / 1000)} kB).`)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'The logo must be a PNG or JPEG image.');

export const adminSpecs = {
  'admin:getFormDraft': { access: 'admin', request: empty },
  'admin:saveFormDraft': { access: 'admin', request: z.object({ definition: draftDefinition }).strict() },
  'admin:checkExpression': {
    access: 'admin',
    request: z.object({ definition: draftDefinition, target: expressionTargetSchema, expression: z.string().max(ADMIN_LIMITS.expression) }).strict(),
  },
  'admin:publishForm': { access: 'admin', request: z.object({ definition: draftDefinition }).strict() },
  'admin:listFormVersions': { access: 'admin', request: empty },
  'admin:restoreFormVersion': { access: 'admin', request: formRef },
  'admin:exportFormVersion': { access: 'admin', request: formRef },
  'admin:importForm': {
    access: 'admin',
    request: z.object({ json: z.string().max(ADMIN_LIMITS.formJsonChars, 'The file is too large for a form definition.') }).strict(),
  },
  'admin:getSettings': { access: 'admin', request: empty },
  'admin:updateSettings': {
    access: 'admin',
    request: z
      .object({
        clinicName: z.string().trim().min(1, 'Enter the clinic name.').max(200).optional(),
        clinicAddress: z.string().max(500).optional(),
        logoDataUrl: logoDataUrl.nullable().optional(),
        idleWarningSeconds: z.number().int().min(10).max(3600).optional(),
        idleCountdownSeconds: z.number().int().min(5).max(600).optional(),
        doneResetSeconds: z.number().int().min(3).max(600).optional(),
        autoLogoffMinutes: z.number().int().min(1).max(60).optional(),
        exportFolder: z.string().trim().max(1_000).nullable().optional(),
        retentionDays: z.number().int().min(30).max(36_500).optional(),
        ageOfConsent: z
          .number()
          .int('Enter the age of consent in whole years.')
          .min(AGE_OF_CONSENT_RANGE.min, `The age of consent is at least ${AGE_OF_CONSENT_RANGE.min} years.`)
          .max(AGE_OF_CONSENT_RANGE.max, `The age of consent is at most ${AGE_OF_CONSENT_RANGE.max} years.`)
          .optional(),
        languages: z.array(language).min(1).max(20).optional(),
        defaultLanguage: language.optional(),
      })
      .strict(),
  },
  'admin:listStaff': { access: 'admin', request: empty },
  'admin:addStaff': { access: 'admin', request: z.object({ name: personName, role: z.enum(['therapist', 'admin']), pin }).strict() },
  'admin:setStaffActive': { access: 'admin', request: z.object({ staffId: id, active: z.boolean() }).strict() },
  /** null: the staff member's screens follow the clinic's default language. */
  'admin:setStaffLanguage': { access: 'admin', request: z.object({ staffId: id, language: staffLanguage }).strict() },
  'admin:resetStaffPin': { access: 'admin', request: z.object({ staffId: id, pin }).strict() },
  'admin:getCertificate': { access: 'admin', request: empty },
  'admin:regenerateCertificate': { access: 'admin', request: empty },
  'admin:importCertificate': {
    access: 'admin',
    request: z
      .object({
        p12Base64: z
          .string()
          .min(1, 'Choose a .p12 file.')
          .max(ADMIN_LIMITS.p12Base64Chars, 'The certificate file is too large.')
          .regex(/^[A-Za-z0-9+/]+=*$/, 'The certificate file could not be read.'),
        passphrase: z.string().max(ADMIN_LIMITS.passphrase),
      })
      .strict(),
  },
  /** Replaces the data key: every sealed value is re-encrypted under a new one (docs/KEYS.md). */
  'admin:rotateDataKey': { access: 'admin', request: empty },
} as const satisfies Record<string, ChannelSpec>;

export const adminChannels = {
  'admin:getFormDraft': 'adminGetFormDraft',
  'admin:saveFormDraft': 'adminSaveFormDraft',
  'admin:checkExpression': 'adminCheckExpression',
  'admin:publishForm': 'adminPublishForm',
  'admin:listFormVersions': 'adminListFormVersions',
  'admin:restoreFormVersion': 'adminRestoreFormVersion',
  'admin:exportFormVersion': 'adminExportFormVersion',
  'admin:importForm': 'adminImportForm',
  'admin:getSettings': 'adminGetSettings',
  'admin:updateSettings': 'adminUpdateSettings',
  'admin:listStaff': 'adminListStaff',
  'admin:addStaff': 'adminAddStaff',
  'admin:setStaffActive': 'adminSetStaffActive',
  'admin:setStaffLanguage': 'adminSetStaffLanguage',
  'admin:resetStaffPin': 'adminResetStaffPin',
  'admin:getCertificate': 'adminGetCertificate',
  'admin:regenerateCertificate': 'adminRegenerateCertificate',
  'admin:importCertificate': 'adminImportCertificate',
  'admin:rotateDataKey': 'adminRotateDataKey',
} as const;

/** The editor's working copy. `definition` may be invalid; `errors` says why (empty when publishable). */
export interface FormDraft {
  /** Draft data in the definition's shape; not validated (see `errors`). */
  readonly definition: FormDefinition;
  /** The published version this draft started from. */
  readonly basedOn: { readonly formId: string; readonly version: number } | null;
  readonly live: { readonly formId: string; readonly version: number };
  readonly updatedAt: string | null;
  readonly errors: readonly FormDefinitionError[];
}

/** One problem in an expression: `column` is 1-based within the expression text. */
export interface ExpressionIssue {
  readonly message: string;
  readonly column?: number;
  readonly questionId?: string;
}

export interface FormVersionSummary {
  readonly formId: string;
  readonly version: number;
  readonly publishedAt: string;
  /** The publishing admin's name when known, else 'built-in'. */
  readonly publishedBy: string;
  readonly isLive: boolean;
  readonly steps: number;
  readonly questions: number;
  readonly rules: number;
}

export type PublishOutcome =
  | { readonly status: 'published'; readonly formId: string; readonly version: number }
  | { readonly status: 'invalid'; readonly errors: readonly FormDefinitionError[] };

export type ImportOutcome =
  | { readonly status: 'imported'; readonly draft: FormDraft }
  | { readonly status: 'invalid'; readonly errors: readonly FormDefinitionError[] };

/** Settings in the units the admin screen shows (seconds, minutes). */
export interface AdminSettings {
  readonly clinicName: string;
  readonly clinicAddress: string;
  /** PNG or JPEG data URL, shown on the attract screen and the PDF; null for none. */
  readonly logoDataUrl: string | null;
  readonly idleWarningSeconds: number;
  readonly idleCountdownSeconds: number;
  readonly doneResetSeconds: number;
  readonly autoLogoffMinutes: number;
  readonly exportFolder: string | null;
  readonly retentionDays: number;
  /** In years: under it the client's guardian consents (forms read `settings.ageOfConsent`). */
  readonly ageOfConsent: number;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
}

export interface AdminStaffEntry {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly active: boolean;
  /** True while locked out after wrong PINs (a PIN reset clears it). */
  readonly lockedOut: boolean;
  readonly createdAt: string;
  /** Their chosen screen language, or null to follow the clinic's default language. */
  readonly language: StaffLanguage | null;
}

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly fingerprintSha256: string;
  /** Whole days until it expires (negative once expired). */
  readonly daysLeft: number;
}

/** The outcome of a data-key rotation. Key ids are not secret: they name a key, they are not one. */
export interface DataKeyRotation {
  readonly previousKeyId: string;
  readonly keyId: string;
  /** How many sealed values were re-encrypted under the new key. */
  readonly resealed: number;
}

export interface AdminResponses {
  'admin:getFormDraft': FormDraft;
  'admin:saveFormDraft': FormDraft;
  'admin:checkExpression': { readonly issues: readonly ExpressionIssue[] };
  'admin:publishForm': PublishOutcome;
  'admin:listFormVersions': { readonly versions: readonly FormVersionSummary[] };
  'admin:restoreFormVersion': FormDraft;
  'admin:exportFormVersion': { readonly fileName: string; readonly json: string };
  'admin:importForm': ImportOutcome;
  'admin:getSettings': AdminSettings;
  'admin:updateSettings': AdminSettings;
  'admin:listStaff': { readonly staff: readonly AdminStaffEntry[] };
  'admin:addStaff': AdminStaffEntry;
  'admin:setStaffActive': AdminStaffEntry;
  'admin:setStaffLanguage': AdminStaffEntry;
  'admin:resetStaffPin': AdminStaffEntry;
  'admin:getCertificate': CertificateInfo;
  'admin:regenerateCertificate': CertificateInfo;
  'admin:importCertificate': CertificateInfo;
  'admin:rotateDataKey': DataKeyRotation;
}
