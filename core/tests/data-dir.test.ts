import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { tempDir } from './helpers.ts';
import { TEST_ORIGIN } from './test-core.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('kiosk-datadir-');
});
afterEach(() => tmp.cleanup());

describe.skipIf(process.platform === 'win32')('the data dir', () => {
  it.each([
    ['created by the core', null],
    ['existing with mode 0777', 0o777],
    ['existing with mode 0755', 0o755],
  ])('is 0700 after every start: %s', async (_label, mode) => {
    const dataDir = join(tmp.dir, `data-${mode ?? 'new'}`);
    if (mode !== null) {
      mkdirSync(dataDir);
      chmodSync(dataDir, mode); // chmod, not mkdir's mode: the umask would narrow that
      expect(statSync(dataDir).mode & 0o777).toBe(mode);
    }
    const core = await createCore({ dataDir, keyProvider: createKeyFileProvider(join(tmp.dir, `key-${mode}.bin`)), allowedOrigins: [TEST_ORIGIN] });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await core.close();
    // Loosened again while the kiosk was off: tightened again on the next start.
    chmodSync(dataDir, 0o777);
    const again = await createCore({ dataDir, keyProvider: createKeyFileProvider(join(tmp.dir, `key-${mode}.bin`)), allowedOrigins: [TEST_ORIGIN] });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await again.close();
  });
});
