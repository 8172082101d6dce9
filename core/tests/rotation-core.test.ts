/**
 * Data-key rotation on a database laid out by createCore (submissions plus the signing
 * identity's sealed secrets): all sealed columns are covered, and everything still opens
 * after a restart with the new key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { rotateDataKey } from '../crypto/rotation.ts';
import { allSealedColumns } from '../crypto/sealed-columns.ts';
import { submissionSealedColumns } from '../submissions/repository.ts';
import { sampleSubmission, tempDir } from './helpers.ts';

const coreModule = await import('../create-core.ts').catch((error: unknown) => ({ error }));

let dir = '';
let cleanup = () => {};
beforeEach(() => {
  ({ dir, cleanup } = tempDir('kiosk-rotate-'));
});
afterEach(() => cleanup());

describe.skipIf('error' in coreModule)('data-key rotation on the full core', () => {
  it('re-seals submissions and secrets; refuses if the secrets were left out', async () => {
    if ('error' in coreModule) throw new Error('unreachable');
    const open = () => coreModule.createCore({ dataDir: dir, keyProvider: createKeyFileProvider(join(dir, 'key.bin')), allowedOrigins: ['http://127.0.0.1'] });
    const core = await open();
    const s = sampleSubmission();
    await core.deps.submissions.insert(s);
    await core.deps.secrets.put('probe', new TextEncoder().encode('secret value'));
    const provider = createKeyFileProvider(join(dir, 'key.bin'));
    await expect(rotateDataKey(core.deps.store, core.deps.vault, provider, submissionSealedColumns)).rejects.toThrow(/not covered/);
    const before = core.deps.vault.keyId;
    await rotateDataKey(core.deps.store, core.deps.vault, provider, allSealedColumns);
    expect(core.deps.vault.keyId).not.toBe(before);
    await core.close();
    const again = await open();
    expect((await again.deps.submissions.get(s.id))?.answers).toEqual(s.answers);
    expect(new TextDecoder().decode((await again.deps.secrets.get('probe'))!)).toBe('secret value');
    await again.close();
  });
});
