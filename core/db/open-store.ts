/**
 * Which store the core runs on, from configuration: KIOSK_DATABASE_URL=postgres://... is the
 * clinic-wide PostgreSQL store; absent, the kiosk's own SQLite file in its data folder.
 * Opening also migrates, under the engine's lock, and refuses a schema newer than the code.
 */
import { join } from 'node:path';
import type { Store } from './port.ts';
import type { DialectMigration } from './migrate.ts';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
import { openPostgresStore, type PostgresStoreOptions } from './postgres-store.ts';
import { parseDatabaseUrl } from './database-url.ts';
import { DatabaseConfigError } from './errors.ts';
import { assertNever } from '../../forms/engine/ids.ts';

export type StoreConfig =
  | { readonly engine: 'sqlite'; readonly file: string }
  /** `migrateUrl`: the owner role, used only to migrate at start; `url`: the app's role (docs/DEPLOYMENT.md). */
  | { readonly engine: 'postgres'; readonly url: string; readonly migrateUrl?: string };

/** The SQLite file name inside the data folder (the same as core/create-core.ts DATABASE_FILE). */
export const SQLITE_FILE = 'kiosk.db';

/** Reads KIOSK_DATABASE_URL and KIOSK_DATABASE_MIGRATE_URL; validates them now so a typo fails at start with a named problem. */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>, dataDir: string): StoreConfig {
  const url = env['KIOSK_DATABASE_URL']?.trim();
  const migrateUrl = env['KIOSK_DATABASE_MIGRATE_URL']?.trim();
  if (!url) {
    if (migrateUrl) throw new DatabaseConfigError('KIOSK_DATABASE_MIGRATE_URL is set without KIOSK_DATABASE_URL; set both, or neither for the kiosk\'s own SQLite store.');
    return { engine: 'sqlite', file: join(dataDir, SQLITE_FILE) };
  }
  parseDatabaseUrl(url);
  if (migrateUrl) parseDatabaseUrl(migrateUrl);
  return migrateUrl ? { engine: 'postgres', url, migrateUrl } : { engine: 'postgres', url };
}

export interface OpenStoreOptions {
  readonly sqlite?: SqliteStoreOptions;
  readonly postgres?: PostgresStoreOptions;
}

/** Opens the configured store with `migrations` applied (or checked, for an app role that may not migrate). */
export async function openStore(config: StoreConfig, migrations: readonly DialectMigration[], options: OpenStoreOptions = {}): Promise<Store> {
  switch (config.engine) {
    case 'sqlite': {
      const store = await openSqliteStore(config.file, options.sqlite);
      return migrateOrClose(store, migrations);
    }
    case 'postgres': {
      if (config.migrateUrl) {
        const owner = await openPostgresStore(config.migrateUrl, { ...options.postgres, poolSize: 1 });
        try {
          await owner.migrate(migrations);
        } finally {
          await owner.close();
        }
      }
      return migrateOrClose(await openPostgresStore(config.url, options.postgres), migrations);
    }
    default:
      return assertNever(config, 'store engine');
  }
}

async function migrateOrClose<S extends Store & { migrate(m: readonly DialectMigration[]): Promise<unknown> }>(store: S, migrations: readonly DialectMigration[]): Promise<S> {
  try {
    await store.migrate(migrations);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
