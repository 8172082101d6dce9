/**
 * The one IPC contract between the renderer and the main process.
 *
 * - `channels` maps each `domain:verb` channel to the single method the renderer calls.
 * - `specs` declares, per channel, who may call it (`access`, see `Access`) and the zod schema
 *   main parses every payload with (`request`); core/handler.ts enforces both.
 * - `Responses` is what each channel resolves to, wrapped in a Result (api/result.ts).
 * - `KioskApi` is the shape of `window.kiosk`; api/bridge.ts builds it, the preload exposes it.
 *
 * Each domain declares its channels in api/channels/<domain>.ts; this file joins them.
 * The renderer imports this file with `import type` only.
 */
import type { z } from 'zod';
import type { Result } from './result.ts';
import type { ChannelSpec } from './channels/common.ts';
import { intakeChannels, intakeSpecs, type IntakeResponses } from './channels/intake.ts';
import { staffChannels, staffSpecs, type StaffResponses } from './channels/staff.ts';
import { therapistChannels, therapistSpecs, type TherapistResponses } from './channels/therapist.ts';
import { adminChannels, adminSpecs, type AdminResponses } from './channels/admin.ts';
import { devicesChannels, devicesSpecs, type DevicesResponses } from './channels/devices.ts';
import { networkChannels, networkSpecs, type NetworkResponses } from './channels/network.ts';

export * from './channels/common.ts';
export * from './channels/intake.ts';
export * from './channels/staff.ts';
export * from './channels/therapist.ts';
export * from './channels/admin.ts';
export * from './channels/devices.ts';
export * from './channels/network.ts';

/** Every channel's declaration; a channel without `access` and `request` does not typecheck. */
export const specs = {
  ...intakeSpecs,
  ...staffSpecs,
  ...therapistSpecs,
  ...adminSpecs,
  ...devicesSpecs,
  ...networkSpecs,
} as const satisfies Record<string, ChannelSpec>;

export type Channel = keyof typeof specs;
export type Request<C extends Channel> = z.input<(typeof specs)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof specs)[C]['request']>;
/** Who may call channel `C`, as a type: core/handler.ts gives `staff` and `admin` handlers their session. */
export type AccessOf<C extends Channel> = (typeof specs)[C]['access'];

/** The method name on `window.kiosk` for each channel: one method per channel. */
export const channels = {
  ...intakeChannels,
  ...staffChannels,
  ...therapistChannels,
  ...adminChannels,
  ...devicesChannels,
  ...networkChannels,
} as const satisfies Record<Channel, string>;

export interface Responses extends IntakeResponses, StaffResponses, TherapistResponses, AdminResponses, DevicesResponses, NetworkResponses {}

type MethodOf<C extends Channel> = (typeof channels)[C];

/** The object the preload exposes as `window.kiosk`. */
export type KioskApi = {
  readonly [C in Channel as MethodOf<C>]: (request: Request<C>) => Promise<Result<Responses[C]>>;
};

export const CHANNELS = Object.keys(channels) as readonly Channel[];
