/**
 * How the shell runs: the real kiosk, or the e2e test mode. Test mode exists so the
 * Playwright Electron spec can use a throw-away data directory and a key file instead
 * of the OS keychain. It is only honoured when the app is NOT packaged, so a shipped
 * kiosk ignores these variables whatever the environment says.
 */
import { isAbsolute } from 'node:path';

export type RunMode =
  | { readonly kind: 'production' }
  /** dataDir holds the database, the key file and Chromium's own profile (userData). */
  | { readonly kind: 'test'; readonly dataDir: string };

export const TEST_MODE_ENV = 'KIOSK_TEST_MODE';
export const DATA_DIR_ENV = 'KIOSK_DATA_DIR';

export function resolveRunMode(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): RunMode {
  if (isPackaged || env[TEST_MODE_ENV] !== '1') return { kind: 'production' };
  const dataDir = env[DATA_DIR_ENV];
  // A relative or missing directory in test mode is a mistake; running against the real
  // userData would mix test data into a kiosk's records, so refuse loudly instead.
  if (dataDir === undefined || !isAbsolute(dataDir)) throw new Error(`${TEST_MODE_ENV}=1 needs ${DATA_DIR_ENV} set to an absolute directory.`);
  return { kind: 'test', dataDir };
}
