/**
 * The kiosk's outbox in network mode: each intake the kiosk signed and has not yet handed to
 * the clinic server, sealed by the vault (AAD = kiosk_outbox:<id>:payload) in one row written in
 * one transaction with its audit entry (synchronous=FULL SQLite: an intake the client was told
 * is done survives a power cut). Only the id, the queue order and times, and the forwarding
 * state are in clear. A row is deleted only after the server acknowledged it
 * (core/network/forwarder.ts).
 *
 * Written against the storage port (`deps.store`), both engines, `?` placeholders.
 */
import type { OutboxErrorKind, SubmitReceipt } from '../../api/contract.ts';
import type { SealedColumn } from '../crypto/rotation.ts';
import type { Vault } from '../crypto/vault.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { Queryable } from '../db/port.ts';
import type { IntakeRequest } from '../intake/prepare.ts';

export const outboxDialectMigrations: readonly DialectMigration[] = [
  {
    id: 'outbox-001',
    sqlite: `CREATE TABLE kiosk_outbox (
      submission_id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      queued_at TEXT NOT NULL,
      request_digest BLOB NOT NULL,
      payload BLOB NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      refused INTEGER NOT NULL DEFAULT 0,
      retry_at TEXT,
      last_error TEXT,
      last_error_kind TEXT,
      last_error_at TEXT
    ) STRICT;`,
    postgres: `CREATE TABLE kiosk_outbox (
      submission_id TEXT PRIMARY KEY,
      seq BIGINT NOT NULL UNIQUE,
      queued_at TEXT NOT NULL,
      request_digest BYTEA NOT NULL,
      payload BYTEA NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      refused INTEGER NOT NULL DEFAULT 0,
      retry_at TEXT,
      last_error TEXT,
      last_error_kind TEXT,
      last_error_at TEXT
    );`,
  },
];

const aadOf = (id: string) => `kiosk_outbox:${id}:payload`;

export const outboxSealedColumns: readonly SealedColumn[] = [{ table: 'kiosk_outbox', idColumn: 'submission_id', column: 'payload', aad: aadOf }];

/** What the kiosk keeps of one intake until the server has it: sealed as one JSON document. */
export interface QueuedIntake {
  /** The client's request as their page sent it. */
  readonly request: IntakeRequest;
  /** The signed summary PDF, base64. */
  readonly pdf: string;
  readonly signedAt: string;
  /** What the client was told (a retry of the same id is answered with it). */
  readonly receipt: SubmitReceipt;
}

export interface OutboxEntry {
  readonly submissionId: string;
  readonly seq: number;
  readonly queuedAt: string;
  readonly attempts: number;
  readonly refused: boolean;
  /** Opens the sealed intake. */
  readonly open: () => QueuedIntake;
}

export interface OutboxSummary {
  readonly waiting: number;
  readonly refused: number;
  readonly oldestAt: string | null;
  readonly lastError: { readonly kind: OutboxErrorKind; readonly message: string; readonly at: string } | null;
}

type EntryRow = {
  readonly submission_id: string;
  readonly seq: number;
  readonly queued_at: string;
  readonly attempts: number;
  readonly refused: number;
  readonly payload: Uint8Array;
};

