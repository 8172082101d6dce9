/**
 * The audit log: append-only (SQL triggers refuse UPDATE and DELETE) and chained with a
 * keyed MAC (chain.ts) under a key the database does not hold, with signed checkpoints of
 * the head written outside the database (checkpoints.ts); verify.ts checks both. A one-row
 * head (entry count and last plain hash, which triggers only let grow) also catches a
 * careless removal of the newest entries.
 *
 * Entries name subjects by id only: details never hold client names or answers.
 */
import type { Clock } from '../ports.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
import { outsideTransactions } from '../db/tx-context.ts';
import { appendOnlyTableSql } from '../db/postgres/append-only.ts';
import { APP_ROLE } from '../db/postgres/roles.ts';
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
  | 'submission.forwarded'
  | 'network.joined'
  | 'network.left';

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
  'network.joined',
  'network.left',
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

/** Transactions that append to the audit chain name it, so writers queue instead of conflicting (docs/STORAGE.md). */
export const AUDIT_CHAIN = { serializeOn: 'audit' } as const;

const GENESIS_HASH = '0'.repeat(64);

/**
 * PostgreSQL: the same two tables; the log append-only by triggers and privileges
 * (db/postgres/append-only.ts), the head by a trigger that lets it only grow by one and
 * refuses DELETE and TRUNCATE. A database on PostgreSQL is always new, so it has no entries
 * without a MAC to seal: the log never needs the one UPDATE SQLite lets through.
 */
const POSTGRES_AUDIT_001 = `CREATE TABLE audit_log (
      id BIGINT PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      subject_id TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    ${appendOnlyTableSql('audit_log')}
    CREATE TABLE audit_head (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      entries BIGINT NOT NULL,
      last_hash TEXT NOT NULL
    );
    INSERT INTO audit_head (singleton, entries, last_hash) VALUES (1, 0, '${GENESIS_HASH}');
    CREATE FUNCTION kiosk_audit_head_grows() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      IF NEW.entries <> OLD.entries + 1 OR NEW.singleton <> OLD.singleton THEN
        RAISE EXCEPTION 'audit head only grows' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
    $body$;
    CREATE TRIGGER audit_head_grows_only BEFORE UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION kiosk_audit_head_grows();
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION kiosk_refuse_change();
    CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION kiosk_refuse_change();
    REVOKE DELETE, TRUNCATE ON audit_head FROM PUBLIC;
    DO $body$
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        EXECUTE 'REVOKE DELETE, TRUNCATE ON audit_head FROM ${APP_ROLE}';
      END IF;
    END
    $body$;`;

const POSTGRES_AUDIT_002 = `ALTER TABLE audit_log ADD COLUMN prev_mac TEXT;
    ALTER TABLE audit_log ADD COLUMN mac TEXT;
    CREATE FUNCTION kiosk_audit_needs_mac() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      IF NEW.mac IS NULL OR NEW.prev_mac IS NULL THEN
        RAISE EXCEPTION 'audit entries carry a MAC' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $body$;
    CREATE TRIGGER audit_log_needs_mac BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION kiosk_audit_needs_mac();`;

