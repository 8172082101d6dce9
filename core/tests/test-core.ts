/**
 * A real app core on a fresh temp data dir with a key-file provider: what the handler
 * tests call instead of repeating the set-up. close() closes the core and removes the dir.
 * `engine: 'postgres'` builds it on a fresh database of the run's throwaway PostgreSQL cluster
 * (core/db/testing/), so a handler suite can run as a table over both engines (CORE_ENGINES).
 */
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import type { Dialect } from '../db/port.ts';
import type { StoreConfig } from '../db/open-store.ts';
import { createTestDatabase, hasTestPostgres, type TestDatabase } from '../db/testing/postgres.ts';
import type { CallContext, CallerKind } from '../handler.ts';
import { tempDir } from './helpers.ts';

export const TEST_ORIGIN = 'http://127.0.0.1:5999';

/** A call from the kiosk's own page as caller `callerId` (staff sessions are kept per caller). */
export function callContext(callerId: string, kind: CallerKind = 'kiosk'): CallContext {
  return { senderUrl: `${TEST_ORIGIN}/index.html`, caller: { id: callerId, kind } };
}

/** The call context of the kiosk's own page. */
export const TEST_CTX: CallContext = callContext('test-kiosk');

export interface TestCore {
  readonly core: Core;
  readonly dir: string;
  readonly engine: Dialect;
  /** The PostgreSQL test database (superuser URL), when engine is 'postgres'. */
  readonly database: TestDatabase | null;
  close(): Promise<void>;
}

/** The engines a core suite runs on: SQLite always, PostgreSQL when the run has a cluster (`describe.each` / `skipIf`). */
export const CORE_ENGINES: readonly { readonly engine: Dialect; readonly isAvailable: boolean }[] = [
  { engine: 'sqlite', isAvailable: true },
  { engine: 'postgres', isAvailable: hasTestPostgres() },
];

export async function openTestCore(
  options: Partial<Omit<CoreOptions, 'dataDir' | 'keyProvider'>> & { readonly engine?: Dialect } = {},
  prefix = 'kiosk-core-',
): Promise<TestCore> {
  const { engine = 'sqlite', ...coreOptions } = options;
  const tmp = tempDir(prefix);
  const database = engine === 'postgres' ? await createTestDatabase() : null;
  const config: StoreConfig | undefined = database ? { engine: 'postgres', url: database.url } : undefined;
  let core: Core;
  try {
    core = await createCore({
      dataDir: tmp.dir,
      keyProvider: createKeyFileProvider(join(tmp.dir, 'key.bin')),
      allowedOrigins: [TEST_ORIGIN],
      ...(config ? { database: config } : {}),
      ...coreOptions,
    });
  } catch (error) {
    await database?.drop();
    tmp.cleanup();
    throw error;
  }
  return {
    core,
    dir: tmp.dir,
    engine,
    database,
    close: async () => {
      await core.close();
      await database?.drop();
      tmp.cleanup();
    },
  };
}
