/**
 * The therapist's workspace: one submission's detail, its signed PDF, acknowledgement,
 * print, export again, and the audit log. Every channel is `staff`: it needs a live staff
 * session (therapist or admin) and extends it.
 *
 * Audit log access: both roles may list and verify it. Entries hold ids, actions and
 * small non-sensitive facts only (core/audit/log.ts), and a therapist checking
 * who opened a record they are responsible for is the point of the log. Client names are
 * added for admins only (decrypted in main); a therapist reads "an intake".
 */
import { z } from 'zod';
import { empty, id, submissionId, type ChannelSpec, type Severity, type StaffRole } from './common.ts';
import type { StaffSession } from './staff.ts';

/** The kinds of entry the audit log can be filtered by: client records, sign-ins, staff, settings and forms, the kiosk itself. */
export const AUDIT_GROUPS = ['records', 'sign_ins', 'staff', 'settings', 'system'] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

/** At most this many flag codes in one acknowledgement (a form has a few dozen rules). */
const MAX_FLAGS_READ = 100;

/**
 * What happened with a client whose intake raised a stop or clearance flag, recorded with the
 * acknowledgement (required then). `other` needs a short note; the audit log keeps the code only.
 */
export const OUTCOME_CODES = ['not_treated_referred', 'rebooked', 'clearance_seen', 'treated_with_changes', 'other'] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];
/** The note's length limit: a line, not a clinical record. */
export const OUTCOME_NOTE_MAX = 200;

export const outcomeSchema = z
  .object({
    code: z.enum(OUTCOME_CODES, 'Choose what happened with this client.'),
    note: z.string().trim().max(OUTCOME_NOTE_MAX, `Keep the note under ${OUTCOME_NOTE_MAX} characters.`).optional(),
  })
  .strict()
  .refine((o) => o.code !== 'other' || (o.note ?? '').length > 0, { message: 'Write a short note when the outcome is "Other".', path: ['note'] });

export const therapistSpecs = {
  'submission:get': { access: 'staff', request: z.object({ submissionId }).strict() },
  'submission:pdf': { access: 'staff', request: z.object({ submissionId }).strict() },
  'submission:acknowledge': {
    access: 'staff',
    request: z
      .object({
        submissionId,
        /** Codes of the flags the therapist ticked as read; every stop and clearance flag must be here. */
        flagsRead: z.array(id).max(MAX_FLAGS_READ).default([]),
        /** What happened; required when the submission has a stop or clearance flag (checked in core/therapist/acknowledge.ts). */
        outcome: outcomeSchema.optional(),
      })
      .strict(),
  },
  'submission:print': { access: 'staff', request: z.object({ submissionId }).strict() },
  'submission:export': { access: 'staff', request: z.object({ submissionId }).strict() },
  'audit:list': {
    access: 'staff',
    request: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        beforeId: z.number().int().positive().optional(),
        /** Only entries of this kind (core/audit/audit-query.ts maps each group to its actions). */
        what: z.enum(AUDIT_GROUPS, 'Choose one of the kinds of entry the log lists.').optional(),
        /** Only entries by this actor: a staff id, 'kiosk-client' (the kiosk) or 'system' (the kiosk on its own). */
        who: id.optional(),
        /** Entries at or after this instant (the start of the first local day asked for). */
        since: z.iso.datetime().optional(),
        /** Entries before this instant (the start of the local day after the last one). */
        before: z.iso.datetime().optional(),
      })
      .strict()
      .refine((q) => q.since === undefined || q.before === undefined || Date.parse(q.since) < Date.parse(q.before), {
        message: 'The start of the period must be before its end.',
        path: ['before'],
      }),
  },
  'audit:verify': { access: 'staff', request: empty },
  /** The therapist is reading or scrolling: keep the session alive (any staff call does the same). */
  'staff:touch': { access: 'staff', request: empty },
} as const satisfies Record<string, ChannelSpec>;

export const therapistChannels = {
  'submission:get': 'getSubmission',
  'submission:pdf': 'getSubmissionPdf',
  'submission:acknowledge': 'acknowledgeSubmission',
  'submission:print': 'printSubmission',
  'submission:export': 'exportSubmission',
  'audit:list': 'listAudit',
  'audit:verify': 'verifyAudit',
  'staff:touch': 'touchStaffSession',
} as const;

/** One answer that raised a flag, as the therapist reads it. */
export interface FlagTrigger {
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
}

/** A flag's words in one of the form's languages: what the staff screens show a reader of it. */
export interface FlagTexts {
  readonly title: string;
  readonly guidance: string;
  /** Each trigger's question and answer, in the order of `DetailFlag.triggers`. */
  readonly triggers: readonly { readonly question: string; readonly answer: string }[];
}

export interface DetailFlag {
  /** The rule's code; derived flags (not from the form's rules) start with "KIOSK_". */
  readonly code: string;
  readonly severity: Severity;
  /** Title, guidance and triggers in the form's default language (the fallback for any reader). */
  readonly title: string;
  readonly guidance: string;
  readonly triggers: readonly FlagTrigger[];
  /** The language `title`, `guidance` and `triggers` are written in. */
  readonly language: string;
  /**
   * The same words in each language the form carries (language code -> texts), so the staff
   * screens show the reader's own language without asking again. Empty for derived flags.
   */
  readonly byLanguage: Readonly<Record<string, FlagTexts>>;
  /** Stop and clearance flags must each be ticked as read before acknowledging. */
  readonly mustTick: boolean;
  /** True when the kiosk added it from the client's history rather than the form's rules. */
  readonly derived: boolean;
}

/** A question and its answer, formatted for reading. */
export interface DetailField {
  readonly questionId: string;
  readonly label: string;
  readonly value: string;
}

