/** Staff sign-in and the therapist's queue. */
import { z } from 'zod';
import { empty, id, LIMITS, personName, pin, type ChannelSpec, type Severity, type StaffRole } from './common.ts';
import type { OutcomeCode } from './therapist.ts';

/** The languages the staff and admin screens are written in (renderer/src/i18n/staff-resources.ts). */
export const STAFF_LANGUAGES = ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];
/** A staff member's screen language; null follows the clinic's default language. */
export const staffLanguage = z.enum(STAFF_LANGUAGES, { message: `Choose one of the staff screen languages: ${STAFF_LANGUAGES.join(', ')}.` }).nullable();

export const staffSpecs = {
  'staff:status': { access: 'public', request: empty },
  /** Refused with `conflict` once anyone exists. */
  'staff:setup': { access: 'public', request: z.object({ name: personName, pin }).strict() },
  // Public on purpose: the login screen lists who can sign in. Staff names are not health data.
  'staff:roster': { access: 'public', request: empty },
  'staff:login': { access: 'public', request: z.object({ staffId: id, pin }).strict() },
  /** Ends the caller's own session, if any. */
  'staff:lock': { access: 'public', request: empty },
  /** The caller's own screen language (any signed-in role; it changes only their own screens). */
  'staff:setLanguage': { access: 'staff', request: z.object({ language: staffLanguage }).strict() },
  'kiosk:quit': { access: 'kiosk-admin', request: empty },
  'queue:list': {
    access: 'staff',
    request: z
      .object({
        /** Submissions created at or after this instant (the start of the first local day shown). */
        since: z.iso.datetime().optional(),
        /** Submissions created before this instant (the start of the local day after the last one shown). */
        before: z.iso.datetime().optional(),
        status: z.enum(['all', 'new', 'acknowledged']).default('all'),
        search: z.string().trim().max(LIMITS.name).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict()
      .refine((q) => q.since === undefined || q.before === undefined || Date.parse(q.since) < Date.parse(q.before), {
        message: 'The start of the period must be before its end.',
        path: ['before'],
      }),
  },
} as const satisfies Record<string, ChannelSpec>;

export const staffChannels = {
  'staff:status': 'staffStatus',
  'staff:setup': 'setupFirstAdmin',
  'staff:roster': 'staffRoster',
  'staff:login': 'staffLogin',
  'staff:lock': 'staffLock',
  'staff:setLanguage': 'staffSetLanguage',
  'kiosk:quit': 'quitKiosk',
  'queue:list': 'listQueue',
} as const;

export interface StaffSession {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly expiresAt: string;
  /** The language of this person's staff screens: their own choice, else the clinic's default language. */
  readonly language: string;
}

export interface StaffStatus {
  readonly needsSetup: boolean;
  readonly session: StaffSession | null;
  /** The clinic's default language: the staff screens' language while nobody is signed in. */
  readonly clinicLanguage: string;
}

export interface RosterEntry {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
}

export interface QueueItem {
  readonly submissionId: string;
  readonly createdAt: string;
  readonly clientName: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly status: 'new' | 'acknowledged';
  /** Number of flags per severity. */
  readonly severities: Readonly<Record<Severity, number>>;
  /** The outcome recorded with a stop or clearance acknowledgement; null when none. */
  readonly outcome: OutcomeCode | null;
  /** On the clinic server, for an intake a kiosk forwarded: whether it was queued there and the kiosk's clock. */
  readonly arrival?: ArrivalNote;
}

/** How a forwarded intake reached the clinic server (core/network/arrivals.ts). */
export interface ArrivalNote {
  /** It reached the server more than 2 minutes after the kiosk signed it (it waited in the kiosk's outbox). */
  readonly late: boolean;
  /** The kiosk's clock minus the server's, in whole minutes, when they differed by more than 2 minutes; else null. */
  readonly clockSkewMinutes: number | null;
}

export interface StaffResponses {
  'staff:status': StaffStatus;
  'staff:setup': StaffSession;
  'staff:roster': readonly RosterEntry[];
  'staff:login': StaffSession;
  'staff:lock': { readonly locked: true };
  'staff:setLanguage': StaffSession;
  /** Admin only: leave kiosk mode (the documented staff exit). Chromium mode cannot quit itself. */
  'kiosk:quit': { readonly quitting: boolean };
  'queue:list': { readonly items: readonly QueueItem[] };
}
