/**
 * Blind-index tokens for client names. Names are sealed, so search cannot use SQL LIKE.
 * Instead each normalised name token's prefixes are turned into keyed HMAC tokens (the
 * index key never leaves the vault); a search token matches a row when its HMAC equals
 * one of the row's. The database then holds no readable name, and search is a join.
 */
import type { Vault } from '../crypto/vault.ts';

/** Longest prefix indexed; longer search tokens are cut to it (still a prefix match). */
export const MAX_PREFIX = 24;
const MAX_QUERY_TOKENS = 8;

/** Lower-case, accents removed, split on anything that is not a letter or digit. "José-María" -> ["jose", "maria"]. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Distinct HMAC tokens for every prefix of every token of `name`. */
export function indexTokens(vault: Vault, name: string): Uint8Array[] {
  const prefixes = new Set<string>();
  for (const token of nameTokens(name)) {
    const chars = [...token].slice(0, MAX_PREFIX);
    for (let i = 1; i <= chars.length; i++) prefixes.add(chars.slice(0, i).join(''));
  }
  return [...prefixes].map((p) => vault.blindIndex(`name-prefix:${p}`));
}

/** One HMAC token per search word (each must match); empty when the search has no letters or digits. */
export function queryTokens(vault: Vault, search: string): Uint8Array[] {
  return nameTokens(search)
    .slice(0, MAX_QUERY_TOKENS)
    .map((t) => vault.blindIndex(`name-prefix:${[...t].slice(0, MAX_PREFIX).join('')}`));
}

/** Same client (normalised name + date of birth) -> same token; used to find returning clients. */
export function identityToken(vault: Vault, name: string, dateOfBirth: string | null): Uint8Array {
  return vault.blindIndex(`identity:${nameTokens(name).join(' ')}|${dateOfBirth ?? ''}`);
}
