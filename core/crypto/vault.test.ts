import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyFileProvider } from './key-file-provider.ts';
import { openVault, sealedKeyId } from './vault.ts';
import { rotateDataKey } from './rotation.ts';
import { createSubmissionRepository, submissionSealedColumns } from '../submissions/repository.ts';
import { ManualClock, sampleSubmission, tempDir, openMigratedStore } from '../tests/helpers.ts';
import type { KeyProvider } from '../ports.ts';

let dir = '';
let cleanup = () => {};
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

async function open(keyFile = 'key.bin') {
  const db = await openMigratedStore(join(dir, 'kiosk.db'));
  const provider = createKeyFileProvider(join(dir, keyFile));
  return { db, provider, vault: await openVault(db, provider) };
}

describe('key file provider', () => {
  it('creates a 32-byte key file readable only by its owner, and reuses it', async () => {
    const provider = createKeyFileProvider(join(dir, 'k.bin'));
    const wrapped = await provider.wrap(new Uint8Array(32).fill(7));
    expect(statSync(join(dir, 'k.bin')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'k.bin')).length).toBe(32);
    expect(await createKeyFileProvider(join(dir, 'k.bin')).unwrap(wrapped)).toEqual({ key: new Uint8Array(32).fill(7), shouldRewrap: false });
  });

  it('cannot unwrap with a different key file', async () => {
    const wrapped = await createKeyFileProvider(join(dir, 'a.bin')).wrap(new Uint8Array(32));
    await expect(createKeyFileProvider(join(dir, 'b.bin')).unwrap(wrapped)).rejects.toThrow();
  });
});

describe('vault', () => {
  it('re-wraps and stores the keys when the key store asks (the OS rotated its key); sealed data still opens', async () => {
    // A key store with a versioned master key, like safeStorage: old ciphertext still opens but is reported stale.
    const base = createKeyFileProvider(join(dir, 'kek.bin'));
    let version = 1;
    const store: KeyProvider = {
      description: 'rotating test store',
      wrap: async (key) => new Uint8Array([version, ...(await base.wrap(key))]),
      unwrap: async (wrapped) => ({ key: (await base.unwrap(wrapped.subarray(1))).key, shouldRewrap: wrapped[0] !== version }),
    };
    const db = await openMigratedStore(join(dir, 'kiosk.db'));
    const sealed = (await (await openVault(db, store)).sealerIn(db)).seal('Zoë Nguyễn', 'submissions:1:client_name');
    const versions = async () => ((await db.all('SELECT wrapped FROM vault_keys')) as { wrapped: Uint8Array }[]).map((r) => r.wrapped[0]);
    expect(await versions()).toEqual([1, 1]);

    version = 2;
    const reopened = await openVault(db, store);
    expect(await versions()).toEqual([2, 2]);
    expect(reopened.openText(sealed, 'submissions:1:client_name')).toBe('Zoë Nguyễn');
    const unwrapped = await Promise.all(((await db.all('SELECT wrapped FROM vault_keys')) as { wrapped: Uint8Array }[]).map((r) => store.unwrap(r.wrapped)));
    expect(unwrapped.every((u) => !u.shouldRewrap)).toBe(true);
    await db.close();
  });

  it('round-trips text and bytes, and never stores the plain text', async () => {
    const { vault, db } = await open();
    const sealed = (await vault.sealerIn(db)).seal('Zebulon Quixote', 'submissions:1:client_name');
    expect(Buffer.from(sealed).includes('Zebulon')).toBe(false);
    expect(vault.openText(sealed, 'submissions:1:client_name')).toBe('Zebulon Quixote');
    expect(vault.open((await vault.sealerIn(db)).seal(new Uint8Array([1, 2, 3]), 'x'), 'x')).toEqual(new Uint8Array([1, 2, 3]));
    await db.close();
  });

  it('seals the same value differently each time (random nonce)', async () => {
    const { vault, db } = await open();
    expect((await vault.sealerIn(db)).seal('same', 'a')).not.toEqual((await vault.sealerIn(db)).seal('same', 'a'));
    await db.close();
  });

  it.each([
    ['another row', 'submissions:2:client_name'],
    ['another column', 'submissions:1:answers'],
    ['no AAD', ''],
  ])('refuses a ciphertext moved to %s', async (_label, aad) => {
    const { vault, db } = await open();
    const sealed = (await vault.sealerIn(db)).seal('secret', 'submissions:1:client_name');
    expect(() => vault.open(sealed, aad)).toThrow();
    await db.close();
  });

  it('refuses a ciphertext with one byte flipped', async () => {
    const { vault, db } = await open();
    const sealed = (await vault.sealerIn(db)).seal('secret', 'a');
    for (const i of [0, 3, 8, sealed.length - 1]) {
      const copy = new Uint8Array(sealed);
      copy[i] = copy[i]! ^ 1;
      expect(() => vault.open(copy, 'a'), `byte ${i}`).toThrow();
    }
    await db.close();
  });

  it('reopens with the same key after restart; refuses with a different key file', async () => {
    const first = await open();
    const sealed = (await first.vault.sealerIn(first.db)).seal('persisted', 'a');
    await first.db.close();
    const second = await open();
    expect(second.vault.openText(sealed, 'a')).toBe('persisted');
    await second.db.close();
    const db = await openMigratedStore(join(dir, 'kiosk.db'));
    await expect(openVault(db, createKeyFileProvider(join(dir, 'other.bin')))).rejects.toThrow(/could not be unlocked/);
    await db.close();
  });

  it('blind index is deterministic per vault and differs between vaults', async () => {
    const a = await open();
    expect(a.vault.blindIndex('maria')).toEqual(a.vault.blindIndex('maria'));
    expect(a.vault.blindIndex('maria')).not.toEqual(a.vault.blindIndex('mario'));
    await a.db.close();
    const { dir: otherDir, cleanup: c2 } = tempDir();
    const db2 = await openMigratedStore(join(otherDir, 'kiosk.db'));
    const v2 = await openVault(db2, createKeyFileProvider(join(otherDir, 'k.bin')));
    const again = await open();
    expect(v2.blindIndex('maria')).not.toEqual(again.vault.blindIndex('maria'));
    await db2.close();
    await again.db.close();
    c2();
  });
});

