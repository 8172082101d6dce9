/**
 * The audit log: append-only (SQL triggers refuse UPDATE and DELETE) and hash-chained.
 * Each entry's hash is SHA-256 over the previous hash and the canonical JSON of the entry,
 * so editing or removing any entry breaks every later link. A one-row head (entry count
 * and last hash, which triggers only let grow) also catches removal of the newest entries.
 *
 * Entries name subjects by id only: details never hold client names or answers.
 */
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../ports.ts';
import { transaction, type Migration } from '../db/database.ts';

export type AuditAction =
  | 'submission.created'
  | 'submission.viewed'
  | 'submission.acknowledged'
  | 'submission.exported'
  | 'submission.printed'
  | 'submission.purged'
  | 'form.published'
  | 'settings.changed'
  | 'staff.login'
  | 'staff.login_failed'
  | 'staff.logout'
  | 'staff.added'
  | 'staff.changed'
  | 'keys.rotated'
  | 'audit.verified'
  | 'kiosk.quit'
  | 'form.draft_changed'
  | 'certificate.changed';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'submission.created',
  'submission.viewed',
  'submission.acknowledged',
  'submission.exported',
  'submission.printed',
  'submission.purged',
  'form.published',
  'settings.changed',
  'staff.login',
  'staff.login_failed',
  'staff.logout',
  'staff.added',
  'staff.changed',
  'keys.rotated',
  'audit.verified',
  'kiosk.quit',
  'form.draft_changed',
  'certificate.changed',
];

export type AuditDetails = Readonly<Record<string, string | number | boolean>>;

export interface NewAuditEntry {
  readonly action: AuditAction;
  /** Staff id, or a role such as 'kiosk-client' / 'system'. */
  readonly actor: string;
  readonly subjectId?: string;
  /** Small, non-sensitive facts (counts, codes, setting names). Never names or answers. */
  readonly details?: AuditDetails;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: string;
  readonly subjectId: string | null;
  readonly details: AuditDetails;
  readonly hash: string;
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; firstBrokenId: number; reason: string };

export const auditMigrations: readonly Migration[] = [
  {
    id: 'audit-001',
    sql: `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      subject_id TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TABLE audit_head (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      entries INTEGER NOT NULL,
      last_hash TEXT NOT NULL
    ) STRICT;
    INSERT INTO audit_head (singleton, entries, last_hash) VALUES (1, 0, '${'0'.repeat(64)}');
    CREATE TRIGGER audit_head_grows_only BEFORE UPDATE ON audit_head
      WHEN NEW.entries <> OLD.entries + 1 BEGIN SELECT RAISE(ABORT, 'audit head only grows'); END;
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN SELECT RAISE(ABORT, 'audit head is permanent'); END;`,
  },
];

const GENESIS = '0'.repeat(64);
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_DETAIL_TEXT = 200;
const MAX_DETAILS = 20;

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface Hashed {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly subjectId: string | null;
  readonly details: string;
}

export function entryHash(prevHash: string, e: Hashed): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ id: e.id, at: e.at, action: e.action, actor: e.actor, subjectId: e.subjectId, details: e.details }))
    .digest('hex');
}

function checkDetails(details: AuditDetails | undefined): string {
  const d = details ?? {};
  const keys = Object.keys(d);
  if (keys.length > MAX_DETAILS) throw new Error('Too many audit details.');
  for (const key of keys) {
    const value = d[key];
    if (!DETAIL_KEY.test(key)) throw new Error('Audit detail keys are short identifiers.');
    if (typeof value === 'string' && value.length > MAX_DETAIL_TEXT) throw new Error('Audit detail values are short.');
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Audit detail numbers are finite.');
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error('Audit details are flat.');
  }
  return canonicalJson(d);
}

interface LogRow {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly subject_id: string | null;
  readonly details: string;
  readonly prev_hash: string;
  readonly hash: string;
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(db: DatabaseSync, clock: Clock) {
  const head = db.prepare('SELECT entries, last_hash FROM audit_head WHERE singleton = 1');
  const lastRow = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO audit_log (id, at, action, actor, subject_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const bumpHead = db.prepare('UPDATE audit_head SET entries = entries + 1, last_hash = ? WHERE singleton = 1');

  const toEntry = (r: LogRow): AuditEntry => ({
    id: r.id,
    at: r.at,
    action: r.action as AuditAction,
    actor: r.actor,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as AuditDetails,
    hash: r.hash,
  });

  return {
    /** Appends one entry, chained to the last. Joins the caller's transaction if there is one. */
    append(e: NewAuditEntry): void {
      if (!AUDIT_ACTIONS.includes(e.action)) throw new Error('Unknown audit action.');
      const details = checkDetails(e.details);
      transaction(db, () => {
        const last = lastRow.get() as { id: number; hash: string } | undefined;
        const prevHash = last?.hash ?? GENESIS;
        const entry: Hashed = { id: (last?.id ?? 0) + 1, at: clock.now().toISOString(), action: e.action, actor: e.actor, subjectId: e.subjectId ?? null, details };
        const hash = entryHash(prevHash, entry);
        insert.run(entry.id, entry.at, entry.action, entry.actor, entry.subjectId, entry.details, prevHash, hash);
        bumpHead.run(hash);
      });
    },

    /** Walks the chain from the first entry; names the first entry that does not fit. */
    verify(): AuditVerification {
      let prevHash = GENESIS;
      let expectedId = 1;
      let entries = 0;
      for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<LogRow>) {
        if (r.id !== expectedId) return { ok: false, firstBrokenId: expectedId, reason: `entry ${expectedId} is missing` };
        if (r.prev_hash !== prevHash) return { ok: false, firstBrokenId: r.id, reason: 'the link to the previous entry is broken' };
        const recomputed = entryHash(prevHash, { id: r.id, at: r.at, action: r.action, actor: r.actor, subjectId: r.subject_id, details: r.details });
        if (recomputed !== r.hash) return { ok: false, firstBrokenId: r.id, reason: 'the entry was changed after it was written' };
        prevHash = r.hash;
        expectedId++;
        entries++;
      }
      const h = head.get() as { entries: number; last_hash: string } | undefined;
      if (!h) return { ok: false, firstBrokenId: expectedId, reason: 'the audit head is missing' };
      if (h.entries !== entries) {
        // Entries were removed from the end (or the head was rewound): the first missing one is broken.
        return { ok: false, firstBrokenId: Math.min(entries, h.entries) + 1, reason: `the head records ${h.entries} entries but ${entries} are present` };
      }
      if (h.last_hash !== prevHash) return { ok: false, firstBrokenId: Math.max(entries, 1), reason: 'the last entry does not match the head' };
      return { ok: true, entries };
    },

    /** Newest first, `limit` entries with id below `beforeId` (for paging). */
    list(q: { readonly limit: number; readonly beforeId?: number }): AuditEntry[] {
      const limit = Math.max(1, Math.min(Math.trunc(q.limit), 1000));
      const rows = (
        q.beforeId === undefined
          ? db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
          : db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?').all(q.beforeId, limit)
      ) as unknown as LogRow[];
      return rows.map(toEntry);
    },

    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    },
  };
}
