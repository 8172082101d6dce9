/**
 * The durability settings every kiosk SQLite connection needs, used by the storage port's
 * SQLite adapter (sqlite-store.ts). (The older synchronous connection and migration runner
 * that lived here are gone: every repository is written against the port, core/db/port.ts.)
 */
import type { DatabaseSync } from 'node:sqlite';

/** PRAGMA synchronous reads back as a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const SYNCHRONOUS_FULL = 2;

/**
 * WAL, synchronous=FULL read back rather than assumed (the setting is per connection, and a
 * committed intake must survive power loss), foreign keys, a busy timeout, and secure_delete.
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
