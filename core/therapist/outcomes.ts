/**
 * What happened with a client whose intake raised a stop or clearance flag: the outcome the
 * therapist records when acknowledging (not treated and referred, rebooked, clearance seen,
 * treated with changes, other). One row per submission, written once with the acknowledgement.
 * The code is in clear (the queue lists it); the optional note is free text a therapist typed
 * about a client's care, so it is sealed with the vault like every other piece of health data.
 * Rows go with their submission (ON DELETE CASCADE) when retention purges it.
 *
 * Written against the storage port (core/db/port.ts), so it runs on SQLite and PostgreSQL alike.
 */
import { OUTCOME_CODES, type AcknowledgementOutcome, type OutcomeCode } from '../../api/contract.ts';
import type { SealedColumn } from '../crypto/rotation.ts';
import type { Vault } from '../crypto/vault.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { Queryable } from '../db/port.ts';

const CODES_SQL = OUTCOME_CODES.map((c) => `'${c}'`).join(', ');

export const outcomeDialectMigrations: readonly DialectMigration[] = [
  {
    id: 'outcomes-001',
    sqlite: `CREATE TABLE acknowledgement_outcomes (
      submission_id TEXT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      outcome TEXT NOT NULL CHECK (outcome IN (${CODES_SQL})),
      note BLOB,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    );`,
    postgres: `CREATE TABLE acknowledgement_outcomes (
      submission_id TEXT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      outcome TEXT NOT NULL CHECK (outcome IN (${CODES_SQL})),
      note BYTEA,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    );`,
  },
];

/** For createCore's openDatabase list until it opens the port itself (docs/STORAGE.md). */

const aadOf = (submissionId: string) => `acknowledgement_outcomes:${submissionId}:note`;

/** The sealed note, for a full data-key rotation (core/crypto/sealed-columns.ts). */
export const outcomeSealedColumns: readonly SealedColumn[] = [{ table: 'acknowledgement_outcomes', idColumn: 'submission_id', column: 'note', aad: aadOf }];

const isOutcomeCode = (value: unknown): value is OutcomeCode => (OUTCOME_CODES as readonly unknown[]).includes(value);

export interface OutcomeRepository {
  /** Records the outcome; false when the submission already has one (it is written once). */
  record(submissionId: string, outcome: AcknowledgementOutcome, staffId: string, at: Date): Promise<boolean>;
  get(submissionId: string): Promise<AcknowledgementOutcome | null>;
  /** The outcome codes of the listed submissions (those without one are absent). */
  codesFor(submissionIds: readonly string[]): Promise<ReadonlyMap<string, OutcomeCode>>;
}

/** Ids per `IN (...)` query: well under both engines' parameter limits. */
const CHUNK = 500;

export function createOutcomeRepository(store: Queryable, vault: Vault): OutcomeRepository {
  return {
    async record(submissionId, outcome, staffId, at) {
      // Its own (nested) transaction: the note is sealed under the data key stored as it sees it.
      const changes = await store.transaction(async (tx) => {
        const note = outcome.note ? (await vault.sealerIn(tx)).seal(outcome.note, aadOf(submissionId)) : null;
        return tx.exec(
          `INSERT INTO acknowledgement_outcomes (submission_id, outcome, note, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING`,
          [submissionId, outcome.code, note, at.toISOString(), staffId],
        );
      });
      return changes === 1;
    },

    async get(submissionId) {
      const row = await store.one<{ outcome: string; note: Uint8Array | null }>('SELECT outcome, note FROM acknowledgement_outcomes WHERE submission_id = ?', [submissionId]);
      if (!row || !isOutcomeCode(row.outcome)) return null;
      const code = row.outcome;
      return { code, note: row.note ? await vault.opening(() => vault.openText(row.note!, aadOf(submissionId))) : null };
    },

    async codesFor(submissionIds) {
      const codes = new Map<string, OutcomeCode>();
      for (let i = 0; i < submissionIds.length; i += CHUNK) {
        const ids = submissionIds.slice(i, i + CHUNK);
        const rows = await store.all<{ submission_id: string; outcome: string }>(
          `SELECT submission_id, outcome FROM acknowledgement_outcomes WHERE submission_id IN (${ids.map(() => '?').join(', ')})`,
          ids,
        );
        for (const row of rows) if (isOutcomeCode(row.outcome)) codes.set(row.submission_id, row.outcome);
      }
      return codes;
    },
  };
}
