/**
 * Key rotation (see docs/KEYS.md).
 *
 * - rewrapKeys: the data and index keys stay; only their wrapping changes to a new
 *   KeyProvider (e.g. safeStorage after an OS reinstall, or a new key file). Cheap: no row
 *   is touched.
 * - rotateDataKey: a new data key is made, every sealed value in the listed columns is
 *   re-encrypted under it, the old data key is deleted. One transaction: a crash leaves
 *   either the old state or the new one. Before deleting the old key it scans every BLOB
 *   column of every table for a value still sealed under it and refuses (rolling back) if
 *   it finds one, so a column missing from the list cannot become unreadable.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { KeyProvider } from '../ports.ts';
import { transaction } from '../db/database.ts';
import { newKey, newKeyId, sealedKeyId, sealedPrefix, vaultState, type Vault } from './vault.ts';

/** Where sealed values live and the AAD each was sealed with. */
export interface SealedColumn {
  readonly table: string;
  readonly idColumn: string;
  readonly column: string;
  readonly aad: (rowId: string) => string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error('Invalid SQL identifier in a sealed-column descriptor.');
  return name;
}

/** Re-wraps every stored key under `newProvider`; the vault keeps working unchanged. */
export async function rewrapKeys(db: DatabaseSync, vault: Vault, oldProvider: KeyProvider, newProvider: KeyProvider): Promise<{ rewrapped: number }> {
  vaultState(vault); // only vaults from openVault
  const rows = db.prepare('SELECT id, wrapped FROM vault_keys ORDER BY rowid').all() as unknown as { id: string; wrapped: Uint8Array }[];
  const updates: { id: string; wrapped: Uint8Array }[] = [];
  for (const row of rows) {
    const { key } = await oldProvider.unwrap(row.wrapped);
    updates.push({ id: row.id, wrapped: await newProvider.wrap(key) });
  }
  const update = db.prepare('UPDATE vault_keys SET wrapped = ?, provider = ? WHERE id = ?');
  transaction(db, () => {
    for (const u of updates) update.run(u.wrapped, newProvider.description, u.id);
  });
  return { rewrapped: updates.length };
}

function countLeftovers(db: DatabaseSync, keyId: string): number {
  const prefix = sealedPrefix(keyId);
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'vault_keys'").all() as unknown as { name: string }[];
  let leftovers = 0;
  for (const { name } of tables) {
    if (!IDENT.test(name)) continue;
    const cols = db.prepare(`PRAGMA table_info(${name})`).all() as unknown as { name: string; type: string }[];
    for (const col of cols) {
      if (!IDENT.test(col.name) || !/BLOB|^$/i.test(col.type)) continue;
      const row = db.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE typeof(${col.name}) = 'blob' AND substr(${col.name}, 1, ?) = ?`).get(prefix.length, prefix) as { n: number };
      leftovers += row.n;
    }
  }
  return leftovers;
}

/**
 * Replaces the data key: re-encrypts every value in `columns` under a new key, then deletes
 * the old data key(s). Throws and changes nothing if any value fails to open or any value
 * sealed under an old key would be left behind.
 */
export async function rotateDataKey(db: DatabaseSync, vault: Vault, provider: KeyProvider, columns: readonly SealedColumn[]): Promise<{ keyId: string; resealed: number }> {
  const state = vaultState(vault);
  const previousActive = state.activeId;
  const oldIds = [...state.dataKeys.keys()];
  const key = newKey();
  const id = newKeyId();
  const wrapped = await provider.wrap(key);
  let resealed = 0;
  state.dataKeys.set(id, key);
  state.activeId = id;
  try {
    transaction(db, () => {
      db.prepare('INSERT INTO vault_keys (id, purpose, wrapped, provider, created_at) VALUES (?, ?, ?, ?, ?)').run(id, 'data', wrapped, provider.description, new Date().toISOString());
      for (const c of columns) {
        const table = ident(c.table);
        const idCol = ident(c.idColumn);
        const col = ident(c.column);
        const rows = db.prepare(`SELECT ${idCol} AS id, ${col} AS sealed FROM ${table} WHERE ${col} IS NOT NULL`).all() as unknown as { id: string | number; sealed: Uint8Array }[];
        const update = db.prepare(`UPDATE ${table} SET ${col} = ? WHERE ${idCol} = ?`);
        for (const row of rows) {
          if (sealedKeyId(row.sealed) === id) continue;
          const aad = c.aad(String(row.id));
          update.run(vault.seal(vault.open(row.sealed, aad), aad), row.id);
          resealed++;
        }
      }
      for (const oldId of oldIds) {
        if (countLeftovers(db, oldId) > 0) throw new Error('Some sealed values are not covered by the rotation; nothing was changed.');
        db.prepare("DELETE FROM vault_keys WHERE id = ? AND purpose = 'data'").run(oldId);
      }
    });
  } catch (error) {
    state.dataKeys.delete(id);
    state.activeId = previousActive;
    throw error;
  }
  for (const oldId of oldIds) state.dataKeys.delete(oldId);
  return { keyId: id, resealed };
}

/**
 * Both rotations in one call: a full data-key rotation when `columns` is given, then a
 * re-wrap of all keys under `newProvider` when it differs from `provider`.
 */
export async function rotateKeys(
  db: DatabaseSync,
  vault: Vault,
  options: { readonly provider: KeyProvider; readonly newProvider?: KeyProvider; readonly columns?: readonly SealedColumn[] },
): Promise<{ dataKeyRotated: boolean; rewrapped: number }> {
  let dataKeyRotated = false;
  if (options.columns) {
    await rotateDataKey(db, vault, options.provider, options.columns);
    dataKeyRotated = true;
  }
  let rewrapped = 0;
  if (options.newProvider && options.newProvider !== options.provider) {
    rewrapped = (await rewrapKeys(db, vault, options.provider, options.newProvider)).rewrapped;
  }
  return { dataKeyRotated, rewrapped };
}