export interface DetailSection {
  readonly stepId: string;
  readonly title: string;
  readonly items: readonly DetailField[];
}

export interface DetailBodyMap {
  readonly questionId: string;
  readonly label: string;
  /** Marked region ids (BODY_MAP ids), in the order the client tapped them. */
  readonly regionIds: readonly string[];
  readonly regionLabels: readonly string[];
}

export interface DetailPain {
  readonly label: string;
  readonly value: number | null;
  readonly max: number;
  readonly text: string;
}

export interface PainChange {
  readonly before: number | null;
  readonly now: number | null;
  /** `better` means lower pain now. */
  readonly trend: 'better' | 'worse' | 'same' | 'unknown';
}

/** What changed since the same client's (name + date of birth) previous visit. */
export interface ChangesSinceLast {
  readonly previousSubmissionId: string;
  readonly previousVisitAt: string;
  /** How many earlier visits the kiosk holds for this client. */
  readonly earlierVisits: number;
  readonly newConditions: readonly string[];
  readonly resolvedConditions: readonly string[];
  readonly pain: PainChange;
  readonly newAreas: readonly string[];
  readonly resolvedAreas: readonly string[];
}

export interface AcknowledgementOutcome {
  readonly code: OutcomeCode;
  /** The therapist's short note (always for `other`), or null. */
  readonly note: string | null;
}

export interface Acknowledgement {
  readonly status: 'new' | 'acknowledged';
  readonly at: string | null;
  readonly byStaffId: string | null;
  readonly byName: string | null;
  /** What happened with the client, recorded with a stop or clearance acknowledgement; null otherwise. */
  readonly outcome: AcknowledgementOutcome | null;
}

/** Whether the stored PDF is the one the kiosk signed. */
export interface SignatureStatus {
  /** SHA-256 of the stored bytes equals the recorded value, and the PDF's CMS signature (PAdES, or the PKCS#7 of earlier versions) verifies. */
  readonly valid: boolean;
  readonly hashMatches: boolean;
  readonly signatureVerifies: boolean;
  /** Signer's common name from the embedded certificate; null when it could not be read. */
  readonly signer: string | null;
  readonly signedAt: string;
  readonly sha256: string;
  /** Why it is not valid, in words; null when valid. */
  readonly problem: string | null;
}

export interface SubmissionDetail {
  readonly submissionId: string;
  readonly createdAt: string;
  /** Visit time written out in the form's default language. */
  readonly visitText: string;
  readonly clientName: string;
  /**
   * Characters of the name no font in the kiosk can draw ("U+13000"): the signed PDF
   * shows them as "[U+13000]" placeholders. Empty when the whole name is drawn.
   */
  readonly undrawableInName: readonly string[];
  /** ISO date; null when the form asks no date of birth. */
  readonly dateOfBirth: string | null;
  readonly dateOfBirthText: string | null;
  readonly age: number | null;
  /**
   * A minor's parent or guardian, who consented: their answers in one line ("Marta García · Parent ·
   * +1 555 010 0144", the form's default language); null when the form asked for none.
   */
  readonly guardian: string | null;
  readonly language: string;
  readonly languageName: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly formTitle: string;
  /** Most severe first; texts in the form's default language and, per flag, in each of its languages. */
  readonly flags: readonly DetailFlag[];
  readonly bodyMap: DetailBodyMap | null;
  readonly pain: DetailPain | null;
  /** Duration, cause and similar facts from the pain step. */
  readonly painFacts: readonly DetailField[];
  readonly preferences: readonly DetailField[];
  readonly sections: readonly DetailSection[];
  readonly acknowledgement: Acknowledgement;
  readonly signature: SignatureStatus;
  readonly changes: ChangesSinceLast | null;
}

export interface SubmissionPdf {
  readonly pdfBase64: string;
  readonly signature: SignatureStatus;
}

export type PrintResult = { readonly kind: 'printed' } | { readonly kind: 'pdf'; readonly pdfBase64: string };

export interface AuditListEntry {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  /** The staff member's name when the actor is a staff id. */
  readonly actorName: string | null;
  readonly actorRole: StaffRole | null;
  readonly subjectId: string | null;
  /** What the subject id names: a client's submission, a staff member, a form; null for none. */
  readonly subjectKind: 'submission' | 'staff' | 'form' | null;
  /**
   * The subject in words: a staff member's name; a client's name for admins only (decrypted in
   * main; null for therapists and for records already purged).
   */
  readonly subjectName: string | null;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

/** Failed staff logins, counted per staff member (or ids that are not staff) and source. */
export interface LoginFailureSummary {
  /** null: ids that are not staff members (the typed id is never kept). */
  readonly staffId: string | null;
  readonly staffName: string | null;
  /** Where the attempts came from: the kiosk page's origin, later a device address; 'other' past a cap. */
  readonly source: string;
  readonly failures: number;
  readonly firstAt: string;
  readonly lastAt: string;
}

/** `notes`: what the check covered and what it could not (legacy entries, checkpoints outside the database). */
export type AuditCheck =
  | { readonly ok: true; readonly entries: number; readonly notes: readonly string[] }
  | { readonly ok: false; readonly firstBrokenId: number; readonly reason: string; readonly notes: readonly string[] };

export interface TherapistResponses {
  'submission:get': SubmissionDetail;
  'submission:pdf': SubmissionPdf;
  'submission:acknowledge': Acknowledgement;
  'submission:print': PrintResult;
  'submission:export': { readonly fileName: string };
  'audit:list': { readonly entries: readonly AuditListEntry[]; readonly nextBeforeId: number | null; readonly loginFailures: readonly LoginFailureSummary[] };
  'audit:verify': AuditCheck;
  'staff:touch': StaffSession;
}
