/**
 * The one IPC contract between the renderer and the main process.
 *
 * - `channels` maps each `domain:verb` channel to the single method the renderer calls.
 * - `requests` holds the zod schema main parses every payload with (see electron/core/handler.ts).
 * - `Responses` is what each channel resolves to, wrapped in a Result.
 * - `KioskApi` is the shape of `window.kiosk`; api/bridge.ts builds it and the preload exposes it.
 *
 * The renderer imports this file with `import type` only.
 */
import { z } from 'zod';
import type { FormDefinition } from '../forms/engine/index.ts';
import type { Result } from './result.ts';

/** Limits that keep one payload from exhausting memory or the database. */
export const LIMITS = {
  idLength: 100,
  shortText: 500,
  longText: 5_000,
  answers: 300,
  choices: 60,
  strokes: 400,
  pointsPerStroke: 4_000,
  pointsTotal: 40_000,
  pin: { min: 6, max: 12 },
  name: 120,
} as const;

const id = z.string().min(1).max(LIMITS.idLength).regex(/^[A-Za-z0-9_.:-]+$/, 'Use letters, digits, dot, dash, colon or underscore only.');
const language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as "en" or "es".');
const empty = z.object({}).strict();

const point = z.object({ x: z.number().finite(), y: z.number().finite(), t: z.number().finite() }).strict();
export const signatureSchema = z
  .object({
    width: z.number().positive().max(10_000),
    height: z.number().positive().max(10_000),
    strokes: z.array(z.array(point).max(LIMITS.pointsPerStroke)).max(LIMITS.strokes),
  })
  .strict()
  .refine((s) => s.strokes.reduce((n, st) => n + st.length, 0) <= LIMITS.pointsTotal, 'The signature has too many points.');

export const answerValueSchema = z.union([
  z.string().max(LIMITS.longText),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(LIMITS.idLength)).max(LIMITS.choices),
  signatureSchema,
  z.null(),
]);

export const answersSchema = z
  .record(z.string().max(LIMITS.idLength), answerValueSchema)
  .refine((a) => Object.keys(a).length <= LIMITS.answers, 'Too many answers.');

const pin = z.string().regex(/^\d+$/, 'A PIN is digits only.').min(LIMITS.pin.min, `A PIN has at least ${LIMITS.pin.min} digits.`).max(LIMITS.pin.max);
const personName = z.string().trim().min(1, 'Enter a name.').max(LIMITS.name);

export const requests = {
  'kiosk:getConfig': empty,
  'form:getActive': empty,
  'intake:submit': z
    .object({
      submissionId: z.uuid('The submission id must be a UUID.'),
      formId: id,
      formVersion: z.number().int().positive(),
      language,
      answers: answersSchema,
      startedAt: z.iso.datetime({ offset: true }),
    })
    .strict(),
  'staff:status': empty,
  'staff:setup': z.object({ name: personName, pin }).strict(),
  'staff:roster': empty,
  'staff:login': z.object({ staffId: id, pin }).strict(),
  'staff:lock': empty,
  'queue:list': z
    .object({
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      status: z.enum(['all', 'new', 'acknowledged']).default('all'),
      search: z.string().trim().max(LIMITS.name).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type Channel = keyof typeof requests;
export type Request<C extends Channel> = z.input<(typeof requests)[C]>;
export type ParsedRequest<C extends Channel> = z.output<(typeof requests)[C]>;

/** The method name on `window.kiosk` for each channel: one method per channel. */
export const channels = {
  'kiosk:getConfig': 'getConfig',
  'form:getActive': 'getActiveForm',
  'intake:submit': 'submitIntake',
  'staff:status': 'staffStatus',
  'staff:setup': 'setupFirstAdmin',
  'staff:roster': 'staffRoster',
  'staff:login': 'staffLogin',
  'staff:lock': 'staffLock',
  'queue:list': 'listQueue',
} as const satisfies Record<Channel, string>;

export type Severity = 'stop' | 'clearance' | 'modify' | 'info';
export type StaffRole = 'therapist' | 'admin';

export interface KioskConfig {
  readonly clinicName: string;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** Idle time before the "Still there?" prompt. */
  readonly idleWarningMs: number;
  /** Countdown shown in the prompt before the full reset. */
  readonly idleCountdownMs: number;
  /** How long the done screen stays before resetting itself. */
  readonly doneResetMs: number;
}

export interface ActiveForm {
  readonly form: FormDefinition;
}

export interface SubmitReceipt {
  readonly submissionId: string;
  /** True when this id had already been stored: the retry was absorbed, nothing stored twice. */
  readonly duplicate: boolean;
  /** A stop flag was raised: the client is asked to speak to the front desk (no clinical detail). */
  readonly needsFrontDesk: boolean;
  /** Client-facing messages of the raised flags, in the client's language. */
  readonly clientMessages: readonly string[];
}

export interface StaffSession {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly expiresAt: string;
}

export interface StaffStatus {
  readonly needsSetup: boolean;
  readonly session: StaffSession | null;
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
}

export interface Responses {
  'kiosk:getConfig': KioskConfig;
  'form:getActive': ActiveForm;
  'intake:submit': SubmitReceipt;
  'staff:status': StaffStatus;
  'staff:setup': StaffSession;
  'staff:roster': readonly RosterEntry[];
  'staff:login': StaffSession;
  'staff:lock': { readonly locked: true };
  'queue:list': { readonly items: readonly QueueItem[] };
}

type MethodOf<C extends Channel> = (typeof channels)[C];

/** The object the preload exposes as `window.kiosk`. */
export type KioskApi = {
  readonly [C in Channel as MethodOf<C>]: (request: Request<C>) => Promise<Result<Responses[C]>>;
};

export const CHANNELS = Object.keys(channels) as readonly Channel[];
