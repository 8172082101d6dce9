/**
 * The PostgreSQL adapter of the storage port, through `pg` with a connection pool: the
 * clinic-wide store several processes share. Write transactions are SERIALIZABLE and a
 * serialization failure (40001) or deadlock (40P01) is retried here; a dropped or refused
 * connection is a DatabaseUnavailableError, refused credentials or a missing database a
 * DatabaseConfigError. No message carries the URL's password.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Queryable, QueryResult, RetryOptions, Row, SqlValue, Store, TransactionOptions } from './port.ts';
import { DatabaseConfigError, DatabaseUnavailableError, UniqueViolationError } from './errors.ts';
import { checkParameterCount, scanPlaceholders, type RewrittenSql } from './placeholders.ts';
import { withRetries, type RetryReason } from './retry.ts';
import { currentTransaction, runInTransaction } from './tx-context.ts';
import { applyPending, migrationTableSql, type DialectMigration, type MigrationReport, type MigrationSession } from './migrate.ts';
import { parseDatabaseUrl, type DatabaseUrl } from './database-url.ts';

export interface PostgresStoreOptions extends RetryOptions {
  /** Connections in the pool; default 10. */
  readonly poolSize?: number;
  /** How long to wait for a connection before "cannot be reached"; default 5 s. */
  readonly connectTimeoutMs?: number;
  /**
   * At start, how long to keep trying the first connection when the server does not answer
   * (still starting, or too loaded to answer within connectTimeoutMs); default 30 s. Refused
   * credentials or a missing database are not retried.
   */
  readonly startupWaitMs?: number;
}

const STARTUP_WAIT_MS = 30_000;
const STARTUP_FIRST_BACKOFF_MS = 250;
const STARTUP_MAX_BACKOFF_MS = 4_000;

export interface PostgresStore extends Store {
  /** Applies pending migrations while holding the migration advisory lock, each in its own transaction. */
  migrate(migrations: readonly DialectMigration[]): Promise<MigrationReport>;
}

/** pg_advisory_lock key of the migration runner: "kiosk" in ASCII (0x6b696f736b), so a DBA can tell whose lock it is. */
const MIGRATION_LOCK_KEY = '461330412395';
const IDLE_IN_TRANSACTION_MS = 60_000;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const BYTEA_OID = 17;

/** Node socket errors that mean the server is not there (or went away). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
/** SQLSTATEs that mean the server ended or refused the session: admin/crash shutdown, starting up, too many connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * Reads both engines' rows the same way: int8 (COUNT, BIGINT ids) and NUMERIC (SUM) as
 * numbers, like node:sqlite; bytea as a plain Uint8Array.
 */
function typeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (v: string) => {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : BigInt(v);
  });
  types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
  const bytea = pg.types.getTypeParser(BYTEA_OID, 'text') as (v: string) => Buffer;
  types.setTypeParser(BYTEA_OID, (v: string) => {
    const b = bytea(v);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  });
  return types;
}

function toPgValue(v: SqlValue): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'bigint') return v.toString();
  return v;
}

function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function classify(error: unknown): RetryReason | null {
  const code = pgCode(error);
  return code === '40001' ? 'serialization' : code === '40P01' ? 'deadlock' : null;
}

/** In a SERIALIZABLE write transaction a unique violation may be a concurrent conflict in disguise (retry.ts). */
function classifyInWriteTransaction(error: unknown): RetryReason | null {
  return error instanceof UniqueViolationError ? 'unique' : classify(error);
}

