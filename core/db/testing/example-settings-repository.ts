/**
 * How a repository moves onto the port, shown on the settings document (the real
 * core/settings/store.ts has since moved the same way). The conversion
 * is mechanical:
 *   - the migration keeps its id ('settings-001') and gains a `postgres` text beside the
 *     `sqlite` one, so a kiosk's existing file is not migrated again;
 *   - `db.prepare(sql).get(...)` -> `await store.one(sql, [...])`, `.all` -> `store.all`,
 *     `.run` -> `store.exec`; `transaction(db, fn)` -> `await store.transaction(async (tx) => ...)`;
 *   - the same SQL text serves both engines (`?` placeholders, ON CONFLICT upserts).
 */
import type { Queryable } from '../port.ts';
import type { DialectMigration } from '../migrate.ts';
import { settingsMigrations } from '../../settings/store.ts';

export const settingsDialectMigrations: readonly DialectMigration[] = [
  {
    id: 'settings-001',
    // Today's SQLite text, unchanged.
    sqlite: settingsMigrations[0]!.sqlite,
    postgres: `CREATE TABLE settings (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );`,
  },
];

export interface StoredSettings {
  readonly value: Readonly<Record<string, unknown>>;
  readonly updatedBy: string;
}

export function createSettingsRepository(store: Queryable) {
  return {
    async load(): Promise<StoredSettings | null> {
      const row = await store.one<{ value: string; updated_by: string }>('SELECT value, updated_by FROM settings WHERE singleton = 1');
      return row ? { value: JSON.parse(row.value) as Record<string, unknown>, updatedBy: row.updated_by } : null;
    },
    async save(value: Readonly<Record<string, unknown>>, actor: string, at: Date): Promise<void> {
      await store.exec(
        `INSERT INTO settings (singleton, value, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT(singleton) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [JSON.stringify(value), at.toISOString(), actor],
      );
    },
  };
}
