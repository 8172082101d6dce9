/**
 * What a kiosk keeps of its pairing with the clinic server (one row): the server's address,
 * the clinic CA it trusts for it, its device id and name, when it paired, and its device
 * credential SEALED by the vault (AAD kiosk_pairing:<singleton>:credential) under the data key.
 * The data key itself is wrapped by the host's key provider (Electron: safeStorage, the OS
 * keychain), so "the credential is kept by safeStorage" in the sense that nothing on disk opens
 * it without the OS user's keychain. Covered by data-key rotation (crypto/sealed-columns.ts).
 *
 * On the storage port (`deps.store`), both engines, migration `kiosk-pairing-001`.
 */
import type { SealedColumn } from '../crypto/rotation.ts';
import type { Vault } from '../crypto/vault.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { Queryable } from '../db/port.ts';

export const kioskPairingMigrations: readonly DialectMigration[] = [
  {
    id: 'kiosk-pairing-001',
    sqlite: `CREATE TABLE kiosk_pairing (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      server_url TEXT NOT NULL,
      ca_pem TEXT NOT NULL,
      device_id TEXT NOT NULL,
      device_name TEXT NOT NULL,
      paired_at TEXT NOT NULL,
      credential BLOB NOT NULL
    ) STRICT;`,
    postgres: `CREATE TABLE kiosk_pairing (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      server_url TEXT NOT NULL,
      ca_pem TEXT NOT NULL,
      device_id TEXT NOT NULL,
      device_name TEXT NOT NULL,
      paired_at TEXT NOT NULL,
      credential BYTEA NOT NULL
    );`,
  },
];

const aadOf = (rowId: string) => `kiosk_pairing:${rowId}:credential`;

export const kioskPairingSealedColumns: readonly SealedColumn[] = [{ table: 'kiosk_pairing', idColumn: 'singleton', column: 'credential', aad: aadOf }];

export interface StoredPairing {
  readonly serverUrl: string;
  readonly caPem: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly pairedAt: string;
}

type Row = { server_url: string; ca_pem: string; device_id: string; device_name: string; paired_at: string; credential: Uint8Array };

export type PairingStore = ReturnType<typeof createPairingStore>;

export function createPairingStore(store: Queryable, vault: Pick<Vault, 'seal' | 'openText'>) {
  return {
    async get(): Promise<StoredPairing | null> {
      const row = await store.one<Row>('SELECT server_url, ca_pem, device_id, device_name, paired_at, credential FROM kiosk_pairing WHERE singleton = 1');
      return row ? { serverUrl: row.server_url, caPem: row.ca_pem, deviceId: row.device_id, deviceName: row.device_name, pairedAt: row.paired_at } : null;
    },

    /** The device credential, opened at the moment it is needed (each call to the server). */
    async credential(): Promise<string | null> {
      const row = await store.one<{ credential: Uint8Array }>('SELECT credential FROM kiosk_pairing WHERE singleton = 1');
      return row ? vault.openText(row.credential, aadOf('1')) : null;
    },

    /** Replaces any earlier pairing; on `tx` so the audit entry commits with it. */
    async save(tx: Queryable, pairing: StoredPairing & { readonly credential: string }): Promise<void> {
      await tx.exec(
        `INSERT INTO kiosk_pairing (singleton, server_url, ca_pem, device_id, device_name, paired_at, credential) VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(singleton) DO UPDATE SET server_url = excluded.server_url, ca_pem = excluded.ca_pem, device_id = excluded.device_id,
           device_name = excluded.device_name, paired_at = excluded.paired_at, credential = excluded.credential`,
        [pairing.serverUrl, pairing.caPem, pairing.deviceId, pairing.deviceName, pairing.pairedAt, vault.seal(pairing.credential, aadOf('1'))],
      );
    },

    async clear(tx: Queryable): Promise<boolean> {
      return (await tx.exec('DELETE FROM kiosk_pairing WHERE singleton = 1')) > 0;
    },
  };
}
