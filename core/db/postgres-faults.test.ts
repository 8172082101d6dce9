/**
 * PostgreSQL faults a clinic will meet: a mistyped URL, wrong credentials, a missing
 * database, a server that is not there at start or goes away mid-run. Each is a typed error
 * whose message names the problem and never the password; a transaction cut off mid-way
 * leaves nothing behind.
 */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { DatabaseConfigError, DatabaseUnavailableError } from './errors.ts';
import { openPostgresStore } from './postgres-store.ts';
import { storeConfigFromEnv } from './open-store.ts';
import { asSuperuser, createTestDatabase, hasTestPostgres, testPostgresAdminUrl, withCredentials, withDatabase } from './testing/postgres.ts';
import { findPostgresBin, startCluster, stopCluster } from './testing/pg-cluster.ts';

const SECRET = 'Sup3rSecretPw';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Everything a log line could show of an error. */
const shown = (error: unknown) => `${String(error)} ${(error as Error).stack ?? ''} ${JSON.stringify(error)}`;

describe('a KIOSK_DATABASE_URL that is not usable is refused at start, naming the problem', () => {
  const CASES = [
    { label: 'not a URL', url: `kiosk ${SECRET}`, message: /not a valid URL/ },
    { label: 'another engine', url: `mysql://kiosk:${SECRET}@127.0.0.1/kiosk`, message: /must start with postgres:\/\/ \(it starts with mysql:\/\/\)/ },
    { label: 'no database name', url: `postgres://kiosk:${SECRET}@127.0.0.1:5432/`, message: /names no database/ },
  ];
  it.each(CASES)('$label', ({ url, message }) => {
    let error: unknown;
    try {
      storeConfigFromEnv({ KIOSK_DATABASE_URL: url }, '/data');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toMatch(message);
    expect(shown(error)).not.toContain(SECRET);
  });

  it('no KIOSK_DATABASE_URL: the kiosk keeps its own SQLite file in its data folder', () => {
    expect(storeConfigFromEnv({}, '/data')).toEqual({ engine: 'sqlite', file: '/data/kiosk.db' });
  });
});

describe('a server that is not there', () => {
  it('at start: "The clinic database at HOST:PORT did not answer within N s", without the password', async () => {
    const port = await freePort();
    const error = await openPostgresStore(`postgres://kiosk:${SECRET}@127.0.0.1:${port}/kiosk`, { connectTimeoutMs: 2_000, startupWaitMs: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^The clinic database at 127\\.0\\.0\\.1:${port} did not answer within 1 s \\(ECONNREFUSED\\)\\.`));
    expect(shown(error)).not.toContain(SECRET);
  });
});

describe.skipIf(!hasTestPostgres())('PostgreSQL refusing or going away', () => {
  it('wrong password: refused, naming the user, not the password', async () => {
    const admin = await testPostgresAdminUrl();
    const error = await openPostgresStore(withCredentials(admin, 'kiosk', SECRET)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toMatch(/refused the credentials of user "kiosk"/);
    expect(shown(error)).not.toContain(SECRET);
  });

  it('a process hanging inside a transaction is cut off by the server after a minute, not left holding locks', async () => {
    const db = await createTestDatabase();
    const store = await openPostgresStore(db.url);
    try {
      expect(await store.one('SHOW idle_in_transaction_session_timeout')).toEqual({ idle_in_transaction_session_timeout: '1min' });
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('a database that does not exist: refused, naming it', async () => {
    const admin = await testPostgresAdminUrl();
    const error = await openPostgresStore(withDatabase(admin, 'no_such_clinic')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toMatch(/"no_such_clinic" does not exist/);
  });

  it('connection cut mid-transaction: a typed error, nothing half-stored, and the store reconnects', async () => {
    const db = await createTestDatabase();
    const store = await openPostgresStore(db.url);
    try {
      await store.exec('CREATE TABLE intake (id TEXT PRIMARY KEY)');
      const error = await store
        .transaction(async (tx) => {
          await tx.exec('INSERT INTO intake (id) VALUES (?)', ['record']);
          await asSuperuser([`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}' AND pid <> pg_backend_pid()`]);
          await tx.exec('INSERT INTO intake (id) VALUES (?)', ['audit']);
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toMatch(/^The clinic database cannot be reached/);
      expect(await store.all('SELECT id FROM intake')).toEqual([]);
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('the server stops mid-run: the next call is "cannot be reached", not a crash', async () => {
    const bin = findPostgresBin()!;
    const cluster = await startCluster(bin);
    let isStopped = false;
    const store = await openPostgresStore(cluster.url, { connectTimeoutMs: 2_000 });
    try {
      await store.exec('CREATE TABLE intake (id TEXT PRIMARY KEY)');
      stopCluster(bin, cluster.dir);
      isStopped = true;
      for (const call of [() => store.exec('INSERT INTO intake (id) VALUES (?)', ['a']), () => store.transaction((tx) => tx.exec('INSERT INTO intake (id) VALUES (?)', ['b']))]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DatabaseUnavailableError);
        expect(shown(error)).not.toContain(new URL(cluster.url).password);
      }
    } finally {
      await store.close();
      if (!isStopped) stopCluster(bin, cluster.dir);
    }
  });
});
