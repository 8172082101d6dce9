import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkKeyStorage, createSafeStorageKeyProvider, type SafeStorageLike } from './safe-storage-key-provider.ts';

/** Stands in for the OS keychain: a reversible transform plus a marker, so wrapping visibly changes the bytes. */
function fakeSafeStorage(): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    calls,
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v10'), mask(Buffer.from(text, 'utf8'))]);
    },
    decryptStringAsync: async (encrypted) => {
      calls.push('decrypt');
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('bad ciphertext');
      return { result: mask(encrypted.subarray(3)).toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

describe('createSafeStorageKeyProvider', () => {
  it('round-trips a 32-byte data key through safeStorage, and the wrapped form is not the key', async () => {
    const storage = fakeSafeStorage();
    const provider = createSafeStorageKeyProvider(storage, 'safeStorage (test)');
    const key = new Uint8Array(randomBytes(32));
    const wrapped = await provider.wrap(key);
    expect(Buffer.from(wrapped).includes(Buffer.from(key))).toBe(false);
    expect(await provider.unwrap(wrapped)).toEqual({ key, shouldRewrap: false });
    expect(storage.calls).toEqual(['encrypt', 'decrypt']);
  });

  it("passes on safeStorage's shouldReEncrypt (the OS rotated its key) as shouldRewrap", async () => {
    const storage = fakeSafeStorage();
    const rotated = { ...storage, decryptStringAsync: async (e: Buffer) => ({ ...(await storage.decryptStringAsync(e)), shouldReEncrypt: true }) };
    const key = new Uint8Array(randomBytes(32));
    const provider = createSafeStorageKeyProvider(rotated, 'x');
    expect(await provider.unwrap(await provider.wrap(key))).toEqual({ key, shouldRewrap: true });
  });

  it('refuses a decrypted value that is not a wrapped key', async () => {
    const storage = { ...fakeSafeStorage(), decryptStringAsync: async () => ({ result: 'not base64!', shouldReEncrypt: false }) };
    await expect(createSafeStorageKeyProvider(storage, 'x').unwrap(new Uint8Array([1, 2, 3]))).rejects.toThrow(/could not be unwrapped/);
  });

  it('passes safeStorage failures on (the core then refuses to open the vault)', async () => {
    await expect(createSafeStorageKeyProvider(fakeSafeStorage(), 'x').unwrap(new Uint8Array([1, 2, 3]))).rejects.toThrow('bad ciphertext');
  });
});

describe('checkKeyStorage', () => {
  const base = { platform: 'linux' as NodeJS.Platform, asyncEncryptionAvailable: true, linuxBackend: 'gnome_libsecret', acceptUnprotectedKeyStorage: false };
  it.each([
    ['Linux with GNOME Keyring', {}, true],
    ['Linux with KWallet 5', { linuxBackend: 'kwallet5' }, true],
    ['Windows (DPAPI)', { platform: 'win32', linuxBackend: 'n/a' }, true],
    ['macOS (Keychain)', { platform: 'darwin', linuxBackend: 'n/a' }, true],
    ['Linux basic_text: refused (fail closed)', { linuxBackend: 'basic_text' }, false],
    ['Linux unknown backend: refused', { linuxBackend: 'unknown' }, false],
    ['Linux basic_text accepted by the admin', { linuxBackend: 'basic_text', acceptUnprotectedKeyStorage: true }, true],
    ['encryption unavailable: refused even if basic_text was accepted', { asyncEncryptionAvailable: false, acceptUnprotectedKeyStorage: true }, false],
    ['encryption unavailable on Windows: refused', { platform: 'win32', asyncEncryptionAvailable: false }, false],
  ] as const)('%s', (_label, facts, ok) => {
    expect(checkKeyStorage({ ...base, ...facts }).ok).toBe(ok);
  });

  it('tells the admin what to do when it refuses basic_text', () => {
    const result = checkKeyStorage({ ...base, linuxBackend: 'basic_text' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/GNOME Keyring or KWallet.*acceptUnprotectedKeyStorage/s);
  });

  it('says in its description when the admin accepted unprotected storage', () => {
    const result = checkKeyStorage({ ...base, linuxBackend: 'basic_text', acceptUnprotectedKeyStorage: true });
    expect(result).toEqual({ ok: true, description: 'safeStorage (basic_text, accepted by admin)' });
  });
});
