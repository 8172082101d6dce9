/**
 * The clinic network (docs/CLINIC-NETWORK.md): a kiosk in network mode forwards each intake it
 * queued to the clinic server (`intake:forward`, callable only by a paired kiosk device), and its
 * staff screens show what is still waiting (`kiosk:outboxStatus`).
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

export const networkSpecs = {
  'intake:forward': { access: 'kiosk-device', request: forwardRequestSchema },
  'kiosk:outboxStatus': { access: 'staff', request: empty },
} as const satisfies Record<string, ChannelSpec>;

export const networkChannels = {
  'intake:forward': 'forwardIntake',
  'kiosk:outboxStatus': 'outboxStatus',
} as const;

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
  /** The last failure: the server could not be reached, or it refused an intake (its words). */
  readonly lastError: OutboxError | null;
}

export interface OutboxError {
  readonly kind: 'unreachable' | 'refused';
  /** In words, for staff: what went wrong. */
  readonly message: string;
  readonly at: string;
}

export interface NetworkResponses {
  'intake:forward': ForwardReceipt;
  'kiosk:outboxStatus': OutboxStatus;
}
