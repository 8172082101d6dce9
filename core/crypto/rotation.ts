/**
 * Data-key rotation (see docs/KEYS.md), the admin's `admin:rotateDataKey`: a new data key
 * is made, every sealed value in the listed columns is re-encrypted under it, the old data
 * key is deleted. One transaction: a crash leaves either the old state or the new one.
 * Before deleting the old key it scans every BLOB column of every table for a value still
 * sealed under it and refuses (rolling back) if it finds one, so a column missing from the
 * list cannot become unreadable. (Re-wrapping on the OS's request is openVault's job.)
 */
import type { KeyProvider } from '../ports.ts';
import { sqlFor, type Queryable } from '../db/port.ts';
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

/** Every binary column of every table but vault_keys: (table, column). */
const BINARY_COLUMNS = {
  sqlite: `SELECT m.name AS table_name, c.name AS column_name FROM sqlite_schema m, pragma_table_info(m.name) c
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'vault_keys' AND (upper(c.type) LIKE '%BLOB%' OR c.type = '')`,
  postgres: `SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type = 'bytea' AND table_name <> 'vault_keys'`,
} as const;

async function countLeftovers(tx: Queryable, keyId: string): Promise<number> {
  const prefix = sealedPrefix(keyId);
  let leftovers = 0;
  for (const { table_name: name, column_name: col } of await tx.all<{ table_name: string; column_name: string }>(sqlFor(tx, BINARY_COLUMNS))) {
    if (!IDENT.test(name) || !IDENT.test(col)) continue;
    const test = sqlFor(tx, { sqlite: `typeof(${col}) = 'blob' AND substr(${col}, 1, ?) = ?`, postgres: `substr(${col}, 1, ?) = ?` });
    const row = await tx.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name} WHERE ${test}`, [prefix.length, prefix]);
    leftovers += row?.n ?? 0;
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
  store: Queryable,
  vault: Vault,
  provider: KeyProvider,
  columns: readonly SealedColumn[],
  inTransaction: (tx: Queryable, rotated: DataKeyRotated) => Promise<void> = async () => {},
): Promise<DataKeyRotated> {
  const state = vaultState(vault);
  const key = newKey();
  const id = newKeyId();
  const wrapped = await provider.wrap(key);
  // Read the key state only after the await: from here to the end nothing else runs, so two
  // rotations one after the other each retire exactly the keys that were live when they began.
  const previousActive = state.activeId;
  const oldIds = [...state.dataKeys.keys()];
  let resealed: number;
  state.dataKeys.set(id, key);
  state.activeId = id;
  try {
    // The port may rerun this function (busy, serialization failure): it counts from zero each time.
    resealed = await store.transaction(
      async (tx) => {
        let n = 0;
        await tx.exec('INSERT INTO vault_keys (id, purpose, wrapped, provider, created_at) VALUES (?, ?, ?, ?, ?)', [id, 'data', wrapped, provider.description, new Date().toISOString()]);
        for (const c of columns) {
          const table = ident(c.table);
          const idCol = ident(c.idColumn);
          const col = ident(c.column);
          const rows = await tx.all<{ id: string | number; sealed: Uint8Array }>(`SELECT ${idCol} AS id, ${col} AS sealed FROM ${table} WHERE ${col} IS NOT NULL`);
          for (const row of rows) {
            if (sealedKeyId(row.sealed) === id) continue;
            const aad = c.aad(String(row.id));
            await tx.exec(`UPDATE ${table} SET ${col} = ? WHERE ${idCol} = ?`, [vault.seal(vault.open(row.sealed, aad), aad), row.id]);
            n++;
          }
        }
        for (const oldId of oldIds) {
          if ((await countLeftovers(tx, oldId)) > 0) throw new Error('Some sealed values are not covered by the rotation; nothing was changed.');
          await tx.exec("DELETE FROM vault_keys WHERE id = ? AND purpose = 'data'", [oldId]);
        }
        await inTransaction(tx, { previousKeyId: previousActive, keyId: id, resealed: n });
        return n;
      },
      { serializeOn: 'audit' },
    );
  } catch (error) {
    state.dataKeys.delete(id);
    state.activeId = previousActive;
    throw error;
  }
  for (const oldId of oldIds) state.dataKeys.delete(oldId);
  return { previousKeyId: previousActive, keyId: id, resealed };
}
