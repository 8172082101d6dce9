/**
 * Stored submissions. Everything that identifies the client or describes their health is
 * sealed by the vault (AAD = table:row id:column); only ids, times, form id/version,
 * severity counts and status are in clear, which is enough to list and sort.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { QueueItem, Severity } from '../../api/contract.ts';
import type { Answers, Flag } from '../../forms/engine/index.ts';
import type { Clock } from '../ports.ts';
import type { Vault } from '../crypto/vault.ts';
import type { SealedColumn } from '../crypto/rotation.ts';
import { transaction, type Migration } from '../db/database.ts';
import { identityToken, indexTokens, queryTokens } from './name-index.ts';

export interface NewSubmission {
  readonly id: string;
  readonly createdAt: string;
  readonly startedAt: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly language: string;
  readonly clientName: string;
  readonly dateOfBirth: string | null;
  readonly answers: Answers;
  readonly flags: readonly Flag[];
  readonly pdf: Uint8Array;
  readonly pdfSha256: string;
  readonly signedAt: string;
  /**
   * Keyed digest of the request as the client sent it (core/intake/duplicates.ts): a retry with
   * the same id is recognised as the same intake, a different one as a conflict. Absent in rows
   * written before it existed.
   */
  readonly requestDigest?: Uint8Array;
}

/** What a repeated submission id is answered from: the stored facts, not the new request. */
export interface StoredReceiptFacts {
  readonly id: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly language: string;
  readonly flags: readonly Flag[];
  readonly requestDigest: Uint8Array | null;
  /** Opens the stored answers (only for rows without a digest). */
  readonly answers: () => Answers;
}

