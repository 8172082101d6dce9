/**
 * Envelope encryption for health data. A random 256-bit data key seals every sensitive
 * column with AES-256-GCM; the data key is stored only wrapped by the KeyProvider
 * (safeStorage in the app, a key file in tests). A second random key, the index key,
 * makes keyed blind-index tokens (HMAC-SHA256) so names can be searched without
 * decrypting every row.
 *
 * Sealed value layout: version (1 byte = 1) | data key id (4 bytes) | nonce | ciphertext | tag.
 * The key id lets rotation re-encrypt row by row and lets open() pick the right key.
 * The AAD names the table, row id and column, so a ciphertext moved to another row or
 * column fails authentication instead of decrypting as the wrong client's data.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyProvider } from '../ports.ts';
import { sqlFor, type Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
import { aesGcmOpen, aesGcmSeal, KEY_BYTES } from './aead.ts';

/** Seals values with one data key: the newest one committed when the sealer was made. */
export interface Sealer {
  /** Id of the data key this sealer seals with (not secret). */
  readonly keyId: string;
  seal(plain: Uint8Array | string, aad: string): Uint8Array;
}

export interface Vault {
  /**
   * A sealer for values written in the write transaction `tx`: it seals under the newest data key
   * the database holds as `tx` sees it, so a value is never sealed under a key that is not stored,
   * and a data-key rotation either runs before the write (which then seals under the new key) or
   * after it (and re-seals what it wrote): SQLite has one writer, PostgreSQL's SERIALIZABLE orders
   * the two. Call it inside the transaction that stores the values, never before it.
   */
  sealerIn(tx: Queryable): Promise<Sealer>;
  /** Throws if the data was altered, moved to another row/column (AAD), or sealed under an unknown key. */
  open(sealed: Uint8Array, aad: string): Uint8Array;
  openText(sealed: Uint8Array, aad: string): string;
  /**
   * Runs `read` (which opens values); if it meets a data key this process has not loaded (another
   * process sharing the database rotated the key), loads the stored data keys and runs it again.
   */
  opening<T>(read: () => T): Promise<T>;
  /** Keyed, deterministic token for equality search (blind index); reveals nothing without the index key. */
  blindIndex(text: string): Uint8Array;
  /**
   * A 256-bit key for one purpose (`label`, e.g. 'kiosk:audit-mac:v1'), derived with HKDF-SHA256
   * from the index key: like every vault key it exists only where the key provider unwrapped it,
   * never in the database. The index key, not the data key, because data-key rotation replaces
   * the data key while MACs made with a derived key (the audit chain) must verify for years.
   */
  deriveKey(label: string): Uint8Array;
  /**
   * Id of the data key this process last saw become the newest: at open, or when its own rotation
   * committed (not secret). Writers do not rely on it: `sealerIn` reads the stored one.
   */
  readonly keyId: string;
}

export const vaultMigrations: readonly DialectMigration[] = [
  {
    id: 'vault-001',
    sqlite: `CREATE TABLE vault_keys (
      id TEXT PRIMARY KEY,
      purpose TEXT NOT NULL CHECK (purpose IN ('data', 'index')),
      wrapped BLOB NOT NULL,
      provider TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;`,
    // seq: insertion order (SQLite's rowid), so the newest data key is the active one.
    postgres: `CREATE TABLE vault_keys (
      seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
      id TEXT PRIMARY KEY,
      purpose TEXT NOT NULL CHECK (purpose IN ('data', 'index')),
      wrapped BYTEA NOT NULL,
      provider TEXT NOT NULL,
      created_at TEXT NOT NULL
    );`,
  },
];

/** The wrapped keys in insertion order (the newest data key seals new values); `seq` is that order. */
const selectKeys = (q: Queryable) =>
  q.all<KeyRow>(
    sqlFor(q, {
      sqlite: 'SELECT id, purpose, wrapped, rowid AS seq FROM vault_keys ORDER BY rowid',
      postgres: 'SELECT id, purpose, wrapped, seq FROM vault_keys ORDER BY seq',
    }),
  );

/** The data keys as `q` sees them, oldest first. */
export const selectDataKeys = (q: Queryable) =>
  q.all<KeyRow>(
    sqlFor(q, {
      sqlite: "SELECT id, purpose, wrapped, rowid AS seq FROM vault_keys WHERE purpose = 'data' ORDER BY rowid",
      postgres: "SELECT id, purpose, wrapped, seq FROM vault_keys WHERE purpose = 'data' ORDER BY seq",
    }),
  );

