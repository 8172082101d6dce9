/**
 * For tests: a kiosk database as the code before the storage port wrote it (core/db/database.ts,
 * removed since): node:sqlite in WAL mode, `schema_migrations(id, applied_at)`, and each step's
 * SQLite text applied in order in its own transaction. An existing kiosk's file looks like this.
 */
import { DatabaseSync } from 'node:sqlite';
import type { DialectMigration } from '../db/migrate.ts';

export function buildLegacyDatabase(file: string, migrations: readonly DialectMigration[]): DatabaseSync {
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5_000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const m of migrations) {
    db.exec('BEGIN');
    db.exec(m.sqlite);
    record.run(m.id, new Date().toISOString());
    db.exec('COMMIT');
  }
  return db;
}
