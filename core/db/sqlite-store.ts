/**
 * The node:sqlite adapter of the storage port: today's single-kiosk store. WAL with
 * synchronous=FULL (a committed intake survives power loss), write transactions BEGIN
 * IMMEDIATE (a busy database is retried here, never an `internal` answer), and one writer
 * per data folder: a second process is refused at start (DataDirInUseError).
 *
 * The one-writer lock is a second SQLite file, `<db>.lock`, held in EXCLUSIVE locking mode
 * for the life of the store: the lock is the operating system's file lock, so the kernel
 * releases it when the process dies (a SIGKILLed kiosk never blocks its restart), and the
 * database file itself stays readable by backup tools.
 */
import { closeSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Queryable, QueryResult, RetryOptions, Row, SqlValue, Store, TransactionOptions } from './port.ts';
import { DataDirInUseError, UniqueViolationError } from './errors.ts';
import { configureConnection } from './database.ts';
import { checkParameterCount, scanPlaceholders } from './placeholders.ts';
import { withRetries, type RetryReason } from './retry.ts';
import { currentTransaction, runInTransaction } from './tx-context.ts';
import { applyPending, migrationTableSql, type DialectMigration, type MigrationReport, type MigrationSession } from './migrate.ts';

export interface SqliteStoreOptions extends RetryOptions {
  /** How long one statement waits for a lock before SQLITE_BUSY (then the port retries); default 5 s. */
  readonly busyTimeoutMs?: number;
  /** Refuse a second process on the same file (default). Off only for tests of the migration lock itself. */
  readonly singleWriter?: boolean;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/** SQLite result codes (the low byte of an extended code). */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const STATEMENT_CACHE = 256;
/** Waiting for another process's migration: each attempt first waits out the busy timeout. */
const MIGRATION_LOCK_ATTEMPTS = 100;

export interface SqliteStore extends Store {
  /** Applies pending migrations inside one exclusive transaction. */
  migrate(migrations: readonly DialectMigration[]): Promise<MigrationReport>;
}

/** Opens (creating if needed) the database at `file` and takes the one-writer lock. */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const isMemory = file === ':memory:';
  const lock = !isMemory && options.singleWriter !== false ? takeWriterLock(file) : null;
  let db: DatabaseSync | undefined;
  try {
    db = openConnection(file, isMemory, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  } catch (error) {
    lock?.close();
    throw error;
  }
  return createSqliteStore(db, file, lock, options);
}

/**
 * The port over a connection the caller already holds and keeps owning (close() leaves it open):
 * the bridge while createCore still opens SQLite through database.ts, so new repositories are
 * written against the port today. A synchronous statement of the older code that runs while an
 * async transaction here is open joins it, so keep transactions here short (no waits on the
 * network or the file system inside `fn`).
 */
export function sqliteStoreOverConnection(db: DatabaseSync, file: string, options: SqliteStoreOptions = {}): Store {
  const store = createSqliteStore(db, file, null, options);
  return { ...store, close: async () => {} };
}

function takeWriterLock(file: string): DatabaseSync {
  const lockFile = `${file}.lock`;
  closeSync(openSync(lockFile, 'a', 0o600));
  const lock = new DatabaseSync(lockFile, { timeout: 0 });
  try {
    lock.exec('PRAGMA journal_mode = MEMORY');
    lock.exec('PRAGMA locking_mode = EXCLUSIVE');
    // In EXCLUSIVE locking mode the lock taken by this write is kept until the connection closes.
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('COMMIT');
    return lock;
  } catch (error) {
    lock.close();
    if (sqliteCode(error) === SQLITE_BUSY) throw new DataDirInUseError(file);
    throw error;
  }
}

function openConnection(file: string, isMemory: boolean, busyTimeoutMs: number): DatabaseSync {
  // Create the file owner-only first: SQLite gives the -wal and -shm files the same mode.
  if (!isMemory) closeSync(openSync(file, 'a', 0o600));
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: busyTimeoutMs });
  try {
    configureConnection(db, file, busyTimeoutMs);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code : undefined;
}

function classify(error: unknown): RetryReason | null {
  const code = sqliteCode(error);
  if (code === undefined) return null;
  const primary = code & 0xff;
  return primary === SQLITE_BUSY || primary === SQLITE_LOCKED ? 'busy' : null;
}

function mapError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY) {
    const columns = /constraint failed: (.+)$/.exec((error as Error).message)?.[1];
    return new UniqueViolationError(columns);
  }
  return error;
}