const selectNewestDataKey = (q: Queryable) =>
  q.one<KeyRow>(
    sqlFor(q, {
      sqlite: "SELECT id, purpose, wrapped, rowid AS seq FROM vault_keys WHERE purpose = 'data' ORDER BY rowid DESC LIMIT 1",
      postgres: "SELECT id, purpose, wrapped, seq FROM vault_keys WHERE purpose = 'data' ORDER BY seq DESC LIMIT 1",
    }),
  );

const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 4;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const BLIND_INDEX_BYTES = 16;

/**
 * Mutable key state behind a Vault; only rotation (rotation.ts) changes it, after its transaction
 * committed. `dataKeys` holds every data key this process has seen committed, retired ones too
 * (for opening only: a value read just before a rotation committed still opens); `activeId` is the
 * newest of them (`activeSeq`: its place in vault_keys' insertion order).
 */
export interface VaultState {
  readonly store: Queryable;
  readonly provider: KeyProvider;
  readonly dataKeys: Map<string, Uint8Array>;
  activeId: string;
  activeSeq: number;
  readonly indexKey: Uint8Array;
}

const states = new WeakMap<Vault, VaultState>();

/** For rotation.ts: the key state of a vault made by openVault. */
export function vaultState(vault: Vault): VaultState {
  const state = states.get(vault);
  if (!state) throw new Error('Not a vault made by openVault.');
  return state;
}

export function newKeyId(): string {
  return randomBytes(KEY_ID_BYTES).toString('hex');
}

export function newKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/** The key id a sealed value names, or null if it is not in the vault's format. */
export function sealedKeyId(sealed: Uint8Array): string | null {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_VERSION) return null;
  return Buffer.from(sealed.subarray(1, HEADER_BYTES)).toString('hex');
}

/** The 5-byte prefix every value sealed under `keyId` starts with (used to prove none is left after rotation). */
export function sealedPrefix(keyId: string): Uint8Array {
  return new Uint8Array([FORMAT_VERSION, ...Buffer.from(keyId, 'hex')]);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A sealer for one data key (rotation seals with its new key before it is committed, inside its own transaction). */
export function sealerFor(keyId: string, key: Uint8Array): Sealer {
  return {
    keyId,
    seal(plain, aad) {
      const bytes = typeof plain === 'string' ? encoder.encode(plain) : plain;
      const body = aesGcmSeal(key, bytes, encoder.encode(aad));
      const out = new Uint8Array(HEADER_BYTES + body.length);
      out.set(sealedPrefix(keyId), 0);
      out.set(body, HEADER_BYTES);
      return out;
    },
  };
}

/** A sealed value names a data key this process does not hold (or is not in the vault's format). */
export class UnknownDataKeyError extends Error {
  constructor() {
    super('Sealed data uses an unknown format or key.');
    this.name = 'UnknownDataKeyError';
  }
}

/** Opens `sealed` with whichever of `keys` sealed it. */
export function openWith(keys: ReadonlyMap<string, Uint8Array>, sealed: Uint8Array, aad: string): Uint8Array {
  const keyId = sealedKeyId(sealed);
  const key = keyId === null ? undefined : keys.get(keyId);
  if (!key) throw new UnknownDataKeyError();
  return aesGcmOpen(key, sealed.subarray(HEADER_BYTES), encoder.encode(aad));
}

/** Unwraps one stored key with the provider; the message names no key material. */
export async function unwrapStored(provider: KeyProvider, row: Pick<KeyRow, 'wrapped'>): Promise<{ key: Uint8Array; shouldRewrap: boolean }> {
  let unwrapped: { key: Uint8Array; shouldRewrap: boolean };
  try {
    unwrapped = await provider.unwrap(row.wrapped);
  } catch {
    throw new Error(`The stored data key could not be unlocked by ${provider.description}. Was the data copied from another machine or user?`);
  }
  if (unwrapped.key.length !== KEY_BYTES) throw new Error('A stored key has the wrong length.');
  return unwrapped;
}

/**
 * The key of a data-key row `tx` read. A key this process does not hold yet (another process
 * rotated, or this process's rotation committed a moment ago) is unwrapped from the row. Such a
 * row is committed (only a rotation's own transaction sees its uncommitted key, and it does not
 * ask here), so keeping the key for opening changes nothing a rerun could undo.
 */
export async function keyOfRow(state: VaultState, row: Pick<KeyRow, 'id' | 'wrapped'>): Promise<Uint8Array> {
  const known = state.dataKeys.get(row.id);
  if (known) return known;
  const { key } = await unwrapStored(state.provider, row);
  state.dataKeys.set(row.id, key);
  return key;
}

function makeVault(state: VaultState): Vault {
  const vault: Vault = {
    async sealerIn(tx) {
      const row = await selectNewestDataKey(tx);
      if (!row) throw new Error('The key store is incomplete.');
      return sealerFor(row.id, await keyOfRow(state, row));
    },
    open(sealed, aad) {
      return openWith(state.dataKeys, sealed, aad);
    },
    openText(sealed, aad) {
      return decoder.decode(vault.open(sealed, aad));
    },
    async opening(read) {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof UnknownDataKeyError)) throw error;
        for (const row of await selectDataKeys(state.store)) await keyOfRow(state, row);
        return read();
      }
    },
    blindIndex(text) {
      return new Uint8Array(createHmac('sha256', state.indexKey).update(text, 'utf8').digest().subarray(0, BLIND_INDEX_BYTES));
    },
    deriveKey(label) {
      if (label.length === 0) throw new Error('A derived key needs a label.');
      return new Uint8Array(hkdfSync('sha256', state.indexKey, new Uint8Array(0), label, KEY_BYTES));
    },
    get keyId() {
      return state.activeId;
    },
  };
  states.set(vault, state);
  return vault;
}

