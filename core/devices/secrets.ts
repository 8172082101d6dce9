/**
 * The two secrets of pairing, as text: pairing codes (8 characters a person types, from an
 * alphabet without 0/O and 1/I, shown as "K7QM-4TXD") and device credentials
 * (`<device id>.<32 random bytes, base64url>`). Both are stored only as an HMAC-SHA-256 under a
 * key derived from the vault, so the database alone cannot test a guess (a plain hash of a
 * 40-bit code would fall to an offline search in seconds).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 characters (5 bits each): digits 2-9 and the letters without I and O. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
const CREDENTIAL_SECRET_BYTES = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** A new pairing code, grouped for reading aloud and typing: "K7QM-4TXD". */
export function newPairingCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code as typed, reduced to its 8 characters: case, spaces and dashes do not matter, and
 * the look-alikes a person may type for the missing characters (O for 0 is not among them:
 * neither is in the alphabet) are not guessed at. null when it cannot be a code.
 */
export function normalisePairingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

export function keyedHash(key: Uint8Array, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex MACs of the same length. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function newCredential(deviceId: string): string {
  return `${deviceId}.${randomBytes(CREDENTIAL_SECRET_BYTES).toString('base64url')}`;
}

/** The device id a credential names, or null when it is not shaped like one of ours. */
export function parseCredential(credential: string): { readonly deviceId: string } | null {
  if (credential.length !== 36 + 1 + 43) return null;
  const [deviceId, secret, ...rest] = credential.split('.');
  if (rest.length > 0 || !deviceId || !secret || !UUID.test(deviceId) || !SECRET.test(secret)) return null;
  return { deviceId };
}
