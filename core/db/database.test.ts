import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, transaction, type Migration } from './database.ts';
import { tempDir } from '../tests/helpers.ts';

const migrations: readonly Migration[] = [
  { id: 't-001', sql: 'CREATE TABLE a (x INTEGER NOT NULL) STRICT;' },
  { id: 't-002', sql: 'ALTER TABLE a ADD COLUMN y TEXT;' },
];

describe('openDatabase', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function file() {
    const t = tempDir();
    cleanup = t.cleanup;
    return join(t.dir, 'kiosk.db');
  }

  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(file(), migrations);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect((db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout).toBeGreaterThan(0);
    db.close();
  });

  it('applies each migration once, in order, across reopenings', () => {
    const f = file();
    openDatabase(f, migrations.slice(0, 1)).close();
    const db = openDatabase(f, migrations);
    db.prepare('INSERT INTO a (x, y) VALUES (1, ?)').run('ok');
    const ids = db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all().map((r) => (r as { id: string }).id);
    expect(ids).toEqual(['t-001', 't-002']);
    db.close();
    expect(() => openDatabase(f, migrations).close()).not.toThrow();
  });

  it('rolls back a failing migration completely and refuses to open', () => {
    const f = file();
    const bad: Migration[] = [{ id: 'bad-001', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);' }];
    expect(() => openDatabase(f, bad)).toThrow();
    const db = openDatabase(f, []);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'b'").get()).toBeUndefined();
    expect(db.prepare("SELECT id FROM schema_migrations WHERE id = 'bad-001'").get()).toBeUndefined();
    db.close();
  });

  it('rejects a migration id listed twice', () => {
    expect(() => openDatabase(file(), [migrations[0]!, migrations[0]!])).toThrow(/twice/);
  });
});

describe('transaction', () => {
  it('nests: an inner failure caught by the outer keeps the outer work; an outer failure undoes both', () => {
    const db = openDatabase(':memory:', migrations);
    const insert = db.prepare('INSERT INTO a (x) VALUES (?)');
    transaction(db, () => {
      insert.run(1);
      expect(() =>
        transaction(db, () => {
          insert.run(2);
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(() =>
      transaction(db, () => {
        insert.run(3);
        transaction(db, () => insert.run(4));
        throw new Error('outer');
      }),
    ).toThrow('outer');
    expect(db.prepare('SELECT x FROM a ORDER BY x').all().map((r) => (r as { x: number }).x)).toEqual([1]);
    expect(db.isTransaction).toBe(false);
    db.close();
  });
});
