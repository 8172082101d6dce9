/**
 * Shared set-up for the data layer's tests: a temp data dir, the store (SQLite through the
 * port) with the app core's migrations, the vault on a key file, a second raw connection for
 * tampering and inspection, and a sample submission.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Answers, Flag } from '../../forms/engine/index.ts';
import type { Clock } from '../ports.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { Queryable } from '../db/port.ts';
import { openSqliteStore, type SqliteStore } from '../db/sqlite-store.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openVault, type Vault } from '../crypto/vault.ts';
import type { NewSubmission } from '../submissions/repository.ts';
import { CORE_MIGRATIONS } from '../migrations.ts';

/** Every schema step of the app core (the data layer's tests use the whole schema). */
export const DATA_LAYER_MIGRATIONS: readonly DialectMigration[] = CORE_MIGRATIONS;

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start = '2025-03-10T09:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export function tempDir(prefix = 'kiosk-data-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestStore {
  readonly dir: string;
  readonly dbFile: string;
  readonly keyFile: string;
  /** The port over the file: what repositories are given. */
  readonly store: SqliteStore;
  /** A second, raw connection to the same file: for tests that tamper with or inspect rows. */
  readonly db: DatabaseSync;
  readonly vault: Vault;
  close(): Promise<void>;
}

/** A raw node:sqlite connection (tests only: inspection and tampering behind the repositories' back). */
export function rawConnection(file: string): DatabaseSync {
  return new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5_000 });
}

export async function openTestStore(dir: string, migrations: readonly DialectMigration[] = DATA_LAYER_MIGRATIONS): Promise<TestStore> {
  const dbFile = join(dir, 'kiosk.db');
  const keyFile = join(dir, 'test-data-key.bin');
  const store = await openSqliteStore(dbFile);
  await store.migrate(migrations);
  const db = rawConnection(dbFile);
  const vault = await openVault(store, createKeyFileProvider(keyFile));
  return {
    dir,
    dbFile,
    keyFile,
    store,
    db,
    vault,
    close: async () => {
      if (db.isOpen) db.close();
      await store.close();
    },
  };
}

// The engine's Flag carries more fields (title, guidance, triggers); the store treats flags
// as opaque JSON apart from `severity`, so a minimal shape is enough here.
export function flag(severity: 'stop' | 'clearance' | 'modify' | 'info', title: string): Flag {
  return { id: `rule-${title}`, severity, title: { en: title }, guidance: { en: `${title} guidance` }, triggeredBy: [] } as unknown as Flag;
}

export function sampleSubmission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  const pdf = new TextEncoder().encode(`%PDF-1.7 sample ${overrides.clientName ?? 'Ada Lovelace'}`);
  return {
    id: randomUUID(),
    createdAt: '2025-03-10T09:00:00.000Z',
    startedAt: '2025-03-10T08:55:00.000Z',
    formId: 'back-pain-intake',
    formVersion: 3,
    language: 'en',
    clientName: 'Ada Lovelace',
    dateOfBirth: '1815-12-10',
    answers: { full_name: 'Ada Lovelace', pain_level: 7, regions: ['lower_back'], notes: 'twinge when lifting' } satisfies Answers,
    flags: [flag('modify', 'osteoporosis'), flag('info', 'sciatica')],
    pdf,
    pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    signedAt: '2025-03-10T09:00:01.000Z',
    ...overrides,
  };
}

/** Number of rows in `table`, through the port (both engines): tests and the fuzz harness prove nothing was written. */
export async function rowCount(store: Queryable, table: string): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error('Invalid table name.');
  return (await store.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
}

/** A SQLite store on `file` with every core migration applied (tests of one repository). */
export async function openMigratedStore(file: string): Promise<SqliteStore> {
  const store = await openSqliteStore(file);
  await store.migrate(CORE_MIGRATIONS);
  return store;
}

/**
 * A vault on a repository test's own store (either engine; migrate it with `vaultMigrations` among
 * its tables), its key wrapped in a key file in `dir`: writers seal under the data key stored
 * beside their data.
 */
export async function openTestVault(store: Queryable, dir: string): Promise<Vault> {
  return openVault(store, createKeyFileProvider(join(dir, 'key.bin')));
}
