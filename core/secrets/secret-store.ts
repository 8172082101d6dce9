/**
 * Small named secrets (the signing key's PKCS#12 and its passphrase) kept in the
 * database, sealed by the vault like health data.
 */
import type { Queryable } from '../db/port.ts';
import type { Vault } from '../crypto/vault.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { SecretStore } from '../signing/identity.ts';
import type { SealedColumn } from '../crypto/rotation.ts';

/** Each secret is sealed with its name as AAD, so sealed values cannot be swapped between names. */
const secretAad = (name: string) => `secret:${name}`;

/** The sealed column of this table, for a full data-key rotation (crypto/sealed-columns.ts). */
export const secretSealedColumns: readonly SealedColumn[] = [{ table: 'secrets', idColumn: 'name', column: 'sealed', aad: secretAad }];

export const secretMigrations: readonly DialectMigration[] = [
  {
    id: 'secrets-001',
    sqlite: `CREATE TABLE secrets (
      name TEXT PRIMARY KEY,
      sealed BLOB NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;`,
    postgres: `CREATE TABLE secrets (
      name TEXT PRIMARY KEY,
      sealed BYTEA NOT NULL,
      updated_at TEXT NOT NULL
    );`,
  },
];

export function createVaultSecretStore(store: Queryable, vault: Vault): SecretStore {
  return {
    async get(name) {
      const row = await store.one<{ sealed: Uint8Array }>('SELECT sealed FROM secrets WHERE name = ?', [name]);
      return row ? vault.opening(() => vault.open(row.sealed, secretAad(name))) : null;
    },
    async put(name, value) {
      // A transaction of its own, so the value is sealed under the data key stored as it sees it.
      await store.transaction(async (tx) => {
        const sealer = await vault.sealerIn(tx);
        await tx.exec(
          `INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
          [name, sealer.seal(value, secretAad(name)), new Date().toISOString()],
        );
      });
    },
  };
}
