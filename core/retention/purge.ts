/**
 * Retention: submissions older than the configured period are deleted, with their name
 * index tokens (ON DELETE CASCADE), in one transaction together with one audit entry for a
 * run that deleted something (nothing purged, nothing logged). On SQLite secure_delete (db/database.ts configureConnection) zeroes the freed pages; the checkpoint
 * afterwards moves that into the main file so the old ciphertext does not linger in the WAL
 * either (PostgreSQL reclaims dead rows by VACUUM, the clinic's maintenance).
 */
import type { Clock } from '../ports.ts';
import { AUDIT_CHAIN, type AuditLog } from '../audit/log.ts';
import type { Settings } from '../settings/store.ts';
import { sqlFor, type Queryable } from '../db/port.ts';

const DAY_MS = 86_400_000;

/** The creation time before which submissions are purged. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

export async function purgeExpired(
  db: Queryable,
  clock: Clock,
  settings: { get(): Pick<Settings, 'retentionDays'> },
  audit: Pick<AuditLog, 'append'>,
): Promise<{ purged: number }> {
  const retentionDays = settings.get().retentionDays;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('The retention period is not valid.');
  const cutoff = retentionCutoff(clock.now(), retentionDays);
  const purged = await db.transaction(async (tx) => {
    const n = await tx.exec('DELETE FROM submissions WHERE created_at < ?', [cutoff]);
    // A run that deleted nothing is not news: a fresh install's first entry is not a purge.
    if (n > 0) await audit.append({ action: 'submission.purged', actor: 'system', details: { count: n, cutoff, retentionDays } });
    return n;
  }, AUDIT_CHAIN);
  if (purged > 0) await db.query(sqlFor(db, { sqlite: 'PRAGMA wal_checkpoint(TRUNCATE)', postgres: 'SELECT 1' }));
  return { purged };
}

/**
 * Runs purgeExpired now and then every `intervalMs` (default daily) while the app runs.
 * Errors go to `onError` (no data in them); the timer does not keep the process alive.
 */
export function scheduleRetention(
  run: () => Promise<{ purged: number }>,
  options: { readonly intervalMs?: number; readonly onError?: (error: unknown) => void } = {},
): { readonly firstRun: Promise<unknown>; stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = (async () => run())().catch((error: unknown) => options.onError?.(error));
  };
  tick();
  const firstRun = running;
  const timer = setInterval(tick, options.intervalMs ?? DAY_MS);
  timer.unref();
  return {
    /** The run at start-up (settles, never rejects): createCore waits for it, as when purging was synchronous. */
    firstRun,
    /** Stops the timer and waits for a run in progress (so the store can close after it). */
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
