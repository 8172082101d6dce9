/**
 * Failed staff logins are counted, not written one audit row each: the audit log is
 * append-only, so a row per guess would let a brute force (or a stuck key) grow it without
 * bound (182,852 rows in a minute were seen). Counts live in a small table, one row per
 * (staff member or "not a staff id", source), with the number of sources capped; the audit
 * log gets a `staff.login_failures` summary when a bucket's count in the current window
 * reaches 1, 10, 100, 1,000 ... and one closing summary per window (on the next failure after
 * it, on the periodic flush, on close, or when that person signs in). So under a flood a
 * bucket writes about log10(n) + 2 rows per window, and an admin still sees how many
 * failures there were, for whom and from where (the audit screen lists the counts).
 *
 * The id a caller typed is never stored when it is not a staff id: it is whatever was typed.
 * Lockout is unchanged and separate (staff/service.ts, per staff member in the staff table).
 */
import type { Clock } from '../ports.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';

// staff_id '' = an id that is not a staff member; source 'other' = past the cap on sources.
const LOGIN_FAILURES_TABLE = `CREATE TABLE login_failures (
      staff_id TEXT NOT NULL,
      source TEXT NOT NULL,
      failures INTEGER NOT NULL,
      window_failures INTEGER NOT NULL,
      window_start TEXT NOT NULL,
      first_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      last_reason TEXT NOT NULL,
      PRIMARY KEY (staff_id, source)
    )`;

export const loginFailureMigrations: readonly DialectMigration[] = [
  { id: 'login-failures-001', sqlite: `${LOGIN_FAILURES_TABLE} STRICT;`, postgres: `${LOGIN_FAILURES_TABLE};` },
];

/** Every write here may append a summary to the audit chain. */
const AUDIT_CHAIN = { serializeOn: 'audit' } as const;

export type LoginFailureReason = 'bad_pin' | 'locked_out' | 'unknown_staff';

export interface LoginFailureCount {
  /** null: attempts with ids that are not staff members. */
  readonly staffId: string | null;
  readonly source: string;
  /** Since the first failure (for a staff member: since their last successful login). */
  readonly failures: number;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly lastReason: LoginFailureReason;
}

export interface LoginFailureOptions {
  /** Length of a counting window; a closing summary is written per window. */
  readonly windowMs?: number;
  /** Distinct sources kept per table; more are counted under 'other'. */
  readonly maxSources?: number;
}

export const LOGIN_FAILURE_WINDOW_MS = 10 * 60_000;
const MAX_SOURCES = 32;
const MAX_SOURCE_LENGTH = 100;
export const OTHER_SOURCE = 'other';

type Row = {
  readonly staff_id: string;
  readonly source: string;
  readonly failures: number;
  readonly window_failures: number;
  readonly window_start: string;
  readonly first_at: string;
  readonly last_at: string;
  readonly last_reason: LoginFailureReason;
}

const isPowerOfTen = (n: number) => n >= 1 && 10 ** Math.round(Math.log10(n)) === n;

export type LoginFailureCounter = ReturnType<typeof createLoginFailureCounter>;

const UPSERT = `INSERT INTO login_failures (staff_id, source, failures, window_failures, window_start, first_at, last_at, last_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (staff_id, source) DO UPDATE SET failures = excluded.failures, window_failures = excluded.window_failures,
       window_start = excluded.window_start, last_at = excluded.last_at, last_reason = excluded.last_reason`;

