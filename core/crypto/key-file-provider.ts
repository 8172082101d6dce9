/**
 * A KeyProvider backed by a key-encryption key in a file (mode 0600). Used by tests and
 * `start:chromium`; the Electron app uses safeStorage instead. Whoever can read this file
 * and the database can read the data: it stands in for the OS keychain, it is not one.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyProvider } from '../ports.ts';
import { aesGcmOpen, aesGcmSeal, KEY_BYTES } from './aead.ts';

const WRAP_AAD = new TextEncoder().encode('kiosk:key-file-provider:v1');

function loadOrCreateKek(file: string): Uint8Array {
  try {
    const key = readFileSync(file);
    if (key.length !== KEY_BYTES) throw new Error('The key file is not a 32-byte key.');
    return new Uint8Array(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  // Written to a temp file, synced, then hard-linked into place: a crash can never leave a
  // half-written key file, and link() fails if another process won the race (then use theirs).
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKek(file);
    throw error;
  } finally {
    unlinkSync(temp);
  }
  chmodSync(file, 0o600); // the umask may only have narrowed it; be explicit anyway
  // Sync the directory too: the database will soon hold keys only this file can unwrap.
  const dirFd = openSync(dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return new Uint8Array(key);
}

/** Creates a random 32-byte key file (0600) at `file` if missing; wraps data keys with AES-256-GCM under it. */
export function createKeyFileProvider(file: string): KeyProvider {
  let kek: Uint8Array | undefined;
  const key = () => (kek ??= loadOrCreateKek(file));
  return {
    description: 'key file',
    wrap: async (dataKey) => aesGcmSeal(key(), dataKey, WRAP_AAD),
    unwrap: async (wrapped) => ({ key: aesGcmOpen(key(), wrapped, WRAP_AAD), shouldRewrap: false }),
  };
}