export const auditMigrations: readonly DialectMigration[] = [
  {
    id: 'audit-001',
    postgres: POSTGRES_AUDIT_001,
    sqlite: `CREATE TABLE audit_log (
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
    INSERT INTO audit_head (singleton, entries, last_hash) VALUES (1, 0, '${GENESIS_HASH}');
    CREATE TRIGGER audit_head_grows_only BEFORE UPDATE ON audit_head
      WHEN NEW.entries <> OLD.entries + 1 BEGIN SELECT RAISE(ABORT, 'audit head only grows'); END;
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN SELECT RAISE(ABORT, 'audit head is permanent'); END;`,
  },
  {
    // The keyed chain. Entries written before it have NULL MACs until sealLegacyEntries fills
    // them in once (the only UPDATE the trigger lets through: NULL to a value, nothing else changed).
    id: 'audit-002',
    postgres: POSTGRES_AUDIT_002,
    sqlite: `ALTER TABLE audit_log ADD COLUMN prev_mac TEXT;
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

const LAST_ROW = 'SELECT id, hash, mac FROM audit_log ORDER BY id DESC LIMIT 1';
const INSERT = 'INSERT INTO audit_log (id, at, action, actor, subject_id, details, prev_hash, hash, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const BUMP_HEAD = 'UPDATE audit_head SET entries = entries + 1, last_hash = ? WHERE singleton = 1';

/**
 * The log on the storage port. `append` reads the chain's last entry inside its own
 * transaction (nothing about the chain is cached in memory), so a transaction the port reruns
 * after a conflict, or one that rolls back, leaves nothing behind; `onAppended` is only a hint
 * for the checkpointer, which reads the committed head itself.
 */
export function createAuditLog(db: Queryable, clock: Clock, options: AuditLogOptions) {
  const { key } = options;
  const logId = logIdOf(key);
  const sinks = options.sinks ?? [];

  const toEntry = (r: LogRow): AuditEntry => ({
    id: r.id,
    at: r.at,
    action: r.action as AuditAction,
    actor: r.actor,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as AuditDetails,
    hash: r.mac ?? r.hash,
  });

  async function append(e: NewAuditEntry): Promise<void> {
    if (!AUDIT_ACTIONS.includes(e.action)) throw new Error('Unknown audit action.');
    const details = checkDetails(e.details);
    const id = await db.transaction(async (tx) => {
      const last = await tx.one<{ id: number; hash: string; mac: string | null }>(LAST_ROW);
      const prevHash = last?.hash ?? GENESIS;
      const prevMac = last?.mac ?? GENESIS;
      const entry: ChainedFields = { id: (last?.id ?? 0) + 1, at: clock.now().toISOString(), action: e.action, actor: e.actor, subjectId: e.subjectId ?? null, details };
      const hash = entryHash(prevHash, entry);
      await tx.exec(INSERT, [entry.id, entry.at, entry.action, entry.actor, entry.subjectId, entry.details, prevHash, hash, prevMac, entryMac(key, prevMac, entry)]);
      await tx.exec(BUMP_HEAD, [hash]);
      return entry.id;
    }, AUDIT_CHAIN);
    // Outside the (possibly enclosing) transaction: the checkpointer reads the committed head.
    if (options.onAppended) outsideTransactions(() => options.onAppended?.(id));
  }

  return {
    /** Appends one entry, chained to the last. Joins the caller's transaction if there is one. */
    append,

    /** This log's public id (names its checkpoint files). */
    logId,

    /** The committed head for a checkpoint (read outside any open transaction, so never entries that may yet roll back). */
    async head(): Promise<{ entries: number; headMac: string } | null> {
      const last = await outsideTransactions(() => db.one<{ id: number; mac: string | null }>(LAST_ROW));
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
      const counts = await db.one<{ n: number; keyed: number }>('SELECT COUNT(*) AS n, COUNT(mac) AS keyed FROM audit_log');
      if (!counts || counts.n === 0 || counts.keyed > 0) return null;
      for (const sink of sinks) {
        const read = await sink.read(logId).catch(() => null);
        if (read && read.checkpoints.length > 0) return null;
      }
      return db.transaction(async (tx) => {
        let prevHash = GENESIS;
        let prevMac = GENESIS;
        let expectedId = 1;
        let firstBrokenId = 0;
        let sealed = 0;
        for (const r of await tx.all<LogRow>('SELECT * FROM audit_log ORDER BY id')) {
          if (firstBrokenId === 0 && (r.id !== expectedId || r.prev_hash !== prevHash || entryHash(prevHash, fieldsOf(r)) !== r.hash)) firstBrokenId = r.id;
          const mac = entryMac(key, prevMac, fieldsOf(r));
          await tx.exec('UPDATE audit_log SET prev_mac = ?, mac = ? WHERE id = ? AND mac IS NULL', [prevMac, mac, r.id]);
          prevHash = r.hash;
          prevMac = mac;
          expectedId = r.id + 1;
          sealed++;
        }
        const plainChainIntact = firstBrokenId === 0;
        await append({ action: 'audit.legacy_sealed', actor: 'system', details: { legacyEntries: sealed, plainChainIntact, ...(plainChainIntact ? {} : { firstBrokenId }) } });
        return { sealed, plainChainIntact };
      }, AUDIT_CHAIN);
    },

    /** Checks the keyed chain, the head and every checkpoint the sinks hold; names the first entry that does not fit. */
    verify(): Promise<AuditVerification> {
      return verifyAuditLog(db, key, logId, sinks);
    },
    /** Newest first, `limit` entries with id below `beforeId` (for paging). */
    async list(q: { readonly limit: number; readonly beforeId?: number }): Promise<AuditEntry[]> {
      const limit = Math.max(1, Math.min(Math.trunc(q.limit), 1000));
      const rows =
        q.beforeId === undefined
          ? await db.all<LogRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', [limit])
          : await db.all<LogRow>('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?', [q.beforeId, limit]);
      return rows.map(toEntry);
    },

    async count(): Promise<number> {
      return (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))?.n ?? 0;
    },
  };
}