export function createLoginFailureCounter(db: Queryable, clock: Clock, audit: Pick<AuditLog, 'append'>, options: LoginFailureOptions = {}) {
  const windowMs = options.windowMs ?? LOGIN_FAILURE_WINDOW_MS;
  const maxSources = options.maxSources ?? MAX_SOURCES;

  async function summarize(r: Row, windowFailures: number, isClosing: boolean): Promise<void> {
    await audit.append({
      action: 'staff.login_failures',
      actor: r.staff_id === '' ? 'unknown' : r.staff_id,
      details: { failures: windowFailures, total: r.failures, source: r.source, since: r.window_start, reason: r.last_reason, closing: isClosing },
    });
  }

  /** Closes the window of `r` if it has failures not yet in a closing summary. */
  async function close(r: Row): Promise<void> {
    if (r.window_failures > 0) await summarize(r, r.window_failures, true);
  }

  async function bucketSource(tx: Queryable, source: string): Promise<string> {
    const s = source.slice(0, MAX_SOURCE_LENGTH) || OTHER_SOURCE;
    if (await tx.one('SELECT 1 AS found FROM login_failures WHERE source = ? LIMIT 1', [s])) return s;
    return ((await tx.one<{ n: number }>('SELECT COUNT(DISTINCT source) AS n FROM login_failures'))?.n ?? 0) >= maxSources ? OTHER_SOURCE : s;
  }

  return {
    /** One failed login. `staffId` null when the id given is not a staff member's. */
    async record(failure: { readonly staffId: string | null; readonly source: string; readonly reason: LoginFailureReason }): Promise<void> {
      await db.transaction(async (tx) => {
        const nowDate = clock.now();
        const now = nowDate.toISOString();
        const staffId = failure.staffId ?? '';
        const source = await bucketSource(tx, failure.source);
        const existing = await tx.one<Row>('SELECT * FROM login_failures WHERE staff_id = ? AND source = ?', [staffId, source]);
        let windowFailures = existing?.window_failures ?? 0;
        let windowStart = existing?.window_start ?? now;
        if (existing && nowDate.getTime() - Date.parse(existing.window_start) >= windowMs) {
          await close(existing);
          windowFailures = 0;
          windowStart = now;
        }
        const row: Row = {
          staff_id: staffId,
          source,
          failures: (existing?.failures ?? 0) + 1,
          window_failures: windowFailures + 1,
          window_start: windowStart,
          first_at: existing?.first_at ?? now,
          last_at: now,
          last_reason: failure.reason,
        };
        await tx.exec(UPSERT, [row.staff_id, row.source, row.failures, row.window_failures, row.window_start, row.first_at, row.last_at, row.last_reason]);
        if (isPowerOfTen(row.window_failures)) await summarize(row, row.window_failures, false);
      }, AUDIT_CHAIN);
    },

    /** A successful login: that person's open counts are summarised and reset. */
    async succeeded(staffId: string): Promise<void> {
      await db.transaction(async (tx) => {
        for (const r of await tx.all<Row>('SELECT * FROM login_failures WHERE staff_id = ?', [staffId])) await close(r);
        await tx.exec('DELETE FROM login_failures WHERE staff_id = ?', [staffId]);
      }, AUDIT_CHAIN);
    },

    /** Writes the closing summary of every window older than the window length (`all`: every open window, on close). */
    async flush(all = false): Promise<void> {
      await db.transaction(async (tx) => {
        const cutoff = new Date(clock.now().getTime() - windowMs).toISOString();
        const rows = await tx.all<Row>('SELECT * FROM login_failures WHERE window_failures > 0 AND (? = 1 OR window_start <= ?)', [all ? 1 : 0, cutoff]);
        for (const r of rows) {
          await close(r);
          await tx.exec('UPDATE login_failures SET window_failures = 0, window_start = ? WHERE staff_id = ? AND source = ?', [clock.now().toISOString(), r.staff_id, r.source]);
        }
      }, AUDIT_CHAIN);
    },

    /** The counts, most recent first (bounded by the staff roster times the source cap). */
    async list(): Promise<LoginFailureCount[]> {
      return (await db.all<Row>('SELECT * FROM login_failures ORDER BY last_at DESC, staff_id, source')).map((r) => ({
        staffId: r.staff_id === '' ? null : r.staff_id,
        source: r.source,
        failures: r.failures,
        firstAt: r.first_at,
        lastAt: r.last_at,
        lastReason: r.last_reason,
      }));
    },
  };
}

/** Where a call came from: the calling page's origin here; the clinic server will pass the device address. */
export function callerSource(senderUrl: string): string {
  if (!URL.canParse(senderUrl)) return OTHER_SOURCE;
  const url = new URL(senderUrl);
  return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
}