/** Serialises work on the one connection: an open transaction awaits between statements. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function createSqliteStore(db: DatabaseSync, file: string, lock: DatabaseSync | null, options: SqliteStoreOptions): SqliteStore {
  const statements = new Map<string, StatementSync>();
  const mutex = new Mutex();
  const owner = {};
  let savepoints = 0;
  let isClosed = false;

  function prepare(sql: string): StatementSync {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  }

  function run<R extends Row>(sql: string, params: readonly SqlValue[]): QueryResult<R> {
    checkParameterCount(scanPlaceholders(sql, false).count, params);
    try {
      const stmt = prepare(sql);
      if (stmt.columns().length === 0) return { rows: [], changes: Number(stmt.run(...params).changes) };
      const rows = stmt.all(...params) as R[];
      // A row-returning write (INSERT/UPDATE/DELETE ... RETURNING) returns one row per changed row.
      return { rows, changes: /^\s*(insert|update|delete)\b/i.test(sql) ? rows.length : 0 };
    } catch (error) {
      throw mapError(error);
    }
  }

  function queryable(inTx: () => boolean): Queryable {
    const q: Queryable = {
      dialect: 'sqlite',
      query: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) => {
        if (!inTx()) throw new Error('This transaction has already finished.');
        return run<R>(sql, params);
      },
      all: async (sql, params) => (await q.query(sql, params)).rows as never,
      one: async (sql, params) => (await q.query(sql, params)).rows[0] as never,
      exec: async (sql, params) => (await q.query(sql, params)).changes,
      transaction: (fn) => savepoint(q, fn),
    };
    return q;
  }

  async function savepoint<T>(tx: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const name = `sp_${++savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(tx);
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  function ensureOpen(): void {
    if (isClosed) throw new Error('The store is closed.');
  }

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>, txOptions: TransactionOptions = {}): Promise<T> {
    const open = currentTransaction(owner);
    if (open) return open.transaction(fn);
    ensureOpen();
    return mutex.run(() =>
      withRetries(
        async () => {
          let isActive = true;
          const tx = queryable(() => isActive);
          db.exec(txOptions.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
          if (txOptions.readOnly) db.exec('PRAGMA query_only = ON');
          try {
            const result = await runInTransaction(owner, tx, fn);
            db.exec('COMMIT');
            return result;
          } catch (error) {
            if (db.isTransaction) db.exec('ROLLBACK');
            throw error;
          } finally {
            isActive = false;
            if (txOptions.readOnly) db.exec('PRAGMA query_only = OFF');
          }
        },
        classify,
        options,
      ),
    );
  }

  /** A statement outside a transaction: commits on its own, waits for an open transaction to finish. */
  async function standalone<R extends Row>(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult<R>> {
    const open = currentTransaction(owner);
    if (open) return open.query<R>(sql, params);
    ensureOpen();
    return mutex.run(() => withRetries(async () => run<R>(sql, params), classify, options));
  }

  const store: SqliteStore = {
    dialect: 'sqlite',
    description: `SQLite ${file}`,
    query: standalone,
    all: async (sql, params) => (await standalone(sql, params)).rows as never,
    one: async (sql, params) => (await standalone(sql, params)).rows[0] as never,
    exec: async (sql, params) => (await standalone(sql, params)).changes,
    transaction,
    migrate: (migrations) =>
      mutex.run(() =>
        // EXCLUSIVE: a second process migrating the same file waits here (busy, retried), then finds the work done.
        withRetries(
          async () => {
            ensureOpen();
            db.exec('BEGIN EXCLUSIVE');
            try {
              const report = await applyPending(sqliteSession(db), migrations);
              db.exec('COMMIT');
              return report;
            } catch (error) {
              if (db.isTransaction) db.exec('ROLLBACK');
              throw error;
            }
          },
          classify,
          { maxAttempts: MIGRATION_LOCK_ATTEMPTS },
        ),
      ),
    close: () =>
      mutex.run(async () => {
        if (isClosed) return;
        isClosed = true;
        db.close();
        lock?.close();
      }),
  };
  return store;
}

function sqliteSession(db: DatabaseSync): MigrationSession {
  return {
    dialect: 'sqlite',
    rows: async (sql) => db.prepare(sql).all() as Row[],
    apply: async (id, sql, appliedAt) => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(id, appliedAt);
    },
    canChangeSchema: async () => true,
    hasMigrationTable: async () => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined,
    createMigrationTable: async () => db.exec(migrationTableSql('sqlite')),
  };
}
