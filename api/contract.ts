/**
 * The one IPC contract between the renderer and the main process.
 *
 * - `channels` maps each `domain:verb` channel to the single method the renderer calls.
 * - `requests` holds the zod schema main parses every payload with (core/handler.ts).
 * - `Responses` is what each channel resolves to, wrapped in a Result (api/result.ts).
 * - `KioskApi` is the shape of `window.kiosk`; api/bridge.ts builds it, the preload exposes it.
 *
 * Each domain declares its channels in api/channels/<domain>.ts; this file joins them.
 * The renderer imports this file with `import type` only.
 */
import type { z } from 'zod';
import type { Result } from './result.ts';
import { intakeChannels, intakeRequests, type IntakeResponses } from './channels/intake.ts';
import { staffChannels, staffRequests, type StaffResponses } from './channels/staff.ts';
import { therapistChannels, therapistRequests, type TherapistResponses } from './channels/therapist.ts';
import { adminChannels, adminRequests, type AdminResponses } from './channels/admin.ts';

export * from './channels/common.ts';
export * from './channels/intake.ts';
export * from './channels/staff.ts';
export * from './channels/therapist.ts';
export * from './channels/admin.ts';

export const requests = {
  ...intakeRequests,
  ...staffRequests,
  ...therapistRequests,
  ...adminRequests,
} as const satisfies Record<string, z.ZodType>;

export type Channel = keyof typeof requests;
export type Request<C extends Channel> = z.input<(typeof requests)[C]>;
export type ParsedRequest<C extends Channel> = z.output<(typeof requests)[C]>;

/** The method name on `window.kiosk` for each channel: one method per channel. */
export const channels = {
  ...intakeChannels,
  ...staffChannels,
  ...therapistChannels,
  ...adminChannels,
} as const satisfies Record<Channel, string>;

export interface Responses extends IntakeResponses, StaffResponses, TherapistResponses, AdminResponses {}

type MethodOf<C extends Channel> = (typeof channels)[C];

/** The object the preload exposes as `window.kiosk`. */
export type KioskApi = {
  readonly [C in Channel as MethodOf<C>]: (request: Request<C>) => Promise<Result<Responses[C]>>;
};

export const CHANNELS = Object.keys(channels) as readonly Channel[];
