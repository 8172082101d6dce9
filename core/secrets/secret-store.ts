/**
 * Small named secrets (the signing key's PKCS#12 and its passphrase) kept in the
 * database, sealed by the vault like health data.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Vault } from '../crypto/vault.ts';
import type { Migration } from '../db/database.ts';
import type { SecretStore } from '../signing/identity.ts';
import type { SealedColumn } from '../crypto/rotation.ts';

/** Each secret is sealed with its name as AAD, so sealed values cannot be swapped between names. */
const secretAad = (name: string) => `secret:${name}`;

/** The sealed column of this table, for a full data-key rotation (crypto/sealed-columns.ts). */
export const secretSealedColumns: readonly SealedColumn[] = [{ table: 'secrets', idColumn: 'name', column: 'sealed', aad: secretAad }];

export const secretMigrations: readonly Migration[] = [
  {
    id: 'secrets-001',
    sql: `CREATE TABLE secrets (
      name TEXT PRIMARY KEY,
      sealed BLOB NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;`,
  },
];

export function createVaultSecretStore(db: DatabaseSync, vault: Vault): SecretStore {
  const select = db.prepare('SELECT sealed FROM secrets WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  return {
    get(name) {
      const row = select.get(name) as { sealed: Uint8Array } | undefined;
      return row ? vault.open(row.sealed, secretAad(name)) : null;
    },
    put(name, value) {
      upsert.run(name, vault.seal(value, secretAad(name)), new Date().toISOString());
    },
  };
}
