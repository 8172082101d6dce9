/**
 * Data-key rotation (see docs/KEYS.md), the admin's `admin:rotateDataKey`: a new data key
 * is made, every sealed value in the listed columns is re-encrypted under it, the old data
 * key is deleted. One transaction: a crash leaves either the old state or the new one.
 * Before deleting the old key it scans every BLOB column of every table for a value still
 * sealed under it and refuses (rolling back) if it finds one, so a column missing from the
 * list cannot become unreadable. (Re-wrapping on the OS's request is openVault's job.)
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

export interface DataKeyRotated {
  readonly previousKeyId: string;
  readonly keyId: string;
  readonly resealed: number;
}

/**
 * Replaces the data key: re-encrypts every value in `columns` under a new key, then deletes
 * the old data key(s). Throws and changes nothing if any value fails to open or any value
 * sealed under an old key would be left behind. `inTransaction` runs inside the same
 * transaction once everything is re-sealed (the audit entry), so neither commits alone.
 */
export async function rotateDataKey(
  db: DatabaseSync,
  vault: Vault,
  provider: KeyProvider,
  columns: readonly SealedColumn[],
  inTransaction: (rotated: DataKeyRotated) => void = () => {},
): Promise<DataKeyRotated> {
  const state = vaultState(vault);
  const key = newKey();
  const id = newKeyId();
  const wrapped = await provider.wrap(key);
  // Read the key state only after the await: from here to the end nothing else runs, so two
  // rotations one after the other each retire exactly the keys that were live when they began.
  const previousActive = state.activeId;
  const oldIds = [...state.dataKeys.keys()];
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
      inTransaction({ previousKeyId: previousActive, keyId: id, resealed });
    });
  } catch (error) {
    state.dataKeys.delete(id);
    state.activeId = previousActive;
    throw error;
  }
  for (const oldId of oldIds) state.dataKeys.delete(oldId);
  return { previousKeyId: previousActive, keyId: id, resealed };
}
