import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openSqliteStore } from './sqlite-store.ts';
import type { DialectMigration } from './migrate.ts';
import { tempDir } from '../tests/helpers.ts';

const step = (id: string, sql: string): DialectMigration => ({ id, sqlite: sql, postgres: sql });
const migrations: readonly DialectMigration[] = [step('t-001', 'CREATE TABLE a (x INTEGER NOT NULL);'), step('t-002', 'ALTER TABLE a ADD COLUMN y TEXT;')];

describe('the SQLite store of a kiosk', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function file() {
    const t = tempDir();
    cleanup = t.cleanup;
    return join(t.dir, 'kiosk.db');
  }

  it('uses WAL, synchronous=FULL, foreign keys, a busy timeout and secure_delete', async () => {
    const store = await openSqliteStore(file());
    expect(await store.one('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await store.one('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await store.one('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(((await store.one<{ timeout: number }>('PRAGMA busy_timeout'))?.timeout ?? 0)).toBeGreaterThan(0);
    expect(await store.one('PRAGMA secure_delete')).toEqual({ secure_delete: 1 });
    await store.close();
  });

  it('applies each migration once, in order, across reopenings', async () => {
    const f = file();
    const first = await openSqliteStore(f);
    await first.migrate(migrations.slice(0, 1));
    await first.close();
    const store = await openSqliteStore(f);
    expect(await store.migrate(migrations)).toEqual({ applied: ['t-002'] });
    await store.exec('INSERT INTO a (x, y) VALUES (1, ?)', ['ok']);
    expect((await store.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY rowid')).map((r) => r.id)).toEqual(['t-001', 't-002']);
    expect(await store.migrate(migrations)).toEqual({ applied: [] });
    await store.close();
  });

  it('rolls back a failing migration completely', async () => {
    const store = await openSqliteStore(file());
    await expect(store.migrate([step('bad-001', 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);')])).rejects.toThrow();
    expect(await store.one("SELECT name FROM sqlite_schema WHERE name = 'b'")).toBeUndefined();
    await store.migrate([]);
    expect(await store.one("SELECT 1 AS found FROM schema_migrations WHERE id = 'bad-001'")).toBeUndefined();
    await store.close();
  });

  it('rejects a migration id listed twice', async () => {
    const store = await openSqliteStore(file());
    await expect(store.migrate([migrations[0]!, migrations[0]!])).rejects.toThrow(/twice/);
    await store.close();
  });
});
