/**
 * Opening the kiosk database: node:sqlite with the durability settings health records
 * need, plus a tiny forward-only migration runner. Each domain module exports its own
 * `xxxMigrations` array; createCore passes them here in dependency order.
 */
import { closeSync, openSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** One forward-only schema step. `id` is unique across the app, e.g. 'submissions-001'. */
export type Migration = { readonly id: string; readonly sql: string };

const BUSY_TIMEOUT_MS = 5_000;
/** PRAGMA synchronous reads back as a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const SYNCHRONOUS_FULL = 2;

/**
 * Opens (creating if needed) the database at `file`, in WAL mode with synchronous=FULL so a
 * committed transaction survives power loss, foreign keys on, and `migrations` applied.
 * Throws if the connection refuses FULL durability (the setting is per connection, so it is
 * read back rather than assumed).
 */
export function openDatabase(file: string, migrations: readonly Migration[]): DatabaseSync {
  // Create the file owner-only first: SQLite gives the -wal and -shm files the same mode.
  if (file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: BUSY_TIMEOUT_MS });
  try {
    configureConnection(db, file, BUSY_TIMEOUT_MS);
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The durability settings every kiosk connection needs (shared with the storage port's SQLite
 * adapter): WAL, synchronous=FULL read back rather than assumed (the setting is per connection),
 * foreign keys, a busy timeout, and secure_delete.
 */
export function configureConnection(db: DatabaseSync, file: string, busyTimeoutMs: number): void {
  const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string } | undefined;
  // ':memory:' databases cannot use WAL; they are only used by unit tests.
  if (file !== ':memory:' && mode?.journal_mode !== 'wal') throw new Error('The database refused WAL journal mode.');
  db.exec('PRAGMA synchronous = FULL');
  const sync = db.prepare('PRAGMA synchronous').get() as { synchronous: number } | undefined;
  if (sync?.synchronous !== SYNCHRONOUS_FULL) throw new Error('The database refused synchronous=FULL; refusing to store health data.');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  // Freed pages are zeroed so deleted (purged) ciphertext and old index rows do not linger in the file.
  db.exec('PRAGMA secure_delete = ON');
}

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction, in array order. */
export function applyMigrations(db: DatabaseSync, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const seen = new Set<string>();
  const isApplied = db.prepare('SELECT 1 AS applied FROM schema_migrations WHERE id = ?');
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (seen.has(migration.id)) throw new Error(`Migration id "${migration.id}" is listed twice.`);
    seen.add(migration.id);
    if (isApplied.get(migration.id)) continue;
    transaction(db, () => {
      db.exec(migration.sql);
      record.run(migration.id, new Date().toISOString());
    });
  }
}

let savepointCounter = 0;

/**
 * Runs `fn` atomically. Nests safely (a SAVEPOINT inside an outer transaction), so a
 * domain module can call another module's write (e.g. an audit append) inside its own
 * transaction and both commit or neither does.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  const name = `sp_${++savepointCounter}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = fn();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw error;
  }
}

/** Number of rows in `table`; used by tests and the fuzz harness to prove nothing was written. */
export function rowCount(db: DatabaseSync, table: string): number {
  if (!/^[a-z_]+$/.test(table)) throw new Error('Invalid table name.');
  const row = db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number } | undefined;
  return row?.n ?? 0;
}
