/**
 * Sends the outbox to the clinic server: oldest first, one at a time, exactly once. The
 * submission id is the idempotency key: a resend of an intake the server already stored (the
 * answer was lost, the kiosk was killed before deleting it) is answered `duplicate` and stored
 * once. An entry is deleted only after the server acknowledged it, in one transaction with the
 * kiosk's audit entry.
 *
 * Failures: when the server cannot be reached (the transport throws, times out, or answers that
 * it is unavailable or forbidden) the pass stops, the entry stays first in line and the next
 * pass waits, doubling from `retryFirstMs` to `retryMaxMs`. When the server answers that this
 * kiosk is not paired (401 `not_paired`: an admin revoked its device) waiting does not help:
 * the pass stops the same way, the entry notes `not_paired` (the staff banner says to join the
 * kiosk again) and the next pass is only after `refusedRetryMs`. When the server refuses one
 * intake (invalid, a conflict, a signature it does not trust) the entry is kept with the
 * server's words, offered again after `refusedRetryMs`, and the ones behind it go on. Nothing
 * is ever dropped.
 */
import { AUDIT_CHAIN } from '../audit/log.ts';
import type { ApiErrorCode } from '../../api/result.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Queryable } from '../db/port.ts';
import type { Clock } from '../ports.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import type { Transport } from './transport.ts';

export interface ForwarderTiming {
  readonly forwardTimeoutMs: number;
  readonly retryFirstMs: number;
  readonly retryMaxMs: number;
  readonly refusedRetryMs: number;
}

export interface ForwarderOptions extends ForwarderTiming {
  readonly outbox: Outbox;
  readonly store: Pick<Queryable, 'transaction'>;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly transport: Transport;
  /** Unexpected failures of a pass (a database error): for the host's log, never payloads. */
  readonly onError?: (error: unknown) => void;
  /** 0..1, for the retry jitter; tests pass a constant. */
  readonly random?: () => number;
}

export interface PassReport {
  readonly sent: number;
  readonly duplicates: number;
  readonly refused: number;
  /** Why the pass stopped early (the server could not be reached, or refuses this kiosk); null when it went through the queue. */
  readonly unreachable: string | null;
  /** The pass stopped because the server no longer accepts this kiosk (its device was revoked). */
  readonly notPaired: boolean;
}

/** Codes that say one intake is wrong, not that the server or this device is. */
const REFUSALS: ReadonlySet<ApiErrorCode> = new Set(['invalid_request', 'conflict', 'not_found']);

const MAX_REASON = 300;

type Outcome =
  | { readonly kind: 'stored'; readonly duplicate: boolean }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'not_paired'; readonly message: string };

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : 'no answer';
  return text.slice(0, MAX_REASON);
}

export type Forwarder = ReturnType<typeof createForwarder>;

export function createForwarder(options: ForwarderOptions) {
  const { outbox, clock } = options;
  const random = options.random ?? Math.random;
  let running: Promise<PassReport> | null = null;
  let again = false;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function send(entry: OutboxEntry): Promise<Outcome> {
    const intake = entry.open();
    const payload = { intake: intake.request, pdf: intake.pdf, signedAt: intake.signedAt, kioskClockAt: clock.now().toISOString() };
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error(`no answer within ${Math.round(options.forwardTimeoutMs / 1000)} s`)), options.forwardTimeoutMs);
    });
    try {
      const result = await Promise.race([options.transport('intake:forward', payload), timedOut]);
      if (result.ok) return { kind: 'stored', duplicate: result.value.duplicate };
      if (REFUSALS.has(result.error.code)) return { kind: 'refused', message: `The clinic server refused this intake: ${result.error.message}`.slice(0, MAX_REASON) };
      if (result.error.code === 'not_paired') return { kind: 'not_paired', message: `The clinic server no longer accepts this kiosk: ${result.error.message}`.slice(0, MAX_REASON) };
      return { kind: 'unreachable', message: `The clinic server did not accept intakes: ${result.error.message}`.slice(0, MAX_REASON) };
    } catch (error) {
      return { kind: 'unreachable', message: `The clinic server could not be reached (${reasonOf(error)}).` };
    } finally {
      clearTimeout(timeout);
    }
  }

  /** One pass through the queue, oldest first, until it is empty or the server cannot be reached. */
  async function pass(): Promise<PassReport> {
    let sent = 0;
    let duplicates = 0;
    let refused = 0;
    let after = 0;
    while (!stopped) {
      const entry = await outbox.next(clock.now(), after);
      if (!entry) break;
      after = entry.seq;
      const outcome = await send(entry);
      if (outcome.kind === 'unreachable' || outcome.kind === 'not_paired') {
        await outbox.noteNotSent(entry.submissionId, outcome.kind, outcome.message, clock.now());
        return { sent, duplicates, refused, unreachable: outcome.message, notPaired: outcome.kind === 'not_paired' };
      }
      if (outcome.kind === 'refused') {
        refused++;
        const now = clock.now();
        await outbox.noteRefused(entry.submissionId, outcome.message, now, new Date(now.getTime() + options.refusedRetryMs));
        continue;
      }
      await options.store.transaction(async (tx) => {
        if (await outbox.remove(tx, entry.submissionId)) {
          await options.audit.append({ action: 'submission.forwarded', actor: 'system', subjectId: entry.submissionId, details: { duplicate: outcome.duplicate } });
        }
      }, AUDIT_CHAIN);
      sent++;
      if (outcome.duplicate) duplicates++;
    }
    return { sent, duplicates, refused, unreachable: null, notPaired: false };
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, delayMs);
    timer.unref?.();
  }

  function backoffMs(): number {
    const base = Math.min(options.retryMaxMs, options.retryFirstMs * 2 ** Math.min(failures - 1, 30));
    // ±20 %: several kiosks coming back after one outage do not all knock at once.
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  /** Runs passes until one ends with nothing new to send; returns the last pass's report. */
  function run(): Promise<PassReport> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let report: PassReport;
      do {
        again = false;
        report = await pass();
      } while (again && !stopped && report.unreachable === null);
      return report;
    })()
      .then((report) => {
        if (report.notPaired) {
          // Only an admin joining the kiosk again helps (that starts a new forwarder): ask rarely.
          failures++;
          schedule(options.refusedRetryMs);
        } else if (report.unreachable !== null) {
          failures++;
          schedule(backoffMs());
        } else {
          failures = 0;
          // Refused entries are offered again later; the timer is harmless when none is left.
          if (report.refused > 0) schedule(options.refusedRetryMs);
        }
        return report;
      })
      .catch((error: unknown) => {
        options.onError?.(error);
        failures++;
        schedule(backoffMs());
        return { sent: 0, duplicates: 0, refused: 0, unreachable: 'The outbox could not be read.', notPaired: false };
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function kick(): void {
    if (stopped) return;
    if (timer && failures > 0) return; // backing off: a new intake waits for the retry like the others
    void run();
  }

  /** A fresh pass now, after the one in flight (if any), whatever the backoff. */
  async function drain(): Promise<PassReport> {
    if (running) await running;
    if (timer) clearTimeout(timer);
    timer = null;
    return run();
  }

  return {
    /** Starts a pass now (at start-up, after each queued intake) unless one is running or the forwarder is backing off. */
    kick,
    /** Runs passes now, whatever the backoff, and resolves with the last pass's report (tests, the bench). */
    drain,
    /** Consecutive passes that found the server unreachable (or refusing this kiosk). */
    failures: () => failures,
    /** Stops the timers and waits for a pass in flight (an answer in flight is still acted on). */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
