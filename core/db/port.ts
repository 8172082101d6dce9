/**
 * The storage port: the one interface the repositories are written against, with two
 * adapters (node:sqlite in sqlite-store.ts, PostgreSQL in postgres-store.ts) chosen by
 * configuration in open-store.ts. Above the port the app core is one code path.
 *
 * SQL conventions both dialects accept (docs/STORAGE.md):
 * - placeholders are `?`, positional (the PostgreSQL adapter rewrites them to `$1..$n`);
 * - columns and aliases are snake_case (PostgreSQL folds unquoted names to lower case);
 * - flags are INTEGER 0/1, times are ISO-8601 TEXT, binary is BLOB / BYTEA and reads back as Uint8Array;
 * - an insert that may collide uses `ON CONFLICT ... DO NOTHING` and checks `changes`, or catches
 *   UniqueViolationError inside a nested `transaction` (a savepoint), never read-then-write;
 * - new ids come from the application or `RETURNING`, never a "last insert rowid".
 */

/** The SQL dialect of an adapter. Only migrations and the few SQL differences look at it; handlers never do. */
export type Dialect = 'sqlite' | 'postgres';

/** A value bound to a `?` placeholder. Booleans are stored as 0/1 so both engines read them back the same. */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** A row as it comes back: column name to value. INTEGER reads back as number, BLOB/BYTEA as Uint8Array. */
export type Row = Record<string, unknown>;

export interface QueryResult<R extends Row = Row> {
  readonly rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  readonly changes: number;
}

/** What a repository can run: outside a transaction each call commits on its own. */
export interface Queryable {
  readonly dialect: Dialect;
  query<R extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<R>>;
  all<R extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** The first row, or undefined. */
  one<R extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  /** Runs a statement and returns how many rows it changed. */
  exec(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `fn` atomically. Inside a transaction this nests as a savepoint, so one module can
   * call another's write (an audit append inside an intake) and both commit or neither does.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  /**
   * A read-only transaction: one consistent snapshot (PostgreSQL REPEATABLE READ READ ONLY,
   * SQLite a deferred BEGIN). Write transactions are SERIALIZABLE on PostgreSQL and
   * BEGIN IMMEDIATE on SQLite.
   */
  readonly readOnly?: boolean;
  /**
   * Names a chain the transaction extends (the audit log's hash chain): transactions naming the
   * same chain run one after another instead of conflicting and retrying (PostgreSQL: a session
   * advisory lock taken before BEGIN, so the snapshot is taken after the wait; SQLite has one
   * writer anyway). Only the outermost transaction's options count.
   */
  readonly serializeOn?: string;
}

/**
 * A store: the database behind the port. `transaction(fn)` may run `fn` more than once: a
 * serialization failure or deadlock (PostgreSQL) or a busy database (SQLite) rolls back and
 * retries the whole function inside the port, so `fn` must only touch the database through
 * `tx` (or this store: calls on the store inside `fn` join the transaction).
 */
export interface Store extends Queryable {
  /** For logs and messages: the engine and where it is, never a password. */
  readonly description: string;
  close(): Promise<void>;
}

/** Adapter tuning shared by both engines. */
export interface RetryOptions {
  /** Attempts of one transaction before StoreBusyError; default 10. */
  readonly maxAttempts?: number;
  /** Called before each retry with the attempt that failed (1-based); for counters, never for a client. */
  readonly onRetry?: (attempt: number, reason: 'serialization' | 'deadlock' | 'busy' | 'unique') => void | Promise<void>;
}

/**
 * For the few statements the two engines spell differently (e.g. `length(blob)` vs
 * `octet_length(bytea)`): the repository writes both texts side by side and the port picks,
 * so no handler or repository branches on the engine.
 */
export function sqlFor(q: Pick<Queryable, 'dialect'>, variants: Readonly<Record<Dialect, string>>): string {
  return variants[q.dialect];
}