const ENTRY_COLUMNS = 'submission_id, seq, queued_at, attempts, refused, payload';

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(store: Queryable, vault: Pick<Vault, 'sealerIn' | 'openText' | 'opening'>) {
  const toEntry = (row: EntryRow): OutboxEntry => ({
    submissionId: row.submission_id,
    seq: Number(row.seq),
    queuedAt: row.queued_at,
    attempts: row.attempts,
    refused: row.refused === 1,
    open: () => JSON.parse(vault.openText(row.payload, aadOf(row.submission_id))) as QueuedIntake,
  });

  return {
    /**
     * Queues an intake at the end. Idempotent by id: false when this id is already queued.
     * Runs on `tx` so the caller's audit entry commits with it.
     */
    async enqueue(tx: Queryable, intake: QueuedIntake, digest: Uint8Array, queuedAt: Date): Promise<boolean> {
      const id = intake.request.submissionId;
      const sealed = (await vault.sealerIn(tx)).seal(JSON.stringify(intake), aadOf(id));
      // The next sequence number from the table itself: ids come from the application, never a rowid.
      // (`WHERE true`: SQLite would otherwise read the ON of the upsert as a join constraint.)
      const changes = await tx.exec(
        `INSERT INTO kiosk_outbox (submission_id, seq, queued_at, request_digest, payload)
         SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM kiosk_outbox WHERE true
         ON CONFLICT (submission_id) DO NOTHING`,
        [id, queuedAt.toISOString(), digest, sealed],
      );
      return changes > 0;
    },

    /** The queued digest and receipt of `id`, for answering a retry; null when it is not queued. */
    async receiptFacts(id: string): Promise<{ readonly digest: Uint8Array; readonly receipt: SubmitReceipt } | null> {
      const row = await store.one<{ request_digest: Uint8Array; payload: Uint8Array }>('SELECT request_digest, payload FROM kiosk_outbox WHERE submission_id = ?', [id]);
      if (!row) return null;
      const intake = await vault.opening(() => JSON.parse(vault.openText(row.payload, aadOf(id))) as QueuedIntake);
      return { digest: new Uint8Array(row.request_digest), receipt: intake.receipt };
    },

    /**
     * The next intake to send, oldest first: entries the server refused wait until their
     * `retry_at`, so one refused intake never holds back the ones behind it.
     */
    async next(now: Date, afterSeq = 0): Promise<OutboxEntry | null> {
      const row = await store.one<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM kiosk_outbox WHERE seq > ? AND (refused = 0 OR retry_at <= ?) ORDER BY seq LIMIT 1`,
        [afterSeq, now.toISOString()],
      );
      return row ? toEntry(row) : null;
    },

    /** Every queued entry in order (tests, the drain bench). */
    async all(): Promise<OutboxEntry[]> {
      return (await store.all<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM kiosk_outbox ORDER BY seq`)).map(toEntry);
    },

    /** Removes an entry the server acknowledged; on `tx` so the audit entry commits with it. */
    async remove(tx: Queryable, id: string): Promise<boolean> {
      return (await tx.exec('DELETE FROM kiosk_outbox WHERE submission_id = ?', [id])) > 0;
    },

    /**
     * The entry did not get through and the fault is not the entry's: the server could not be
     * reached (`unreachable`) or no longer accepts this kiosk (`not_paired`). It stays first in line.
     */
    async noteNotSent(id: string, kind: 'unreachable' | 'not_paired', message: string, at: Date): Promise<void> {
      await store.exec('UPDATE kiosk_outbox SET attempts = attempts + 1, last_error = ?, last_error_kind = ?, last_error_at = ? WHERE submission_id = ?', [
        message,
        kind,
        at.toISOString(),
        id,
      ]);
    },

    /**
     * The kiosk joined a clinic server again: "no longer paired" was about the pairing it had
     * before, so those notes go (on `tx`, with the new pairing); the next forward writes its own.
     */
    async forgetNotPaired(tx: Queryable): Promise<void> {
      await tx.exec("UPDATE kiosk_outbox SET last_error = NULL, last_error_kind = NULL, last_error_at = NULL WHERE last_error_kind = 'not_paired'");
    },

    /** The server refused the entry: kept (never dropped), tried again at `retryAt`, the ones behind it go on. */
    async noteRefused(id: string, message: string, at: Date, retryAt: Date): Promise<void> {
      await store.exec(
        "UPDATE kiosk_outbox SET attempts = attempts + 1, refused = 1, retry_at = ?, last_error = ?, last_error_kind = 'refused', last_error_at = ? WHERE submission_id = ?",
        [retryAt.toISOString(), message, at.toISOString(), id],
      );
    },

    async summary(): Promise<OutboxSummary> {
      return store.transaction(
        async (tx) => {
          const counts = await tx.one<{ waiting: number; refused: number | null; oldest: string | null }>(
            'SELECT COUNT(*) AS waiting, SUM(refused) AS refused, MIN(queued_at) AS oldest FROM kiosk_outbox',
          );
          const last = await tx.one<{ last_error: string; last_error_kind: OutboxErrorKind; last_error_at: string }>(
            'SELECT last_error, last_error_kind, last_error_at FROM kiosk_outbox WHERE last_error IS NOT NULL ORDER BY last_error_at DESC, seq LIMIT 1',
          );
          return {
            waiting: Number(counts?.waiting ?? 0),
            refused: Number(counts?.refused ?? 0),
            oldestAt: counts?.oldest ?? null,
            lastError: last ? { kind: last.last_error_kind, message: last.last_error, at: last.last_error_at } : null,
          };
        },
        { readOnly: true },
      );
    },
  };
}
