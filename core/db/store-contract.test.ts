/**
 * The storage port's contract, one table of cases run against both adapters: what a
 * repository may rely on whichever engine the clinic runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sqlFor, type Queryable } from './port.ts';
import { SchemaTooNewError, UniqueViolationError } from './errors.ts';
import type { DialectMigration } from './migrate.ts';
import { ENGINES, type EngineFixture, type OpenedStore } from './testing/engines.ts';

const SCHEMA: readonly DialectMigration[] = [
  {
    id: 'contract-001',
    sqlite: `CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL, body BLOB, note TEXT) STRICT;
             CREATE TABLE counter (id INTEGER PRIMARY KEY, v INTEGER NOT NULL) STRICT;
             INSERT INTO counter (id, v) VALUES (1, 0);`,
    postgres: `CREATE TABLE items (id TEXT COLLATE "C" PRIMARY KEY, n BIGINT NOT NULL, body BYTEA, note TEXT);
               CREATE TABLE counter (id BIGINT PRIMARY KEY, v BIGINT NOT NULL);
               INSERT INTO counter (id, v) VALUES (1, 0);`,
  },
];

interface Case {
  readonly label: string;
  run(opened: OpenedStore, engine: EngineFixture): Promise<void>;
}

const ids = async (q: Queryable) => (await q.all<{ id: string }>('SELECT id FROM items ORDER BY id')).map((r) => r.id);
const insert = (q: Queryable, id: string, n = 1) => q.exec('INSERT INTO items (id, n) VALUES (?, ?)', [id, n]);

const CASES: readonly Case[] = [
  {
    label: 'placeholders bind in order; a ? in a string, identifier or comment is not a placeholder',
    async run({ store }) {
      await store.exec("INSERT INTO items (id, n, note) VALUES (?, ?, 'why? because') -- one more ?", ['a', 7]);
      const row = await store.one<{ id: string; n: number; note: string; q: string }>(
        `SELECT id, n, note, '?' AS q FROM items /* ? */ WHERE id = ? AND n = ?`,
        ['a', 7],
      );
      expect(row).toEqual({ id: 'a', n: 7, note: 'why? because', q: '?' });
    },
  },
  {
    label: 'a statement given the wrong number of parameters is refused before it runs',
    async run({ store }) {
      await expect(store.exec('INSERT INTO items (id, n) VALUES (?, ?)', ['a'])).rejects.toThrow(/2 placeholder\(s\) but 1 parameter/);
      expect(await ids(store)).toEqual([]);
    },
  },
  {
    label: 'integers, nulls and counts read back as numbers and null',
    async run({ store }) {
      await store.exec('INSERT INTO items (id, n, note) VALUES (?, ?, ?)', ['a', 2 ** 40, null]);
      expect(await store.one('SELECT n, note FROM items')).toEqual({ n: 2 ** 40, note: null });
      expect(await store.one('SELECT COUNT(*) AS n FROM items')).toEqual({ n: 1 });
      expect(await store.one('SELECT SUM(n) AS total FROM items')).toEqual({ total: 2 ** 40 });
    },
  },
  {
    label: 'exec reports changed rows; RETURNING gives the written rows',
    async run({ store }) {
      await insert(store, 'a');
      await insert(store, 'b');
      expect(await store.exec('UPDATE items SET n = n + 1')).toBe(2);
      expect(await store.exec('DELETE FROM items WHERE id = ?', ['zzz'])).toBe(0);
      const result = await store.query<{ id: string }>('DELETE FROM items WHERE id = ? RETURNING id', ['a']);
      expect(result).toEqual({ rows: [{ id: 'a' }], changes: 1 });
      expect(await store.query('SELECT id FROM items')).toEqual({ rows: [{ id: 'b' }], changes: 0 });
    },
  },
  {
    label: 'a transaction commits all its writes together',
    async run({ store }) {
      const result = await store.transaction(async (tx) => {
        await insert(tx, 'a');
        await insert(tx, 'b');
        return 'done';
      });
      expect(result).toBe('done');
      expect(await ids(store)).toEqual(['a', 'b']);
    },
  },
  {
    label: 'a transaction that throws leaves nothing behind, and the error reaches the caller',
    async run({ store }) {
      await expect(
        store.transaction(async (tx) => {
          await insert(tx, 'a');
          throw new Error('render failed');
        }),
      ).rejects.toThrow('render failed');
      expect(await ids(store)).toEqual([]);
    },
  },
  {
    label: 'nested: an inner failure caught by the outer keeps the outer work; an outer failure undoes both',
    async run({ store }) {
      await store.transaction(async (tx) => {
        await insert(tx, 'a');
        await expect(
          tx.transaction(async (inner) => {
            await insert(inner, 'b');
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
      });
      await expect(
        store.transaction(async (tx) => {
          await insert(tx, 'c');
          await tx.transaction((inner) => insert(inner, 'd'));
          throw new Error('outer');
        }),
      ).rejects.toThrow('outer');
      expect(await ids(store)).toEqual(['a']);
    },
  },
  {
    label: 'calls on the store itself inside a transaction join it (a repository handed the store writes atomically with its caller)',
    async run({ store }) {
      await expect(
        store.transaction(async (tx) => {
          await insert(tx, 'a');
          await insert(store, 'b');
          await store.transaction((inner) => insert(inner, 'c'));
          expect(await ids(store)).toEqual(['a', 'b', 'c']);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await ids(store)).toEqual([]);
    },
  },
  {
    label: 'a read-only transaction refuses writes',
    async run({ store }) {
      await expect(store.transaction((tx) => insert(tx, 'a'), { readOnly: true })).rejects.toThrow();
      expect(await ids(store)).toEqual([]);
      await insert(store, 'b');
      expect(await store.transaction((tx) => ids(tx), { readOnly: true })).toEqual(['b']);
    },
  },
  {
    label: 'a duplicate key is a UniqueViolationError; caught in a nested transaction, the outer one carries on',
    async run({ store }) {
      await insert(store, 'a');
      await expect(insert(store, 'a')).rejects.toBeInstanceOf(UniqueViolationError);
      await store.transaction(async (tx) => {
        const error = await tx.transaction((inner) => insert(inner, 'a')).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UniqueViolationError);
        await insert(tx, 'b');
      });
      expect(await ids(store)).toEqual(['a', 'b']);
    },
  },
  {
    label: 'a genuine duplicate inside a transaction surfaces as UniqueViolationError and stores nothing of that transaction',
    async run({ store }) {
      await insert(store, 'a');
      const error = await store
        .transaction(async (tx) => {
          await insert(tx, 'b');
          await insert(tx, 'a');
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UniqueViolationError);
      expect(await ids(store)).toEqual(['a']);
    },
  },
  {
    label: 'INSERT ... ON CONFLICT DO NOTHING reports 0 changes for a duplicate (idempotent ids without read-then-write)',
    async run({ store }) {
      const sql = 'INSERT INTO items (id, n) VALUES (?, ?) ON CONFLICT (id) DO NOTHING';
      expect(await store.exec(sql, ['a', 1])).toBe(1);
      expect(await store.exec(sql, ['a', 2])).toBe(0);
      expect(await store.one('SELECT n FROM items WHERE id = ?', ['a'])).toEqual({ n: 1 });
    },
  },
  {
    label: 'a large blob (8 MiB) round-trips byte for byte as a Uint8Array',
    async run({ store }) {
      const body = new Uint8Array(randomBytes(8 * 1024 * 1024));
      await store.exec('INSERT INTO items (id, n, body) VALUES (?, ?, ?)', ['pdf', 1, body]);
      const row = await store.one<{ body: Uint8Array }>('SELECT body FROM items WHERE id = ?', ['pdf']);
      expect(row?.body).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(row!.body).equals(Buffer.from(body))).toBe(true);
    },
  },
  {
    label: 'sqlFor picks the statement text of the engine for the few spellings that differ',
    async run({ store }) {
      await store.exec('INSERT INTO items (id, n, body) VALUES (?, ?, ?)', ['pdf', 1, new Uint8Array(300)]);
      const sql = sqlFor(store, { sqlite: 'SELECT length(body) AS bytes FROM items', postgres: 'SELECT octet_length(body) AS bytes FROM items' });
      expect(await store.one(sql)).toEqual({ bytes: 300 });
    },
  },
  {
    label: 'ORDER BY with ties, LIMIT and OFFSET page the same way on both engines',
    async run({ store }) {
      for (const [id, n] of [['2025-03-10T09:00:00.000Z', 2], ['2025-03-09T09:00:00.000Z', 1], ['2025-03-11T09:00:00.000Z', 2], ['2025-03-08T09:00:00.000Z', 3]] as const) await insert(store, id, n);
      const page = (offset: number) => store.all('SELECT id, n FROM items ORDER BY n DESC, id DESC LIMIT ? OFFSET ?', [2, offset]);
      expect(await page(0)).toEqual([{ id: '2025-03-08T09:00:00.000Z', n: 3 }, { id: '2025-03-11T09:00:00.000Z', n: 2 }]);
      expect(await page(2)).toEqual([{ id: '2025-03-10T09:00:00.000Z', n: 2 }, { id: '2025-03-09T09:00:00.000Z', n: 1 }]);
    },
  },
  {
    label: 'concurrent read-then-write transactions on one store lose no update',
    async run({ store }) {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const row = await tx.one<{ v: number }>('SELECT v FROM counter WHERE id = 1');
            await tx.exec('UPDATE counter SET v = ? WHERE id = 1', [row!.v + 1]);
          }),
        ),
      );
      expect(await store.one('SELECT v FROM counter WHERE id = 1')).toEqual({ v: 20 });
    },
  },
  {
    label: 'migrations already applied are not applied again; the schema is current',
    async run({ store }) {
      expect(await store.migrate(SCHEMA)).toEqual({ applied: [] });
      const next: DialectMigration = { id: 'contract-002', sqlite: 'ALTER TABLE items ADD COLUMN extra TEXT;', postgres: 'ALTER TABLE items ADD COLUMN extra TEXT;' };
      expect(await store.migrate([...SCHEMA, next])).toEqual({ applied: ['contract-002'] });
      expect((await store.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id)).toEqual(['contract-001', 'contract-002']);
    },
  },
  {
    label: 'a failing migration rolls back completely: no table, no record',
    async run({ store }) {
      const bad: DialectMigration = { id: 'bad-001', sqlite: 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);', postgres: 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);' };
      await expect(store.migrate([...SCHEMA, bad])).rejects.toThrow(/nope/);
      expect(await store.one("SELECT id FROM schema_migrations WHERE id = 'bad-001'")).toBeUndefined();
      await expect(store.exec('INSERT INTO b (x) VALUES (1)')).rejects.toThrow();
    },
  },
  {
    label: 'a database with a schema step this version does not know is refused, naming the problem',
    async run({ store }) {
      await store.exec('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', ['contract-099', '2030-01-01T00:00:00.000Z']);
      const error = await store.migrate(SCHEMA).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaTooNewError);
      expect((error as Error).message).toMatch(/newer version of the kiosk software.*contract-099/);
    },
  },
  {
    label: 'a migration id listed twice is refused',
    async run({ store }) {
      await expect(store.migrate([SCHEMA[0]!, SCHEMA[0]!])).rejects.toThrow(/twice/);
    },
  },
];

describe.each(ENGINES)('storage port on $dialect', (engine) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });

  it.skipIf(!engine.isAvailable).each(CASES)('$label', async (c) => {
    opened = await engine.open();
    await opened.store.migrate(SCHEMA);
    await c.run(opened, engine);
  });

  it.skipIf(!engine.isAvailable)('a conflicting writer on the first attempt is retried inside the port; the caller sees one success', async () => {
    const retries: string[] = [];
    let hold: { release(): void } | undefined;
    opened = await engine.open({
      onRetry: (_attempt, reason) => {
        retries.push(reason);
        hold?.release();
      },
    });
    const { store } = opened;
    await store.migrate(SCHEMA);
    // SQLite: another connection holds the write lock (BEGIN IMMEDIATE is busy); PostgreSQL: another
    // connection commits an update to the row this transaction read (a serialization failure).
    if (engine.dialect === 'sqlite') hold = opened.holdWriteLock();
    let attempts = 0;
    const seen = await store.transaction(async (tx) => {
      attempts += 1;
      const before = await tx.one<{ v: number }>('SELECT v FROM counter WHERE id = 1');
      if (engine.dialect === 'postgres' && attempts === 1) await opened!.other('UPDATE counter SET v = v + 1 WHERE id = 1');
      await tx.exec('UPDATE counter SET v = v + 10 WHERE id = 1');
      return before!.v;
    });
    expect(retries).toEqual([engine.dialect === 'sqlite' ? 'busy' : 'serialization']);
    expect(await store.one('SELECT v FROM counter WHERE id = 1')).toEqual({ v: seen + 10 });
  });

  it.skipIf(!engine.isAvailable)('migrating from several stores at once applies each step once', async () => {
    opened = await engine.open();
    const others = await Promise.all(Array.from({ length: 4 }, () => reopen(engine, opened!)));
    try {
      const reports = await Promise.all([opened.store, ...others].map((s) => s.migrate(SCHEMA)));
      expect(reports.flatMap((r) => r.applied)).toEqual(['contract-001']);
      expect(await opened.store.all('SELECT id FROM schema_migrations')).toEqual([{ id: 'contract-001' }]);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });
});

/** A second store on the same database (SQLite: without the one-writer lock, as the migration lock's own test). */
async function reopen(engine: EngineFixture, opened: OpenedStore) {
  const { openSqliteStore } = await import('./sqlite-store.ts');
  const { openPostgresStore } = await import('./postgres-store.ts');
  return engine.dialect === 'sqlite' ? openSqliteStore(opened.location, { singleWriter: false, busyTimeoutMs: 0 }) : openPostgresStore(opened.location);
}