describe('derived keys', () => {
  it('are 32 bytes, stable across restarts, different per label, and survive data-key rotation', async () => {
    const first = await open();
    const audit = first.vault.deriveKey('kiosk:audit-mac:v1');
    expect(audit).toHaveLength(32);
    expect(first.vault.deriveKey('kiosk:other:v1')).not.toEqual(audit);
    expect(() => first.vault.deriveKey('')).toThrow();
    await rotateDataKey(first.db, first.vault, first.provider, submissionSealedColumns);
    expect(first.vault.deriveKey('kiosk:audit-mac:v1')).toEqual(audit);
    await first.db.close();
    const again = await open();
    expect(again.vault.deriveKey('kiosk:audit-mac:v1')).toEqual(audit);
    await again.db.close();
  });
});

describe('key rotation', () => {
  it('rotates the data key: every row is re-encrypted under the new key, the old key is gone, search still works', async () => {
    const { db, vault, provider } = await open();
    const repo = createSubmissionRepository(db, vault, new ManualClock());
    const subs = [sampleSubmission({ clientName: 'Ana Ruiz' }), sampleSubmission({ clientName: 'Bo Chen', dateOfBirth: null })];
    for (const s of subs) (await repo.insert(s));
    const oldKey = vault.keyId;
    const { keyId, resealed } = await rotateDataKey(db, vault, provider, submissionSealedColumns);
    expect(keyId).not.toBe(oldKey);
    expect(vault.keyId).toBe(keyId);
    expect(resealed).toBe(6 + 5); // six sealed columns, one client without a date of birth
    const row = (await db.one('SELECT client_name FROM submissions LIMIT 1')) as { client_name: Uint8Array };
    expect(sealedKeyId(row.client_name)).toBe(keyId);
    expect((await db.one("SELECT COUNT(*) AS n FROM vault_keys WHERE purpose = 'data'"))).toEqual({ n: 1 });
    await db.close();
    const reopened = await open();
    const repo2 = createSubmissionRepository(reopened.db, reopened.vault, new ManualClock());
    for (const s of subs) expect(await repo2.get(s.id)).toMatchObject({ clientName: s.clientName, answers: s.answers, pdf: s.pdf });
    expect((await repo2.list({ status: 'all', search: 'ana', limit: 10 })).map((i) => i.clientName)).toEqual(['Ana Ruiz']);
    await reopened.db.close();
  });

  it('refuses (and changes nothing) when a sealed column was left out of the rotation', async () => {
    const { db, vault, provider } = await open();
    const repo = createSubmissionRepository(db, vault, new ManualClock());
    const s = sampleSubmission();
    await repo.insert(s);
    const oldKey = vault.keyId;
    const partial = submissionSealedColumns.filter((c) => c.column !== 'pdf');
    await expect(rotateDataKey(db, vault, provider, partial)).rejects.toThrow(/not covered/);
    expect(vault.keyId).toBe(oldKey);
    expect(sealedKeyId(((await db.one('SELECT answers FROM submissions')) as { answers: Uint8Array }).answers)).toBe(oldKey);
    expect((await repo.get(s.id))?.pdf).toEqual(s.pdf);
    await db.close();
  });

  it('two rotations started together leave one data key, and every row opens', async () => {
    const { db, vault, provider } = await open();
    const repo = createSubmissionRepository(db, vault, new ManualClock());
    const s = sampleSubmission();
    await repo.insert(s);
    const [first, second] = await Promise.all([rotateDataKey(db, vault, provider, submissionSealedColumns), rotateDataKey(db, vault, provider, submissionSealedColumns)]);
    expect(second.previousKeyId).toBe(first.keyId);
    expect((await db.all("SELECT id FROM vault_keys WHERE purpose = 'data'"))).toEqual([{ id: second.keyId }]);
    expect((await repo.get(s.id))?.answers).toEqual(s.answers);
    await db.close();
  });

  it('a vault opened before another one rotated the key (another process on the database) opens the re-sealed rows and seals under the stored key', async () => {
    const { db, vault, provider } = await open();
    const repo = createSubmissionRepository(db, vault, new ManualClock());
    const first = sampleSubmission({ clientName: 'Ana Ruiz' });
    await repo.insert(first);
    const other = await openVault(db, provider);
    const { keyId, previousKeyId } = await rotateDataKey(db, other, provider, submissionSealedColumns);
    expect(vault.keyId).toBe(previousKeyId);
    expect((await repo.get(first.id))?.clientName).toBe('Ana Ruiz');
    const second = sampleSubmission({ clientName: 'Bo Chen' });
    await repo.insert(second);
    const row = (await db.one('SELECT answers FROM submissions WHERE id = ?', [second.id])) as { answers: Uint8Array };
    expect(sealedKeyId(row.answers)).toBe(keyId);
    await db.close();
  });

  it('rolls back when the step inside its transaction (the audit entry) fails: the old key still seals and opens', async () => {
    const { db, vault, provider } = await open();
    const repo = createSubmissionRepository(db, vault, new ManualClock());
    const s = sampleSubmission();
    await repo.insert(s);
    const oldKey = vault.keyId;
    await expect(
      rotateDataKey(db, vault, provider, submissionSealedColumns, () => {
        throw new Error('audit log full');
      }),
    ).rejects.toThrow('audit log full');
    expect(vault.keyId).toBe(oldKey);
    expect((await db.all("SELECT id FROM vault_keys WHERE purpose = 'data'"))).toEqual([{ id: oldKey }]);
    expect((await repo.get(s.id))?.answers).toEqual(s.answers);
    await db.close();
  });
});
