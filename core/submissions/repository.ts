/**
 * Stored submissions. Everything that identifies the client or describes their health is
 * sealed by the vault (AAD = table:row id:column); only ids, times, form id/version,
 * severity counts and status are in clear, which is enough to list and sort.
 */
import type { QueueItem, Severity } from '../../api/contract.ts';
import type { Answers, Flag, FormSettings } from '../../forms/engine/index.ts';
import type { Clock } from '../ports.ts';
import type { Vault } from '../crypto/vault.ts';
import type { SealedColumn } from '../crypto/rotation.ts';
import type { Dialect, Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
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
  /**
   * The clinic values the form's conditions read at the visit (the age of consent), as the intake
   * was checked with: the detail lists the steps the client saw, whatever the setting is later.
   * Sealed with the metadata; null in records stored before it was kept (see therapist/visit-settings.ts).
   */
  readonly formSettings?: FormSettings | null;
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

/**
 * PostgreSQL starts from today's shape: the token table clustered on (token, created_at, id)
 * from the first step (SQLite's steps 002-003 rebuild older files into it), the same indexes.
 */
const POSTGRES_SUBMISSIONS_001 = `CREATE TABLE submissions (
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
      identity_token BYTEA NOT NULL,
      client_name BYTEA NOT NULL,
      date_of_birth BYTEA,
      answers BYTEA NOT NULL,
      flags BYTEA NOT NULL,
      pdf BYTEA NOT NULL,
      meta BYTEA NOT NULL
    );
    CREATE TABLE submission_name_tokens (
      token BYTEA NOT NULL,
      created_at TEXT NOT NULL,
      submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      PRIMARY KEY (token, created_at, submission_id)
    );
    CREATE INDEX submission_name_tokens_by_submission ON submission_name_tokens (submission_id);`;

export const submissionMigrations: readonly DialectMigration[] = [
  {
    id: 'submissions-001',
    postgres: POSTGRES_SUBMISSIONS_001,
    sqlite: `CREATE TABLE submissions (
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
    postgres: 'CREATE INDEX submissions_created ON submissions (created_at, id);',
    sqlite: `CREATE TABLE submission_name_tokens_new (
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
    postgres: 'CREATE INDEX submissions_identity ON submissions (identity_token, created_at, id);',
    sqlite: `DROP INDEX submissions_identity;
    CREATE INDEX submissions_identity ON submissions (identity_token, created_at, id);`,
  },
  {
    // A keyed digest (not health data in clear: an HMAC under a vault-derived key) of each request.
    id: 'submissions-004',
    sqlite: 'ALTER TABLE submissions ADD COLUMN request_digest BLOB;',
    postgres: 'ALTER TABLE submissions ADD COLUMN request_digest BYTEA;',
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
  /** Absent in records stored before it was kept (NewSubmission.formSettings). */
  readonly formSettings?: FormSettings;
}

type Row = {
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

type ListRow = {
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
export function queueListSql(q: QueueQuery, tokens: readonly Uint8Array[], dialect: Dialect = 'sqlite'): { sql: string; params: (string | number | Uint8Array)[] } {
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
  // CROSS JOIN fixes the join order: SQLite never reorders it (PostgreSQL plans the join itself).
  const join = dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN';
  const from = driver ? `submission_name_tokens t ${join} submissions s ON s.id = t.submission_id` : 'submissions s';
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

/** Idempotent by the primary key: a second insert of the same id changes nothing (changes = 0), never a read-then-write. */
const INSERT_ROW = `INSERT INTO submissions (
      id, created_at, started_at, form_id, form_version, sev_stop, sev_clearance, sev_modify, sev_info,
      identity_token, client_name, date_of_birth, answers, flags, pdf, meta, request_digest)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;
const INSERT_TOKEN = 'INSERT INTO submission_name_tokens (token, created_at, submission_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING';

export function createSubmissionRepository(db: Queryable, vault: Vault, clock: Clock) {

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
      // Written by this module only; a shape it does not know reads as not kept.
      formSettings: typeof meta.formSettings?.ageOfConsent === 'number' ? meta.formSettings : null,
      status: row.status,
      acknowledgedAt: row.acknowledged_at,
      acknowledgedBy: row.acknowledged_by,
    };
  }

  return {
    /** Stores `s` in one transaction. Idempotent by id: a second insert of the same id writes nothing. */
    async insert(s: NewSubmission): Promise<{ inserted: boolean }> {
      const id = s.id;
      const counts = severityCounts(s.flags);
      const meta: Meta = { language: s.language, pdfSha256: s.pdfSha256, signedAt: s.signedAt, ...(s.formSettings ? { formSettings: s.formSettings } : {}) };
      const tokens = indexTokens(vault, s.clientName);
      return db.transaction(async (tx) => {
        // Sealed inside the transaction, under the data key stored as it sees it (a rotation may be under way).
        const sealer = await vault.sealerIn(tx);
        const seal = (column: SealedName, value: Uint8Array | string) => sealer.seal(value, aadOf(id, column));
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
          seal('client_name', s.clientName),
          s.dateOfBirth === null ? null : seal('date_of_birth', s.dateOfBirth),
          seal('answers', JSON.stringify(s.answers)),
          seal('flags', JSON.stringify(s.flags)),
          seal('pdf', s.pdf),
          seal('meta', JSON.stringify(meta)),
          s.requestDigest ?? null,
        ];
        if ((await tx.exec(INSERT_ROW, values)) === 0) return { inserted: false };
        for (const token of tokens) await tx.exec(INSERT_TOKEN, [token, s.createdAt, id]);
        return { inserted: true };
      });
    },

    /** The stored facts a receipt is built from; the PDF and the identity stay sealed. */
    async receiptFacts(id: string): Promise<StoredReceiptFacts | null> {
      const row = await db.one<Pick<Row, 'id' | 'form_id' | 'form_version' | 'answers' | 'flags' | 'meta'> & { request_digest: Uint8Array | null }>(
        'SELECT id, form_id, form_version, answers, flags, meta, request_digest FROM submissions WHERE id = ?',
        [id],
      );
      if (!row) return null;
      return vault.opening(() => {
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
      });
    },

    async get(id: string): Promise<StoredSubmission | null> {
      const row = await db.one<Row>('SELECT * FROM submissions WHERE id = ?', [id]);
      return row ? vault.opening(() => decode(row)) : null;
    },

    /** Newest first. Names are decrypted here, in main; answers are not opened. */
    async list(q: QueueQuery): Promise<Omit<QueueItem, 'outcome'>[]> {
      const tokens = q.search && q.search.trim() !== '' ? queryTokens(vault, q.search) : null;
      if (tokens?.length === 0) return [];
      const { sql, params } = queueListSql(q, tokens ?? [], db.dialect);
      const rows = await db.all<ListRow>(sql, params);
      return vault.opening(() => rows.map((r) => ({
        submissionId: r.id,
        createdAt: r.created_at,
        clientName: openText(r, 'client_name', r.client_name),
        formId: r.form_id,
        formVersion: r.form_version,
        status: r.status,
        severities: { stop: r.sev_stop, clearance: r.sev_clearance, modify: r.sev_modify, info: r.sev_info },
      })));
    },

    /** True when this call changed the status; false if the id is unknown or it was already acknowledged. */
    async acknowledge(id: string, staffId: string): Promise<boolean> {
      const changed = await db.exec("UPDATE submissions SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND status = 'new'", [
        clock.now().toISOString(),
        staffId,
        id,
      ]);
      return changed > 0;
    },

    /**
     * Earlier submissions of the same person (normalised name + date of birth) created before
     * `before`: the newest `limit` of them, newest first (only their answers and flags are
     * opened), and how many there are in all.
     */
    async findEarlier(clientName: string, dateOfBirth: string, before: string, limit: number): Promise<EarlierVisits> {
      const token = identityToken(vault, clientName, dateOfBirth);
      const rows = await db.all<EarlierRow>(EARLIER_VISITS_SQL, [token, before, Math.max(0, Math.trunc(limit))]);
      const visits = await vault.opening(() => rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        formId: row.form_id,
        formVersion: row.form_version,
        answers: JSON.parse(openText(row, 'answers', row.answers)) as Answers,
        flags: JSON.parse(openText(row, 'flags', row.flags)) as Flag[],
      })));
      const total = await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM submissions WHERE identity_token = ? AND created_at < ?', [token, before]);
      return { visits, total: total?.n ?? 0 };
    },

    async count(): Promise<number> {
      return (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM submissions'))?.n ?? 0;
    },
  };
}