function isUnreachable(error: unknown): boolean {
  const code = pgCode(error);
  if (code && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  // pg reports a socket that closed under it, and a pool wait that ran out, with messages only.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** pg's errors without a code, in words: a connection that was not answered in time is not a lost one. */
function unreachableReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return /timeout/i.test(message) ? 'no answer in time' : 'connection lost';
}

/** Maps a driver error to the port's typed errors; anything else (a bug in a statement) passes through. */
function mapError(error: unknown, url: DatabaseUrl): unknown {
  const code = pgCode(error);
  if (code === '23505') return new UniqueViolationError((error as { constraint?: string }).constraint);
  if (code === '28P01' || code === '28000') return new DatabaseConfigError(`The clinic database refused the credentials of user "${url.user}" on ${url.where} (check KIOSK_DATABASE_URL).`);
  if (code === '3D000') return new DatabaseConfigError(`The clinic database "${url.database}" does not exist on ${url.where} (check KIOSK_DATABASE_URL).`);
  if (isUnreachable(error)) return new DatabaseUnavailableError(`${url.where}: ${code ?? unreachableReason(error)}`);
  return error;
}

/** Opens a pool and checks that the server answers with these credentials. */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const url = parseDatabaseUrl(connectionString);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'clinic-intake-kiosk',
    // A process that hangs inside a transaction (holding row locks or a chain's lock) is cut off
    // by the server instead of stalling every other writer; its transaction rolls back.
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    types: typeParsers(),
  });
  // An idle connection the server dropped emits 'error' on the pool; without a listener that
  // would end the process. The pool discards the client; the next query reconnects or fails typed.
  pool.on('error', () => undefined);
  // The same for a client checked out into a transaction: the loss surfaces as the next query's typed error.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await firstConnection(pool, url, options.startupWaitMs ?? STARTUP_WAIT_MS);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return createPostgresStore(pool, url, options);
}

/**
 * The first `SELECT 1`, tried again with a doubling back-off (250 ms up to 4 s) while the server
 * does not answer, until `waitMs` has passed: a clinic database that is still starting, or
 * answers slowly under load, is waited for instead of failing the start with a vague message.
 */
async function firstConnection(pool: pg.Pool, url: DatabaseUrl, waitMs: number): Promise<void> {
  const started = Date.now();
  for (let backoffMs = STARTUP_FIRST_BACKOFF_MS; ; backoffMs = Math.min(backoffMs * 2, STARTUP_MAX_BACKOFF_MS)) {
    let mapped: unknown;
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      mapped = mapError(error, url);
      if (!(mapped instanceof DatabaseUnavailableError)) throw mapped;
    }
    const waited = Date.now() - started;
    if (waited + backoffMs >= waitMs) {
      const seconds = Math.max(1, Math.round(waited / 1000));
      throw new DatabaseUnavailableError(mapped.detail, `The clinic database at ${url.where} did not answer within ${seconds} s (${reasonOf(mapped.detail, url)}). Check that PostgreSQL is running and reachable from this machine.`);
    }
    await sleep(backoffMs);
  }
}

/** The last attempt's reason without the host:port the sentence already names. */
function reasonOf(detail: string, url: DatabaseUrl): string {
  return detail.startsWith(`${url.where}: `) ? detail.slice(url.where.length + 2) : detail;
}

/** `?` -> `$n`, remembered per statement text (a repository uses a few dozen). */
const rewritten = new Map<string, RewrittenSql>();
const REWRITE_CACHE = 512;
function rewrite(sql: string): RewrittenSql {
  let hit = rewritten.get(sql);
  if (!hit) {
    if (rewritten.size >= REWRITE_CACHE) rewritten.delete(rewritten.keys().next().value!);
    hit = scanPlaceholders(sql, true);
    rewritten.set(sql, hit);
  }
  return hit;
}

