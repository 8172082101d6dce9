/**
 * KeyProvider backed by Electron's safeStorage (OS keychain: DPAPI on Windows, Keychain
 * on macOS, libsecret/kwallet on Linux). Uses the asynchronous API: Electron 45
 * deprecates the synchronous encryptString/decryptString/isEncryptionAvailable.
 *
 * This module takes a structural `SafeStorageLike` instead of importing Electron, so it
 * is unit-tested with a fake and main.ts passes the real `safeStorage`.
 */
import type { KeyProvider } from '../../core/ports.ts';

/** The part of Electron's SafeStorage this provider uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ readonly result: string; readonly shouldReEncrypt: boolean }>;
  /** Linux only in Electron; called only when platform is 'linux'. */
  getSelectedStorageBackend(): string;
}

export type KeyStorageCheck =
  | { readonly ok: true; readonly description: string }
  | { readonly ok: false; readonly title: string; readonly message: string };

export interface KeyStorageFacts {
  readonly platform: NodeJS.Platform;
  readonly asyncEncryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; ignored elsewhere. */
  readonly linuxBackend: string;
  /** shell-settings.ts acceptUnprotectedKeyStorage. */
  readonly acceptUnprotectedKeyStorage: boolean;
}

const TITLE = 'The kiosk cannot protect its data';

/**
 * Decides whether the OS key store is good enough to protect the health-data key. Fails
 * closed: on Linux, "basic_text" means Chromium encrypts with a hard-coded password, so
 * the key would in effect sit on disk in the clear; the kiosk refuses to start unless an
 * admin accepted that explicitly in the shell settings file.
 */
export function checkKeyStorage(facts: KeyStorageFacts): KeyStorageCheck {
  if (!facts.asyncEncryptionAvailable) {
    return {
      ok: false,
      title: TITLE,
      message: "The operating system's secure key storage is not available, so the kiosk will not start. Sign in to a desktop session with a keyring (GNOME Keyring or KWallet on Linux) and start the kiosk again. See docs/KIOSK-DEPLOYMENT.md.",
    };
  }
  if (facts.platform !== 'linux') return { ok: true, description: `safeStorage (${facts.platform === 'win32' ? 'DPAPI' : facts.platform === 'darwin' ? 'Keychain' : facts.platform})` };
  if (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown') {
    if (facts.acceptUnprotectedKeyStorage) return { ok: true, description: `safeStorage (${facts.linuxBackend}, accepted by admin)` };
    return {
      ok: false,
      title: TITLE,
      message: `No keyring was found (safeStorage backend "${facts.linuxBackend}"), so the key that encrypts client records would not be protected. Install and unlock GNOME Keyring or KWallet for the kiosk user, or, only on a machine with full-disk encryption, set "acceptUnprotectedKeyStorage": true in kiosk-shell.json. See docs/SECURITY.md.`,
    };
  }
  return { ok: true, description: `safeStorage (${facts.linuxBackend})` };
}

/**
 * Wraps the data key with safeStorage. The key is bytes and safeStorage takes strings,
 * so the key crosses as base64; the wrapped form is safeStorage's opaque ciphertext.
 */
export function createSafeStorageKeyProvider(safeStorage: SafeStorageLike, description: string): KeyProvider {
  return {
    description,
    wrap: async (dataKey) => new Uint8Array(await safeStorage.encryptStringAsync(Buffer.from(dataKey).toString('base64'))),
    unwrap: async (wrapped) => {
      // shouldReEncrypt: the OS rotated its key; the vault re-wraps with encryptStringAsync and stores that.
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(wrapped));
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(result)) throw new Error('The stored data key could not be unwrapped (unexpected format).');
      return { key: new Uint8Array(Buffer.from(result, 'base64')), shouldRewrap: shouldReEncrypt };
    },
  };
}
