/**
 * Data-key rotation (see docs/KEYS.md), the admin's `admin:rotateDataKey`: a new data key
 * is made, every sealed value in the listed columns is re-encrypted under it, the old data
 * key is deleted. One transaction: a crash leaves either the old state or the new one.
 * Before deleting the old key it scans every BLOB column of every table for a value still
 * sealed under it and refuses (rolling back) if it finds one, so a column missing from the
 * list cannot become unreadable. (Re-wrapping on the OS's request is openVault's job.)
 *
 * Nothing in memory changes until that transaction committed: the port may rerun it, and it may
 * fail. Writers seal with `vault.sealerIn(tx)`, which reads the newest stored data key inside
 * their own transaction, so they never seal under the uncommitted key, and a write either
 * commits before the rotation (which re-seals it) or after it (sealed under the new key).
 */
import type { KeyProvider } from '../ports.ts';
import { sqlFor, type Queryable } from '../db/port.ts';
import { keyOfRow, newKey, newKeyId, openWith, sealedKeyId, sealedPrefix, sealerFor, selectDataKeys, vaultState, type Vault } from './vault.ts';

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

/** The new key's place in vault_keys' insertion order, as its own transaction sees it. */
const NEW_KEY_SEQ = { sqlite: 'SELECT rowid AS seq FROM vault_keys WHERE id = ?', postgres: 'SELECT seq FROM vault_keys WHERE id = ?' } as const;

/**
 * Replaces the data key: re-encrypts every value in `columns` under a new key, then deletes
 * the old data key(s). Throws and changes nothing if any value fails to open or any value
 * sealed under an old key would be left behind. `inTransaction` runs inside the same
 * transaction once everything is re-sealed (the audit entry), so neither commits alone.
 * The vault seals with the new key only once the transaction committed.
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
  const sealer = sealerFor(id, key);
  // The port may rerun this function (busy, serialization failure): everything it works with is
  // local or read from `tx`, so each attempt starts from what is stored, never from memory.
  const done = await store.transaction(
    async (tx) => {
      // The keys live when this transaction began (another rotation, here or in another process,
      // may have replaced the ones this process opened with): every one of them is retired.
      const live = await selectDataKeys(tx);
      const newest = live.at(-1);
      if (!newest) throw new Error('The key store is incomplete.');
      const keys = new Map<string, Uint8Array>();
      for (const row of live) keys.set(row.id, await keyOfRow(state, row));
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
          await tx.exec(`UPDATE ${table} SET ${col} = ? WHERE ${idCol} = ?`, [sealer.seal(openWith(keys, row.sealed, aad), aad), row.id]);
          n++;
        }
      }
      for (const old of live) {
        if ((await countLeftovers(tx, old.id)) > 0) throw new Error('Some sealed values are not covered by the rotation; nothing was changed.');
        await tx.exec("DELETE FROM vault_keys WHERE id = ? AND purpose = 'data'", [old.id]);
      }
      const rotated: DataKeyRotated = { previousKeyId: newest.id, keyId: id, resealed: n };
      await inTransaction(tx, rotated);
      const seq = await tx.one<{ seq: number }>(sqlFor(tx, NEW_KEY_SEQ), [id]);
      return { rotated, seq: Number(seq?.seq) };
    },
    { serializeOn: 'audit' },
  );
  // Committed: from here on this process seals with the new key (sealerIn reads it from the
  // database anyway). Retired keys stay in memory for opening only, so a value read just before
  // the commit still opens; they are gone from the database and from every later start.
  // Two rotations here finish in their commit order, so the later one's key stays the active one.
  state.dataKeys.set(id, key);
  if (done.seq > state.activeSeq) {
    state.activeId = id;
    state.activeSeq = done.seq;
  }
  return done.rotated;
}
