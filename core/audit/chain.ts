/**
 * The audit chain's arithmetic. Each entry carries a MAC: HMAC-SHA-256, under a key derived
 * from the vault (so it exists only where the key provider unwrapped it, never in the
 * database), over the previous entry's MAC and the entry's canonical JSON (its id included,
 * so renumbering breaks it). Without the key no one can compute a valid MAC, so an edited,
 * renumbered or inserted row is detected even when its plain SHA-256 chain was recomputed.
 *
 * The plain SHA-256 chain (`entryHash`) is what earlier versions wrote; it is still written
 * alongside, and checked when sealing legacy entries, but proves nothing on its own.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Vault } from '../crypto/vault.ts';

export const GENESIS = '0'.repeat(64);
/** HKDF label of the audit MAC key; a new label would start a new, separate chain. */
export const AUDIT_KEY_LABEL = 'kiosk:audit-mac:v1';
const MAC_DOMAIN = 'kiosk-audit-entry:v2\n';
const LOG_ID_DOMAIN = 'kiosk-audit-log-id:v1';

/** The MAC key of this kiosk's audit log. */
export function auditKey(vault: Pick<Vault, 'deriveKey'>): Uint8Array {
  return vault.deriveKey(AUDIT_KEY_LABEL);
}

/**
 * A public name for this log (16 hex digits), derived from the key so it cannot be changed
 * without it: checkpoint files are named by it, and a shared export folder may hold several kiosks'.
 */
export function logIdOf(key: Uint8Array): string {
  return createHmac('sha256', key).update(LOG_ID_DOMAIN).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields every link covers. `details` is the stored canonical JSON text. */
export interface ChainedFields {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly subjectId: string | null;
  readonly details: string;
}

function entryJson(e: ChainedFields): string {
  return canonicalJson({ id: e.id, at: e.at, action: e.action, actor: e.actor, subjectId: e.subjectId, details: e.details });
}

/** The legacy plain chain: SHA-256 over the previous hash and the entry. Anyone can recompute it. */
export function entryHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(entryJson(e)).digest('hex');
}

/** The keyed link: HMAC-SHA-256(key, domain | previous MAC | entry). */
export function entryMac(key: Uint8Array, prevMac: string, e: ChainedFields): string {
  return createHmac('sha256', key).update(MAC_DOMAIN).update(prevMac).update('\n').update(entryJson(e)).digest('hex');
}

/** Constant-time comparison of two hex MACs. */
export function sameMac(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
