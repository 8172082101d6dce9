/**
 * A real app core on a throw-away data directory, built exactly as e2e/fixtures.ts and the
 * Electron main process build it (createCore + key file + PDF printer).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createPdfPrinter } from '../core/pdf-printer.ts';
import type { CallContext } from '../core/handler.ts';
import type { Clock } from '../core/ports.ts';
import type { StoreConfig } from '../core/db/open-store.ts';

export interface BenchCore {
  readonly core: Core;
  readonly dataDir: string;
  /** Closes the core and deletes the data directory. */
  dispose(): Promise<void>;
}

/**
 * A call from the kiosk page at `origin` as one caller: a bench that calls the handlers
 * directly signs in and calls with the same context, as one Electron window would.
 */
export function benchCallContext(origin: string, callerId = 'bench-kiosk'): CallContext {
  return { senderUrl: `${origin}/index.html`, caller: { id: callerId, kind: 'kiosk' } };
}

/**
 * `allowedOrigins` are the origins whose frames may call the handlers (the static server's, for a browser).
 * `database`: the store (absent: SQLite in the data directory, as the kiosk's default).
 */
export async function createBenchCore(allowedOrigins: readonly string[], clock?: Clock, database?: StoreConfig): Promise<BenchCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-'));
  const core = await createCore({
    dataDir,
    keyProvider: createKeyFileProvider(join(dataDir, 'bench-data-key.bin')),
    database,
    clock,
    printer: createPdfPrinter(),
    allowedOrigins,
  });
  return {
    core,
    dataDir,
    dispose: async () => {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
