/**
 * The first connection at start: a clinic database that does not answer yet (still starting,
 * or too loaded to answer within the connect timeout) is tried again with a back-off for a
 * bounded time, and then named with how long it was waited for; refused credentials are not
 * retried. A local TCP stand-in plays the slow or absent server; the run's PostgreSQL cluster
 * stands behind it where a real answer is needed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { DatabaseConfigError, DatabaseUnavailableError } from './errors.ts';
import { openPostgresStore } from './postgres-store.ts';
import { createTestDatabase, hasTestPostgres, testPostgresAdminUrl, withCredentials } from './testing/postgres.ts';

const SECRET = 'Sup3rSecretPw';

interface StandIn {
  readonly port: number;
  /** TCP connections the stand-in accepted so far. */
  readonly connections: () => number;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1: each connection is handed to `onConnection` with its number (1, 2, ...). */
async function standIn(onConnection: (socket: Socket, n: number) => void): Promise<StandIn> {
  let n = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket, ++n);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The same URL through the stand-in's port. */
function via(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}

let open: StandIn | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('a clinic database that does not answer at start', () => {
  it('is tried again, then named with how long it was waited for ("no answer in time", not "connection lost")', async () => {
    // Accepts the connection and never says a word: a server too loaded to answer.
    open = await standIn(() => undefined);
    const error = await openPostgresStore(`postgres://kiosk:${SECRET}@127.0.0.1:${open.port}/kiosk`, { connectTimeoutMs: 300, startupWaitMs: 1_500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^The clinic database at 127\\.0\\.0\\.1:${open.port} did not answer within [12] s \\(no answer in time\\)\\.`));
    expect((error as Error).message).not.toMatch(/connection lost/);
    expect(String(error)).not.toContain(SECRET);
    expect(open.connections()).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!hasTestPostgres())('a clinic database that answers during the wait', () => {
  it('opens once the server answers: the first connections were dropped, the start goes on', async () => {
    const db = await createTestDatabase();
    const real = new URL(db.url);
    open = await standIn((socket, n) => {
      if (n <= 2) return socket.destroy();
      const upstream = connect(Number(real.port || 5432), real.hostname);
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    const store = await openPostgresStore(via(db.url, open.port), { connectTimeoutMs: 2_000, startupWaitMs: 10_000 });
    try {
      expect(await store.one('SELECT 1 AS one')).toEqual({ one: 1 });
      expect(open.connections()).toBeGreaterThanOrEqual(3);
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it('refused credentials are said at once, not waited on', async () => {
    const admin = await testPostgresAdminUrl();
    const real = new URL(admin);
    open = await standIn((socket) => {
      const upstream = connect(Number(real.port || 5432), real.hostname);
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    const error = await openPostgresStore(via(withCredentials(admin, 'kiosk', SECRET), open.port), { startupWaitMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect(open.connections()).toBe(1);
  });
});
