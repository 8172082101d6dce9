/**
 * The first pairing code of a fresh clinic server. Every other code is made by an admin on a
 * paired device, so the first browser (the admin's front-desk PC) could never pair: while no
 * device is paired (none active), the server makes a single-use browser code itself, audited
 * like any code with the actor `system`, and prints one line for the person at the server
 * (the host chooses where: stderr, never the structured log, which stays free of secrets).
 * When that code expires and still nothing is paired, a fresh one follows, at most
 * FIRST_PAIRING_MAX_ATTEMPTS times (a day of 10-minute codes); the first check that finds a
 * paired device ends it, and so does `stop()` (the server's close). Timers never hold the
 * process open.
 */
import type { Clock } from '../ports.ts';
import type { DeviceRegistry } from './registry.ts';

/** The audit actor (and `paired_by`) of the codes the server makes itself. */
export const FIRST_PAIRING_ACTOR = 'system';
/** Codes (and failed tries) before it gives up until the next restart: a day of 10-minute codes. */
export const FIRST_PAIRING_MAX_ATTEMPTS = 144;
/** After a failed try (the database cannot be reached), the next one. */
export const FIRST_PAIRING_RETRY_MS = 60_000;

/** Fixed words for the structured log: never the code. */
export type FirstPairingEvent =
  | { readonly kind: 'issued'; readonly expiresAt: string }
  | { readonly kind: 'paired' }
  | { readonly kind: 'gave_up' }
  | { readonly kind: 'failed' };

/** Runs `run` after `ms`; answers a cancel. */
export type Schedule = (run: () => Promise<void>, ms: number) => () => void;

export interface FirstPairingOptions {
  readonly devices: Pick<DeviceRegistry, 'createPairingCode' | 'list'>;
  readonly clock: Clock;
  /** Where a browser pairs: the server's first origin (https://name[:port]). */
  readonly origin: () => string;
  /** The line for a person (the code is in it). */
  readonly announce: (line: string) => void;
  readonly onEvent?: (event: FirstPairingEvent) => void;
  readonly maxAttempts?: number;
  /** Tests: a manual timer. Default: an unref'd setTimeout. */
  readonly schedule?: Schedule;
}

export interface FirstPairing {
  /** Clears the next check; nothing is made after it. */
  stop(): void;
}

const unrefTimeout: Schedule = (run, ms) => {
  const timer = setTimeout(() => void run(), ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export function firstPairingLine(code: string, origin: string, expiresAt: string, now: Date): string {
  const minutes = Math.max(1, Math.round((Date.parse(expiresAt) - now.getTime()) / 60_000));
  return (
    `First start: no device is paired yet. Pair the admin's browser with code ${code} at ${origin}/ ` +
    `(valid ${minutes} minutes, until ${expiresAt.slice(11, 16)} UTC, single use). ` +
    'A new code follows here when it expires; restart the server for one at once.'
  );
}

export const FIRST_PAIRING_GAVE_UP_LINE = 'First start: the server has stopped making pairing codes by itself (a day of them, or of failed tries). Restart it for a new code.';

/**
 * Checks at once (resolves after the first code is announced, or nothing was needed), then
 * at each code's expiry. A failed check is reported as `failed` and tried again later.
 */
export async function startFirstPairing(options: FirstPairingOptions): Promise<FirstPairing> {
  const schedule = options.schedule ?? unrefTimeout;
  const maxAttempts = options.maxAttempts ?? FIRST_PAIRING_MAX_ATTEMPTS;
  let tries = 0;
  let issued = false;
  let stopped = false;
  let cancel: (() => void) | null = null;

  const later = (ms: number) => {
    if (!stopped) cancel = schedule(check, Math.max(1_000, ms));
  };
  const giveUp = () => {
    stopped = true;
    options.announce(FIRST_PAIRING_GAVE_UP_LINE);
    options.onEvent?.({ kind: 'gave_up' });
  };

  async function check(): Promise<void> {
    cancel = null;
    if (stopped) return;
    tries += 1;
    try {
      if ((await options.devices.list()).some((d) => d.revokedAt === null)) {
        stopped = true;
        if (issued) options.onEvent?.({ kind: 'paired' });
        return;
      }
      if (tries > maxAttempts) return giveUp();
      const { code, expiresAt } = await options.devices.createPairingCode({ staffId: FIRST_PAIRING_ACTOR }, 'browser');
      issued = true;
      if (stopped) return;
      const now = options.clock.now();
      options.announce(firstPairingLine(code, options.origin(), expiresAt, now));
      options.onEvent?.({ kind: 'issued', expiresAt });
      later(Date.parse(expiresAt) - now.getTime());
    } catch {
      // The store cannot answer just now (a slow PostgreSQL): the server runs on; try again.
      options.onEvent?.({ kind: 'failed' });
      if (tries >= maxAttempts) return giveUp();
      later(FIRST_PAIRING_RETRY_MS);
    }
  }

  await check();
  return {
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}
