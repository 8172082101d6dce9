/**
 * The clinic network (docs/CLINIC-NETWORK.md): a kiosk in network mode forwards each intake it
 * queued to the clinic server (`intake:forward`, callable only by a paired kiosk device), and its
 * staff screens show what is still waiting (`kiosk:outboxStatus`). An admin at the kiosk joins it
 * to a clinic server and leaves it again (`network:status`, `network:pair`, `network:leave`):
 * `kiosk-admin`, an admin session at the kiosk itself, never a browser of the clinic server.
 */
import { z } from 'zod';
import { empty, type ChannelSpec } from './common.ts';
import { intakeRequestSchema } from './intake.ts';

/**
 * Largest signed PDF a kiosk may forward, as base64 characters (about 900 kB of PDF): the
 * biggest summaries (long answers, several scripts' fonts) are a few hundred kB, and the whole
 * payload must stay under the boundary's 1.5 MB.
 */
export const MAX_FORWARD_PDF_BASE64 = 1_200_000;

export const forwardRequestSchema = z
  .object({
    /** The client's request exactly as the kiosk's page sent it: the server checks it again itself. */
    intake: intakeRequestSchema,
    /** The summary PDF the kiosk signed with its own certificate (issued by the clinic CA). */
    pdf: z.base64('The PDF must be base64.').min(1).max(MAX_FORWARD_PDF_BASE64, 'The signed PDF is too large to forward.'),
    /** The kiosk's signing time: the visit time the server stores. */
    signedAt: z.iso.datetime({ offset: true }),
    /** The kiosk's clock when it sent this: the server compares it with its own. */
    kioskClockAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/** SHA-256 of the clinic CA as hex; spaces, colons and dashes between groups are ignored. */
export const CA_FINGERPRINT_HEX_MIN = 32;

export const networkPairRequestSchema = z
  .object({
    serverUrl: z
      .url({ protocol: /^https$/, message: 'Enter the clinic server address, starting with https://, such as https://clinic-server.local:8443.' })
      .max(300, 'The server address is too long.'),
    code: z.string().trim().min(4, 'Enter the pairing code.').max(64, 'The pairing code is too long.'),
    /** The clinic CA's SHA-256 fingerprint as the server's pairing screen shows it (at least its first 8 groups). */
    caFingerprint: z
      .string()
      .trim()
      .max(200, 'The fingerprint is too long.')
      .regex(/^[0-9A-Fa-f\s:-]*$/, 'The fingerprint has only the digits 0-9 and letters A-F.')
      .optional(),
    name: z.string().trim().min(1, 'Give this kiosk a name, such as "Front desk kiosk".').max(60, 'The name is too long (60 characters at most).'),
  })
  .strict();

export const networkSpecs = {
  'intake:forward': { access: 'kiosk-device', request: forwardRequestSchema },
  'kiosk:outboxStatus': { access: 'staff', request: empty },
  'network:status': { access: 'kiosk-admin', request: empty },
  'network:pair': { access: 'kiosk-admin', request: networkPairRequestSchema },
  /** Refused while the outbox still holds intakes: they would never reach the server. */
  'network:leave': { access: 'kiosk-admin', request: empty },
} as const satisfies Record<string, ChannelSpec>;

export const networkChannels = {
  'intake:forward': 'forwardIntake',
  'kiosk:outboxStatus': 'outboxStatus',
  'network:status': 'networkStatus',
  'network:pair': 'networkPair',
  'network:leave': 'networkLeave',
} as const;

export interface NetworkStatus {
  readonly mode: 'single' | 'network';
  /** `paired`: joined here (an admin can leave); `config`: set by the kiosk's configuration file; null on a single kiosk. */
  readonly source: 'paired' | 'config' | null;
  readonly serverUrl: string | null;
  /** This kiosk's id and name on the clinic server (paired kiosks). */
  readonly deviceId: string | null;
  readonly deviceName: string | null;
  readonly pairedAt: string | null;
  /** Intakes on this kiosk not yet on the server (as kiosk:outboxStatus). */
  readonly waiting: number;
  readonly refused: number;
  readonly lastError: OutboxError | null;
  /** False when this kiosk build cannot join a clinic server. */
  readonly canPair: boolean;
}

export interface ForwardReceipt {
  readonly submissionId: string;
  /** This id was already stored (a resend after a lost answer): nothing was stored twice. */
  readonly duplicate: boolean;
  readonly late: boolean;
  readonly clockSkewMinutes: number | null;
}

export interface OutboxStatus {
  /** False on a single kiosk (no clinic server): nothing is ever waiting. */
  readonly networkMode: boolean;
  /** Intakes signed and kept on this kiosk that have not reached the clinic server yet. */
  readonly waiting: number;
  /** Of those, how many the server refused (kept, retried now and then, never dropped). */
  readonly refused: number;
  /** When the oldest waiting intake was queued; null when none is waiting. */
  readonly oldestAt: string | null;
  /** The last failure: the server could not be reached, refused this kiosk, or refused an intake (its words). */
  readonly lastError: OutboxError | null;
}

/**
 * `unreachable`: no answer, or the server is not taking intakes just now (retried soon);
 * `not_paired`: the server no longer accepts this kiosk (its device was revoked): only joining
 * it again helps (Admin > Clinic server), the intakes are kept and retried now and then;
 * `refused`: the server refused one intake (kept, retried now and then).
 */
export type OutboxErrorKind = 'unreachable' | 'not_paired' | 'refused';

export interface OutboxError {
  readonly kind: OutboxErrorKind;
  /** In words, for staff: what went wrong. */
  readonly message: string;
  readonly at: string;
}

export interface NetworkResponses {
  'intake:forward': ForwardReceipt;
  'kiosk:outboxStatus': OutboxStatus;
  'network:status': NetworkStatus;
  'network:pair': NetworkStatus;
  'network:leave': NetworkStatus;
}
