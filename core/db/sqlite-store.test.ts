/** The SQLite adapter keeps today's durability, and its one-writer lock leaves the database readable for backups. */
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore, sqliteStoreOverConnection } from './sqlite-store.ts';
import { tempDir } from '../tests/helpers.ts';

describe('SQLite adapter', () => {
  it('uses WAL, synchronous=FULL and foreign keys; lock and database files are owner-only', async () => {
    const { dir, cleanup } = tempDir('kiosk-sqlite-');
    try {
      const file = join(dir, 'kiosk.db');
      const store = await openSqliteStore(file);
      expect(await store.one('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await store.one('PRAGMA synchronous')).toEqual({ synchronous: 2 });
      expect(await store.one('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}.lock`).mode & 0o777).toBe(0o600);
      await store.close();
    } finally {
      cleanup();
    }
  });

  it('while a store holds the data folder, a backup tool can still read the database', async () => {
    const { dir, cleanup } = tempDir('kiosk-sqlite-');
    try {
      const file = join(dir, 'kiosk.db');
      const store = await openSqliteStore(file);
      await store.exec('CREATE TABLE t (x INTEGER)');
      await store.exec('INSERT INTO t (x) VALUES (?)', [42]);
      const reader = new DatabaseSync(file, { readOnly: true });
      expect(reader.prepare('SELECT x FROM t').all()).toEqual([{ x: 42 }]);
      reader.close();
      await store.close();
    } finally {
      cleanup();
    }
  });
});

describe('sqliteStoreOverConnection (the bridge beside database.ts)', () => {
  it('shares the connection both ways and leaves it open on close', async () => {
    const db = new DatabaseSync(':memory:');
    db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const store = sqliteStoreOverConnection(db, ':memory:');
    db.prepare('INSERT INTO notes VALUES (?, ?)').run('a', 'written by the older code');
    await store.transaction(async (tx) => {
      await tx.exec('INSERT INTO notes VALUES (?, ?)', ['b', 'written through the port']);
    });
    await expect(store.transaction(async (tx) => {
      await tx.exec('INSERT INTO notes VALUES (?, ?)', ['c', 'rolled back']);
      throw new Error('no');
    })).rejects.toThrow('no');
    expect(await store.all('SELECT id FROM notes ORDER BY id')).toEqual([{ id: 'a' }, { id: 'b' }]);
    await store.close();
    expect(db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 2 });
    db.close();
  });
});