export type KeyRow = {
  readonly id: string;
  readonly purpose: 'data' | 'index';
  readonly wrapped: Uint8Array;
  /** Insertion order: SQLite's rowid, PostgreSQL's identity column. */
  readonly seq: number;
};

/**
 * Opens the vault stored in `store` (its table comes from `vaultMigrations`, applied with the
 * other domains' by createCore), creating, wrapping and storing a fresh data key and index
 * key on first run. Throws (without key material in the message) if the provider cannot
 * unwrap the stored keys: e.g. the database was copied to another machine or user.
 */
export async function openVault(store: Queryable, keyProvider: KeyProvider): Promise<Vault> {
  let rows = await selectKeys(store);
  if (rows.length === 0) {
    const now = new Date().toISOString();
    const fresh = [
      { id: newKeyId(), purpose: 'data' as const, wrapped: await keyProvider.wrap(newKey()) },
      { id: newKeyId(), purpose: 'index' as const, wrapped: await keyProvider.wrap(newKey()) },
    ];
    // Re-check inside the transaction: another opener may have raced us; theirs wins.
    await store.transaction(async (tx) => {
      const count = await tx.one<{ n: number }>('SELECT COUNT(*) AS n FROM vault_keys');
      if ((count?.n ?? 0) > 0) return;
      for (const k of fresh) {
        await tx.exec('INSERT INTO vault_keys (id, purpose, wrapped, provider, created_at) VALUES (?, ?, ?, ?, ?)', [k.id, k.purpose, k.wrapped, keyProvider.description, now]);
      }
    });
    rows = await selectKeys(store);
  }
  const dataKeys = new Map<string, Uint8Array>();
  let active: KeyRow | undefined;
  let indexKey: Uint8Array | undefined;
  const stale: { id: string; key: Uint8Array }[] = [];
  for (const row of rows) {
    const { key, shouldRewrap } = await unwrapStored(keyProvider, row);
    if (shouldRewrap) stale.push({ id: row.id, key });
    if (row.purpose === 'index') indexKey = key;
    else {
      dataKeys.set(row.id, key);
      active = row; // insertion order: the newest data key seals new values
    }
  }
  if (!active || !indexKey) throw new Error('The key store is incomplete.');
  if (stale.length > 0) await rewrapStale(store, keyProvider, stale);
  return makeVault({ store, provider: keyProvider, dataKeys, activeId: active.id, activeSeq: Number(active.seq), indexKey });
}

/**
 * Replaces wrapped keys the provider asked to have re-wrapped (the OS rotated its own key):
 * wrapped again with the current OS key and stored in one transaction. The key itself is
 * unchanged, so every sealed value still opens.
 */
async function rewrapStale(store: Queryable, keyProvider: KeyProvider, stale: readonly { id: string; key: Uint8Array }[]): Promise<void> {
  const fresh = await Promise.all(stale.map(async (s) => ({ id: s.id, wrapped: await keyProvider.wrap(s.key) })));
  await store.transaction(async (tx) => {
    for (const f of fresh) await tx.exec('UPDATE vault_keys SET wrapped = ?, provider = ? WHERE id = ?', [f.wrapped, keyProvider.description, f.id]);
  });
}
