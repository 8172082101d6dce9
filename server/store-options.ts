/**
 * Which store the server's core runs on: core's own `storeConfigFromEnv` reads
 * KIOSK_DATABASE_URL (and validates it now, so a typo fails at start with a named problem).
 * The core of this version opens only its embedded SQLite file: a PostgreSQL URL is refused
 * with a sentence rather than ignored, so a clinic never believes it runs on PostgreSQL when it
 * does not. When CoreOptions takes the store, this is the one function that passes it on.
 */
import { storeConfigFromEnv, type StoreConfig } from '../core/db/open-store.ts';

export class StoreOptionsError extends Error {
  override readonly name = 'StoreOptionsError';
}

export function storeFromEnv(env: Readonly<Record<string, string | undefined>>, dataDir: string): StoreConfig {
  const config = storeConfigFromEnv(env, dataDir);
  if (config.engine === 'postgres') {
    throw new StoreOptionsError('KIOSK_DATABASE_URL is set, but this version of the clinic server stores data in its own SQLite file only. Unset KIOSK_DATABASE_URL, or upgrade to a version whose core opens PostgreSQL.');
  }
  return config;
}
