/**
 * The audit log: append-only (SQL triggers refuse UPDATE and DELETE) and chained with a
 * keyed MAC (chain.ts) under a key the database does not hold, with signed checkpoints of
 * the head written outside the database (checkpoints.ts); verify.ts checks both. A one-row
 * head (entry count and last plain hash, which triggers only let grow) also catches a
 * careless removal of the newest entries.
 *
 * Entries name subjects by id only: details never hold client names or answers.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../ports.ts';
import { transaction, type Migration } from '../db/database.ts';
import { canonicalJson, entryHash, entryMac, GENESIS, logIdOf, type ChainedFields } from './chain.ts';
import type { CheckpointSink } from './checkpoints.ts';
import { fieldsOf, verifyAuditLog, type AuditVerification, type LogRow } from './verify.ts';

export { canonicalJson, entryHash } from './chain.ts';
export type { AuditVerification } from './verify.ts';

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
  | 'certificate.changed'
  | 'audit.legacy_sealed'
  | 'staff.login_failures'
  | 'submission.conflict'
  | 'device.pairing_code_created'
  | 'device.paired'
  | 'device.pairing_refused'
  | 'device.pairing_codes_voided'
  | 'device.revoked'
  | 'submission.queued'
  | 'submission.forwarded';

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
  'audit.legacy_sealed',
  'staff.login_failures',
  'submission.conflict',
  'device.pairing_code_created',
  'device.paired',
  'device.pairing_refused',
  'device.pairing_codes_voided',
  'device.revoked',
  'submission.queued',
  'submission.forwarded',
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
  {
    // The keyed chain. Entries written before it have NULL MACs until sealLegacyEntries fills
    // them in once (the only UPDATE the trigger lets through: NULL to a value, nothing else changed).
    id: 'audit-002',
    sql: `ALTER TABLE audit_log ADD COLUMN prev_mac TEXT;
    ALTER TABLE audit_log ADD COLUMN mac TEXT;
    DROP TRIGGER audit_log_no_update;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.mac IS NULL AND OLD.prev_mac IS NULL AND NEW.mac IS NOT NULL AND NEW.prev_mac IS NOT NULL
        AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.actor = OLD.actor
        AND NEW.subject_id IS OLD.subject_id AND NEW.details = OLD.details AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash)
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_needs_mac BEFORE INSERT ON audit_log
      WHEN NEW.mac IS NULL OR NEW.prev_mac IS NULL BEGIN SELECT RAISE(ABORT, 'audit entries carry a MAC'); END;`,
  },
];

const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_DETAIL_TEXT = 200;
const MAX_DETAILS = 20;

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

export type AuditLog = ReturnType<typeof createAuditLog>;

export interface AuditLogOptions {
  /** The MAC key (chain.ts auditKey(vault)). */
  readonly key: Uint8Array;
  /** Where checkpoints are read back from by verify (and by sealLegacyEntries). */
  readonly sinks?: readonly CheckpointSink[];
  /** Called after each append with the entry count (the checkpointer decides when to write). */
  readonly onAppended?: (entries: number) => void;
}

export function createAuditLog(db: DatabaseSync, clock: Clock, options: AuditLogOptions) {
  const { key } = options;
  const logId = logIdOf(key);
  const sinks = options.sinks ?? [];
  const lastRow = db.prepare('SELECT id, hash, mac FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO audit_log (id, at, action, actor, subject_id, details, prev_hash, hash, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const bumpHead = db.prepare('UPDATE audit_head SET entries = entries + 1, last_hash = ? WHERE singleton = 1');

  const toEntry = (r: LogRow): AuditEntry => ({
    id: r.id,
    at: r.at,
    action: r.action as AuditAction,
    actor: r.actor,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as AuditDetails,
    hash: r.mac ?? r.hash,
  });

  function append(e: NewAuditEntry): void {
    if (!AUDIT_ACTIONS.includes(e.action)) throw new Error('Unknown audit action.');
    const details = checkDetails(e.details);
    const id = transaction(db, () => {
      const last = lastRow.get() as { id: number; hash: string; mac: string | null } | undefined;
      const prevHash = last?.hash ?? GENESIS;
      const prevMac = last?.mac ?? GENESIS;
      const entry: ChainedFields = { id: (last?.id ?? 0) + 1, at: clock.now().toISOString(), action: e.action, actor: e.actor, subjectId: e.subjectId ?? null, details };
      const hash = entryHash(prevHash, entry);
      insert.run(entry.id, entry.at, entry.action, entry.actor, entry.subjectId, entry.details, prevHash, hash, prevMac, entryMac(key, prevMac, entry));
      bumpHead.run(hash);
      return entry.id;
    });
    options.onAppended?.(id);
  }

  return {
    /** Appends one entry, chained to the last. Joins the caller's transaction if there is one. */
    append,

    /** This log's public id (names its checkpoint files). */
    logId,

    /** The committed head for a checkpoint: null while a transaction is open (its entries may yet roll back). */
    head(): { entries: number; headMac: string } | null {
      if (db.isTransaction) return null;
      const last = lastRow.get() as { id: number; mac: string | null } | undefined;
      return { entries: last?.id ?? 0, headMac: last?.mac ?? GENESIS };
    },

    /**
     * Entries written by a version before keyed MACs have none. If the whole log is such
     * entries and no checkpoint of this log exists anywhere (so it was never keyed: otherwise
     * this would launder a log someone replaced by plain-hash rows), checks their plain SHA-256
     * chain, MACs them in order, and appends 'audit.legacy_sealed' saying how many and whether
     * the plain chain was intact; one transaction. verify() reports it as a note ever after.
     */
    async sealLegacyEntries(): Promise<{ readonly sealed: number; readonly plainChainIntact: boolean } | null> {
      const counts = db.prepare('SELECT COUNT(*) AS n, COUNT(mac) AS keyed FROM audit_log').get() as { n: number; keyed: number };
      if (counts.n === 0 || counts.keyed > 0) return null;
      for (const sink of sinks) {
        const read = await sink.read(logId).catch(() => null);
        if (read && read.checkpoints.length > 0) return null;
      }
      return transaction(db, () => {
        const update = db.prepare('UPDATE audit_log SET prev_mac = ?, mac = ? WHERE id = ? AND mac IS NULL');
        let prevHash = GENESIS;
        let prevMac = GENESIS;
        let expectedId = 1;
        let firstBrokenId = 0;
        let sealed = 0;
        for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as unknown as LogRow[]) {
          if (firstBrokenId === 0 && (r.id !== expectedId || r.prev_hash !== prevHash || entryHash(prevHash, fieldsOf(r)) !== r.hash)) firstBrokenId = r.id;
          const mac = entryMac(key, prevMac, fieldsOf(r));
          update.run(prevMac, mac, r.id);
          prevHash = r.hash;
          prevMac = mac;
          expectedId = r.id + 1;
          sealed++;
        }
        const plainChainIntact = firstBrokenId === 0;
        append({ action: 'audit.legacy_sealed', actor: 'system', details: { legacyEntries: sealed, plainChainIntact, ...(plainChainIntact ? {} : { firstBrokenId }) } });
        return { sealed, plainChainIntact };
      });
    },

    /** Checks the keyed chain, the head and every checkpoint the sinks hold; names the first entry that does not fit. */
    verify(): Promise<AuditVerification> {
      return verifyAuditLog(db, key, logId, sinks);
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
