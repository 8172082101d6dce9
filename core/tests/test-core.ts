/**
 * A real app core on a fresh temp data dir with a key-file provider: what the handler
 * tests call instead of repeating the set-up. close() closes the core and removes the dir.
 */
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
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
  close(): Promise<void>;
}

export async function openTestCore(options: Partial<Omit<CoreOptions, 'dataDir' | 'keyProvider'>> = {}, prefix = 'kiosk-core-'): Promise<TestCore> {
  const tmp = tempDir(prefix);
  const core = await createCore({
    dataDir: tmp.dir,
    keyProvider: createKeyFileProvider(join(tmp.dir, 'key.bin')),
    allowedOrigins: [TEST_ORIGIN],
    ...options,
  });
  return {
    core,
    dir: tmp.dir,
    close: async () => {
      await core.close();
      tmp.cleanup();
    },
  };
}
