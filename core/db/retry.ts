/**
 * Retrying a transaction inside the port: a serialization failure or deadlock (PostgreSQL)
 * or a busy database (SQLite) rolls back and runs the whole transaction again, a few times
 * with a jittered back-off, so concurrent writers never see the conflict. After the last
 * attempt it is a StoreBusyError (nothing was stored).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreBusyError } from './errors.ts';
import type { RetryOptions } from './port.ts';

/**
 * 'unique': under SERIALIZABLE, PostgreSQL may report a conflict between two concurrent
 * transactions as a unique violation (23505) instead of 40001, when both insert a key derived
 * from what they read (the next link of a chain; see "Serializable Isolation Level" in the
 * PostgreSQL manual). Such a conflict is gone on a rerun; a genuine duplicate is not, and
 * after the last attempt surfaces as the UniqueViolationError it is (expected duplicates, like
 * an idempotent submission id, use ON CONFLICT DO NOTHING and never get here).
 */
export type RetryReason = 'serialization' | 'deadlock' | 'busy' | 'unique';

const DEFAULT_ATTEMPTS = 10;
const MAX_BACKOFF_MS = 200;
/** A unique violation still there after this many attempts is a genuine duplicate. */
const UNIQUE_ATTEMPTS = 4;

export async function withRetries<T>(attempt: () => Promise<T>, classify: (error: unknown) => RetryReason | null, options: RetryOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const reason = classify(error);
      if (!reason) throw error;
      if (reason === 'unique' && n >= Math.min(UNIQUE_ATTEMPTS, maxAttempts)) throw error;
      if (n >= maxAttempts) throw new StoreBusyError(n);
      await options.onRetry?.(n, reason);
      // Full jitter: writers that collided do not collide again in lockstep.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** n));
    }
  }
}
