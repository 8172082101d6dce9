/**
 * The two adapters as test fixtures, so one table of cases runs against both: each `open`
 * gives a fresh, empty store (a temp SQLite file; a new PostgreSQL database) and cleans up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { Dialect } from '../port.ts';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from '../sqlite-store.ts';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../postgres-store.ts';
import { createTestDatabase, hasTestPostgres } from './postgres.ts';

export type TestStore = SqliteStore | PostgresStore;

export interface EngineFixture {
  readonly dialect: Dialect;
  readonly isAvailable: boolean;
  /** A fresh empty store; `options` are the adapter's retry options (shared shape). */
  open(options?: SqliteStoreOptions & PostgresStoreOptions): Promise<OpenedStore>;
}

export interface OpenedStore {
  readonly store: TestStore;
  /** Where it is: the SQLite file or the PostgreSQL URL. */
  readonly location: string;
  /** Runs raw SQL on a second, independent connection (a conflicting writer). */
  other(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Holds a write lock from a second connection until `release()` (SQLite only; PostgreSQL locks rows instead). */
  holdWriteLock(): { release(): void };
  cleanup(): Promise<void>;
}

export const sqliteEngine: EngineFixture = {
  dialect: 'sqlite',
  isAvailable: true,
  async open(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
    const file = join(dir, 'kiosk.db');
    const store = await openSqliteStore(file, { busyTimeoutMs: 0, ...options });
    return {
      store,
      location: file,
      async other(sql, params = []) {
        const db = new DatabaseSync(file, { timeout: 5_000 });
        try {
          db.prepare(sql).run(...(params as never[]));
        } finally {
          db.close();
        }
      },
      holdWriteLock() {
        const db = new DatabaseSync(file, { timeout: 0 });
        db.exec('BEGIN IMMEDIATE');
        return {
          release: () => {
            if (db.isOpen) {
              db.exec('COMMIT');
              db.close();
            }
          },
        };
      },
      async cleanup() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresEngine: EngineFixture = {
  dialect: 'postgres',
  isAvailable: hasTestPostgres(),
  async open(options = {}) {
    const db = await createTestDatabase();
    const store = await openPostgresStore(db.url, options);
    return {
      store,
      location: db.url,
      async other(sql, params = []) {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          let n = 0;
          await client.query(sql.replace(/\?/g, () => `$${++n}`), params as unknown[]);
        } finally {
          await client.end();
        }
      },
      holdWriteLock() {
        throw new Error('PostgreSQL has no database-wide write lock to hold.');
      },
      async cleanup() {
        await store.close();
        await db.drop();
      },
    };
  },
};

export const ENGINES: readonly EngineFixture[] = [sqliteEngine, postgresEngine];
