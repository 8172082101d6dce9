/**
 * PIN hashing with scrypt (node:crypto). A 6-digit PIN has only a million values, so the
 * hash must be slow and salted per person; the lockout in service.ts is what actually
 * stops guessing through the app. Parameters are stored with each hash so the cost can
 * be raised later without invalidating existing PINs.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: OWASP's scrypt minimum; about 50-100 ms and 32 MiB per hash. */
export const DEFAULT_SCRYPT_LOG_N = 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function options(logN: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r: R, p: P, maxmem: 256 * N * R };
}

export function hashPin(pin: string, logN = DEFAULT_SCRYPT_LOG_N): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(pin, salt, HASH_BYTES, options(logN));
  return `scrypt$${logN}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface Parsed {
  readonly logN: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const [kind, logN, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || r !== String(R) || p !== String(P) || !logN || !salt || !hash) return null;
  const n = Number(logN);
  if (!Number.isInteger(n) || n < 1 || n > 20) return null;
  return { logN: n, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** Async so a login does not block the main process while scrypt runs. */
export function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    scrypt(pin, parsed.salt, parsed.hash.length, options(parsed.logN), (error, derived) => {
      if (error) reject(error);
      else resolve(derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash));
    });
  });
}
