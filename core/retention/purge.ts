/**
 * Retention: submissions older than the configured period are deleted, with their name
 * index tokens (ON DELETE CASCADE), in one transaction together with one audit entry for a
 * run that deleted something (nothing purged, nothing logged). secure_delete (db/database.ts) zeroes the freed pages; the checkpoint afterwards
 * moves that into the main file so the old ciphertext does not linger in the WAL either.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../ports.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Settings } from '../settings/store.ts';
import { transaction } from '../db/database.ts';

const DAY_MS = 86_400_000;

/** The creation time before which submissions are purged. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

export function purgeExpired(
  db: DatabaseSync,
  clock: Clock,
  settings: { get(): Pick<Settings, 'retentionDays'> },
  audit: Pick<AuditLog, 'append'>,
): { purged: number } {
  const retentionDays = settings.get().retentionDays;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('The retention period is not valid.');
  const cutoff = retentionCutoff(clock.now(), retentionDays);
  const purged = transaction(db, () => {
    const n = Number(db.prepare('DELETE FROM submissions WHERE created_at < ?').run(cutoff).changes);
    // A run that deleted nothing is not news: a fresh install's first entry is not a purge.
    if (n > 0) audit.append({ action: 'submission.purged', actor: 'system', details: { count: n, cutoff, retentionDays } });
    return n;
  });
  if (purged > 0 && !db.isTransaction) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return { purged };
}

/**
 * Runs purgeExpired now and then every `intervalMs` (default daily) while the app runs.
 * Errors go to `onError` (no data in them); the timer does not keep the process alive.
 */
export function scheduleRetention(
  run: () => { purged: number },
  options: { readonly intervalMs?: number; readonly onError?: (error: unknown) => void } = {},
): { stop(): void } {
  const tick = () => {
    try {
      run();
    } catch (error) {
      options.onError?.(error);
    }
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