function createPostgresStore(pool: pg.Pool, url: DatabaseUrl, options: PostgresStoreOptions): PostgresStore {
  const owner = {};
  let savepoints = 0;

  async function run<R extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlValue[]): Promise<QueryResult<R>> {
    const { sql: text, count } = rewrite(sql);
    checkParameterCount(count, params);
    try {
      const result = await client.query<R>({ text, values: params.map(toPgValue) });
      const isWrite = result.command === 'INSERT' || result.command === 'UPDATE' || result.command === 'DELETE' || result.command === 'MERGE';
      return { rows: result.rows, changes: isWrite ? (result.rowCount ?? 0) : 0 };
    } catch (error) {
      throw mapError(error, url);
    }
  }

  async function connect(): Promise<pg.PoolClient> {
    try {
      return await pool.connect();
    } catch (error) {
      throw mapError(error, url);
    }
  }

  function queryable(client: pg.PoolClient, isActive: () => boolean): Queryable {
    const q: Queryable = {
      dialect: 'postgres',
      query: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) => {
        if (!isActive()) throw new Error('This transaction has already finished.');
        return run<R>(client, sql, params);
      },
      all: async (sql, params) => (await q.query(sql, params)).rows as never,
      one: async (sql, params) => (await q.query(sql, params)).rows[0] as never,
      exec: async (sql, params) => (await q.query(sql, params)).changes,
      transaction: async (fn) => {
        const name = `sp_${++savepoints}`;
        await run(client, `SAVEPOINT ${name}`, []);
        try {
          const result = await fn(q);
          await run(client, `RELEASE SAVEPOINT ${name}`, []);
          return result;
        } catch (error) {
          await run(client, `ROLLBACK TO SAVEPOINT ${name}`, []);
          throw error;
        }
      },
    };
    return q;
  }

  async function attempt<T>(fn: (tx: Queryable) => Promise<T>, txOptions: TransactionOptions): Promise<T> {
    const client = await connect();
    let isActive = true;
    let isBroken = false;
    let isLocked = false;
    try {
      if (txOptions.serializeOn !== undefined) {
        await run(client, 'SELECT pg_advisory_lock(hashtextextended(?, 0))', [`kiosk-chain:${txOptions.serializeOn}`]);
        isLocked = true;
      }
      await run(client, txOptions.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN ISOLATION LEVEL SERIALIZABLE', []);
      const result = await runInTransaction(owner, queryable(client, () => isActive), fn);
      await run(client, 'COMMIT', []);
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection is gone: the server has rolled back already.
      await client.query('ROLLBACK').catch(() => (isBroken = true));
      throw error;
    } finally {
      isActive = false;
      if (isLocked && !isBroken) {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`kiosk-chain:${txOptions.serializeOn}`]).catch(() => (isBroken = true));
      }
      // A broken connection is destroyed, which also releases a session lock it held.
      client.release(isBroken);
    }
  }

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>, txOptions: TransactionOptions = {}): Promise<T> {
    const open = currentTransaction(owner);
    if (open) return open.transaction(fn);
    return withRetries(() => attempt(fn, txOptions), txOptions.readOnly ? classify : classifyInWriteTransaction, options);
  }

  async function standalone<R extends Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<R>> {
    const open = currentTransaction(owner);
    if (open) return open.query<R>(sql, params);
    return withRetries(() => run<R>(pool, sql, params), classify, options);
  }

  let closing: Promise<void> | undefined;
  return {
    dialect: 'postgres',
    description: `PostgreSQL ${url.where}/${url.database}`,
    query: standalone,
    all: async (sql, params) => (await standalone(sql, params)).rows as never,
    one: async (sql, params) => (await standalone(sql, params)).rows[0] as never,
    exec: async (sql, params) => (await standalone(sql, params)).changes,
    transaction,
    migrate: async (migrations) => {
      const client = await connect();
      let isBroken = false;
      try {
        // Session-level lock on a dedicated connection: a second process waits here, then finds the work done.
        await run(client, `SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`, []);
        try {
          return await applyPending(postgresSession(client, (sql, params) => run(client, sql, params)), migrations);
        } finally {
          await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => (isBroken = true));
        }
      } catch (error) {
        throw mapError(error, url);
      } finally {
        client.release(isBroken);
      }
    },
    close: () => (closing ??= pool.end()),
  };
}

function postgresSession(client: pg.PoolClient, run: (sql: string, params: readonly SqlValue[]) => Promise<QueryResult>): MigrationSession {
  return {
    dialect: 'postgres',
    rows: async (sql) => (await run(sql, [])).rows,
    apply: async (id, sql, appliedAt) => {
      await run('BEGIN', []);
      try {
        // Several statements, no parameters: the simple query protocol, in this transaction.
        await client.query(sql);
        await run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [id, appliedAt]);
        await run('COMMIT', []);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    canChangeSchema: async () => {
      const row = (await run("SELECT has_schema_privilege(current_schema(), 'CREATE') AS ok", [])).rows[0];
      return row?.['ok'] === true;
    },
    hasMigrationTable: async () => (await run("SELECT to_regclass('schema_migrations') IS NOT NULL AS ok", [])).rows[0]?.['ok'] === true,
    createMigrationTable: async () => {
      await run(migrationTableSql('postgres'), []);
    },
  };
}