export interface StoredSubmission extends NewSubmission {
  readonly status: 'new' | 'acknowledged';
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

/** What a detail compares with: an earlier visit's answers and flags, without its PDF or identity. */
export type EarlierVisit = Pick<StoredSubmission, 'id' | 'createdAt' | 'formId' | 'formVersion' | 'answers' | 'flags'>;

export interface EarlierVisits {
  /** The newest earlier visits, newest first, at most the limit asked for. */
  readonly visits: readonly EarlierVisit[];
  /** How many earlier visits the kiosk holds for this person in all. */
  readonly total: number;
}

export interface QueueQuery {
  /** Created at or after this instant (ISO 8601); the caller turns its local days into instants. */
  readonly since?: string;
  /** Created before this instant (ISO 8601). */
  readonly before?: string;
  readonly status: 'all' | 'new' | 'acknowledged';
  readonly search?: string;
  readonly limit: number;
}

export const submissionMigrations: readonly Migration[] = [
  {
    id: 'submissions-001',
    sql: `CREATE TABLE submissions (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      started_at TEXT NOT NULL,
      form_id TEXT NOT NULL,
      form_version INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged')),
      acknowledged_at TEXT,
      acknowledged_by TEXT,
      sev_stop INTEGER NOT NULL,
      sev_clearance INTEGER NOT NULL,
      sev_modify INTEGER NOT NULL,
      sev_info INTEGER NOT NULL,
      identity_token BLOB NOT NULL,
      client_name BLOB NOT NULL,
      date_of_birth BLOB,
      answers BLOB NOT NULL,
      flags BLOB NOT NULL,
      pdf BLOB NOT NULL,
      meta BLOB NOT NULL
    ) STRICT;
    CREATE INDEX submissions_created ON submissions (created_at);
    CREATE INDEX submissions_identity ON submissions (identity_token);
    CREATE TABLE submission_name_tokens (
      token BLOB NOT NULL,
      submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      PRIMARY KEY (token, submission_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX submission_name_tokens_by_submission ON submission_name_tokens (submission_id);`,
  },
  {
    // The unfiltered queue reads (created_at, id) in index order too, ties included.
    // A name search walks its token's rows newest first and stops at the page size, instead of
    // collecting and sorting every match (a common last name is thousands of rows): the token
    // rows carry the submission's creation time and are clustered on (token, created_at, id).
    id: 'submissions-002',
    sql: `CREATE TABLE submission_name_tokens_new (
      token BLOB NOT NULL,
      created_at TEXT NOT NULL,
      submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      PRIMARY KEY (token, created_at, submission_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO submission_name_tokens_new (token, created_at, submission_id)
      SELECT t.token, s.created_at, t.submission_id FROM submission_name_tokens t JOIN submissions s ON s.id = t.submission_id;
    DROP TABLE submission_name_tokens;
    ALTER TABLE submission_name_tokens_new RENAME TO submission_name_tokens;
    CREATE INDEX submission_name_tokens_by_submission ON submission_name_tokens (submission_id);
    DROP INDEX submissions_created;
    CREATE INDEX submissions_created ON submissions (created_at, id);`,
  },
  {
    // A returning client's detail reads only their newest earlier visits: the identity's rows
    // in time order, so a regular with hundreds of visits costs the same as one with five.
    id: 'submissions-003',
    sql: `DROP INDEX submissions_identity;
    CREATE INDEX submissions_identity ON submissions (identity_token, created_at, id);`,
  },
  {
    // A keyed digest (not health data in clear: an HMAC under a vault-derived key) of each request.
    id: 'submissions-004',
    sql: 'ALTER TABLE submissions ADD COLUMN request_digest BLOB;',
  },
];

const SEALED = ['client_name', 'date_of_birth', 'answers', 'flags', 'pdf', 'meta'] as const;
type SealedName = (typeof SEALED)[number];

const aadOf = (id: string, column: SealedName) => `submissions:${id}:${column}`;

/** Every sealed column of this module, for data-key rotation. */
export const submissionSealedColumns: readonly SealedColumn[] = SEALED.map((column) => ({
  table: 'submissions',
  idColumn: 'id',
  column,
  aad: (id: string) => aadOf(id, column),
}));

/** Sealed together: not needed to list, only to show one submission. */
interface Meta {
  readonly language: string;
  readonly pdfSha256: string;
  readonly signedAt: string;
}

interface Row {
  readonly id: string;
  readonly created_at: string;
  readonly started_at: string;
  readonly form_id: string;
  readonly form_version: number;
  readonly status: 'new' | 'acknowledged';
  readonly acknowledged_at: string | null;
  readonly acknowledged_by: string | null;
  readonly client_name: Uint8Array;
  readonly date_of_birth: Uint8Array | null;
  readonly answers: Uint8Array;
  readonly flags: Uint8Array;
  readonly pdf: Uint8Array;
  readonly meta: Uint8Array;
}

type EarlierRow = Pick<Row, 'id' | 'created_at' | 'form_id' | 'form_version' | 'answers' | 'flags'>;

interface ListRow {
  readonly id: string;
  readonly created_at: string;
  readonly form_id: string;
  readonly form_version: number;
  readonly status: 'new' | 'acknowledged';
  readonly client_name: Uint8Array;
  readonly sev_stop: number;
  readonly sev_clearance: number;
  readonly sev_modify: number;
  readonly sev_info: number;
}

function severityCounts(flags: readonly Flag[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { stop: 0, clearance: 0, modify: 0, info: 0 };
  for (const flag of flags) counts[flag.severity]++;
  return counts;
}

/**
 * The SQL of one queue page, newest first. With a search, the first word's token rows drive the
 * query straight off their primary key (token, created_at, id), so SQLite reads matches newest
 * first and stops at the page size; every other word must match the same submission.
 */
export function queueListSql(q: QueueQuery, tokens: readonly Uint8Array[]): { sql: string; params: (string | number | Uint8Array)[] } {
  const [driver, ...others] = tokens;
  const time = driver ? 't.created_at' : 's.created_at';
  const where: string[] = [];
  const params: (string | number | Uint8Array)[] = [];
  if (driver) {
    where.push('t.token = ?');
    params.push(driver);
  }
  // created_at is always toISOString() form, so canonical instants compare as strings.
  if (q.since !== undefined) {
    where.push(`${time} >= ?`);
    params.push(new Date(q.since).toISOString());
  }
  if (q.before !== undefined) {
    where.push(`${time} < ?`);
    params.push(new Date(q.before).toISOString());
  }
  if (q.status !== 'all') {
    where.push('s.status = ?');
    params.push(q.status);
  }
  for (const token of others) {
    where.push('EXISTS (SELECT 1 FROM submission_name_tokens o WHERE o.token = ? AND o.created_at = s.created_at AND o.submission_id = s.id)');
    params.push(token);
  }
  // CROSS JOIN fixes the join order: SQLite never reorders it.
  const from = driver ? 'submission_name_tokens t CROSS JOIN submissions s ON s.id = t.submission_id' : 'submissions s';
  const order = driver ? 't.created_at DESC, t.submission_id DESC' : 's.created_at DESC, s.id DESC';
  const sql = `SELECT s.id, s.created_at, s.form_id, s.form_version, s.status, s.client_name, s.sev_stop, s.sev_clearance, s.sev_modify, s.sev_info
    FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order} LIMIT ?`;
  params.push(Math.max(1, Math.min(Math.trunc(q.limit), 1000)));
  return { sql, params };
}

/** A person's newest earlier visits: (identity token, before, limit), read off submissions_identity in order. */
export const EARLIER_VISITS_SQL = `SELECT id, created_at, form_id, form_version, answers, flags FROM submissions
  WHERE identity_token = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?`;

export type SubmissionRepository = ReturnType<typeof createSubmissionRepository>;

export function createSubmissionRepository(db: DatabaseSync, vault: Vault, clock: Clock) {
  const exists = db.prepare('SELECT 1 AS found FROM submissions WHERE id = ?');
  const insertRow = db.prepare(`INSERT INTO submissions (
      id, created_at, started_at, form_id, form_version, sev_stop, sev_clearance, sev_modify, sev_info,
      identity_token, client_name, date_of_birth, answers, flags, pdf, meta, request_digest)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectFacts = db.prepare('SELECT id, form_id, form_version, answers, flags, meta, request_digest FROM submissions WHERE id = ?');
  const insertToken = db.prepare('INSERT OR IGNORE INTO submission_name_tokens (token, created_at, submission_id) VALUES (?, ?, ?)');
  const selectOne = db.prepare('SELECT * FROM submissions WHERE id = ?');
  const ack = db.prepare("UPDATE submissions SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND status = 'new'");
  const earlier = db.prepare(EARLIER_VISITS_SQL);
  const earlierCount = db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE identity_token = ? AND created_at < ?');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM submissions');

  const seal = (id: string, column: SealedName, value: Uint8Array | string) => vault.seal(value, aadOf(id, column));
  const openText = (row: { id: string }, column: SealedName, value: Uint8Array) => vault.openText(value, aadOf(row.id, column));

  function decode(row: Row): StoredSubmission {
    const meta = JSON.parse(openText(row, 'meta', row.meta)) as Meta;
    return {
      id: row.id,
      createdAt: row.created_at,
      startedAt: row.started_at,
      formId: row.form_id,
      formVersion: row.form_version,
      language: meta.language,
      clientName: openText(row, 'client_name', row.client_name),
      dateOfBirth: row.date_of_birth ? openText(row, 'date_of_birth', row.date_of_birth) : null,
      answers: JSON.parse(openText(row, 'answers', row.answers)) as Answers,
      flags: JSON.parse(openText(row, 'flags', row.flags)) as Flag[],
      pdf: vault.open(row.pdf, aadOf(row.id, 'pdf')),
      pdfSha256: meta.pdfSha256,
      signedAt: meta.signedAt,
      status: row.status,
      acknowledgedAt: row.acknowledged_at,
      acknowledgedBy: row.acknowledged_by,
    };
  }

  return {
    /** Stores `s` in one transaction. Idempotent by id: a second insert of the same id writes nothing. */
    insert(s: NewSubmission): { inserted: boolean } {
      // Seal before opening the transaction: keeps the write lock short.
      const id = s.id;
      const counts = severityCounts(s.flags);
      const meta: Meta = { language: s.language, pdfSha256: s.pdfSha256, signedAt: s.signedAt };
      const values = [
        id,
        s.createdAt,
        s.startedAt,
        s.formId,
        s.formVersion,
        counts.stop,
        counts.clearance,
        counts.modify,
        counts.info,
        identityToken(vault, s.clientName, s.dateOfBirth),
        seal(id, 'client_name', s.clientName),
        s.dateOfBirth === null ? null : seal(id, 'date_of_birth', s.dateOfBirth),
        seal(id, 'answers', JSON.stringify(s.answers)),
        seal(id, 'flags', JSON.stringify(s.flags)),
        seal(id, 'pdf', s.pdf),
        seal(id, 'meta', JSON.stringify(meta)),
        s.requestDigest ?? null,
      ] as const;
      const tokens = indexTokens(vault, s.clientName);
      return transaction(db, () => {
        if (exists.get(id)) return { inserted: false };
        insertRow.run(...values);
        for (const token of tokens) insertToken.run(token, s.createdAt, id);
        return { inserted: true };
      });
    },

    /** The stored facts a receipt is built from; the PDF and the identity stay sealed. */
    receiptFacts(id: string): StoredReceiptFacts | null {
      const row = selectFacts.get(id) as (Pick<Row, 'id' | 'form_id' | 'form_version' | 'answers' | 'flags' | 'meta'> & { request_digest: Uint8Array | null }) | undefined;
      if (!row) return null;
      const meta = JSON.parse(openText(row, 'meta', row.meta)) as Meta;
      return {
        id: row.id,
        formId: row.form_id,
        formVersion: row.form_version,
        language: meta.language,
        flags: JSON.parse(openText(row, 'flags', row.flags)) as Flag[],
        requestDigest: row.request_digest ? new Uint8Array(row.request_digest) : null,
        answers: () => JSON.parse(openText(row, 'answers', row.answers)) as Answers,
      };
    },

    get(id: string): StoredSubmission | null {
      const row = selectOne.get(id) as Row | undefined;
      return row ? decode(row) : null;
    },

    /** Newest first. Names are decrypted here, in main; answers are not opened. */
    list(q: QueueQuery): Omit<QueueItem, 'outcome'>[] {
      const tokens = q.search && q.search.trim() !== '' ? queryTokens(vault, q.search) : null;
      if (tokens?.length === 0) return [];
      const { sql, params } = queueListSql(q, tokens ?? []);
      const rows = db.prepare(sql).all(...params) as unknown as ListRow[];
      return rows.map((r) => ({
        submissionId: r.id,
        createdAt: r.created_at,
        clientName: openText(r, 'client_name', r.client_name),
        formId: r.form_id,
        formVersion: r.form_version,
        status: r.status,
        severities: { stop: r.sev_stop, clearance: r.sev_clearance, modify: r.sev_modify, info: r.sev_info },
      }));
    },

    /** True when this call changed the status; false if the id is unknown or it was already acknowledged. */
    acknowledge(id: string, staffId: string): boolean {
      return Number(ack.run(clock.now().toISOString(), staffId, id).changes) > 0;
    },

    /**
     * Earlier submissions of the same person (normalised name + date of birth) created before
     * `before`: the newest `limit` of them, newest first (only their answers and flags are
     * opened), and how many there are in all.
     */
    findEarlier(clientName: string, dateOfBirth: string, before: string, limit: number): EarlierVisits {
      const token = identityToken(vault, clientName, dateOfBirth);
      const rows = earlier.all(token, before, Math.max(0, Math.trunc(limit))) as unknown as EarlierRow[];
      const visits = rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        formId: row.form_id,
        formVersion: row.form_version,
        answers: JSON.parse(openText(row, 'answers', row.answers)) as Answers,
        flags: JSON.parse(openText(row, 'flags', row.flags)) as Flag[],
      }));
      return { visits, total: (earlierCount.get(token, before) as { n: number }).n };
    },

    count(): number {
      return (countAll.get() as { n: number }).n;
    },
  };
}
