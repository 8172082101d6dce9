/** Building blocks shared by the per-domain channel files. */
import { z } from 'zod';

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

export const id = z
  .string()
  .min(1)
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Use letters, digits, dot, dash, colon or underscore only.');
export const language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as "en" or "es".');
export const empty = z.object({}).strict();
export const pin = z
  .string()
  .regex(/^\d+$/, 'A PIN is digits only.')
  .min(LIMITS.pin.min, `A PIN has at least ${LIMITS.pin.min} digits.`)
  .max(LIMITS.pin.max, `A PIN has at most ${LIMITS.pin.max} digits.`);
export const personName = z.string().trim().min(1, 'Enter a name.').max(LIMITS.name);
export const submissionId = z.uuid('The submission id must be a UUID.');

export type Severity = 'stop' | 'clearance' | 'modify' | 'info';
export type StaffRole = 'therapist' | 'admin';

/**
 * Who may call a channel. Each channel declares it beside its schema; core/handler.ts
 * checks it before the handler runs, so no handler has to remember to.
 * - `public`: any caller its host lets through (today the kiosk window; on the clinic server a
 *   paired device): sign-in, status, the clinic's public settings and the live form.
 * - `kiosk`: a kiosk, not a staff device, with or without a staff session: the client's intake.
 * - `staff`: a live staff session, therapist or admin (the call extends it).
 * - `admin`: a live admin session.
 * - `kiosk-admin`: a live admin session at a kiosk: leaving kiosk mode.
 * - `kiosk-device`: a paired kiosk calling the clinic server (no staff session): forwarding the
 *   intakes it queued. Nobody else, not even an admin, may call these.
 */
export type Access = 'public' | 'kiosk' | 'staff' | 'admin' | 'kiosk-admin' | 'kiosk-device';

/** One channel: who may call it and the zod schema its payload is parsed with. */
export interface ChannelSpec {
  readonly access: Access;
  readonly request: z.ZodType;
}
