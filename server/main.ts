/**
 * `npm run serve`: the clinic server. Opens the app core headless (a key file in the data
 * folder wraps the data key, see docs/CLINIC-NETWORK.md for what that means for backups), then
 * serves it over HTTPS (server/start.ts). Configuration comes from the environment
 * (server/config.ts). While no device is paired, it prints a first pairing code on stderr
 * (core/devices/first-pairing.ts). SIGTERM/SIGINT close the server, then the core (last audit checkpoint).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { ConfigError, SERVER_KEY_FILE, serverConfigFromEnv } from './config.ts';
import { createServerLog } from './log.ts';
import { createOriginList } from './origins.ts';
import { startClinicServer } from './start.ts';
import { storeConfigFromEnv } from '../core/db/open-store.ts';

const WEB_ROOT = fileURLToPath(new URL('../dist/renderer', import.meta.url));

async function main(): Promise<void> {
  const log = createServerLog();
  const config = serverConfigFromEnv();
  // KIOSK_DATABASE_URL=postgres://... is the clinic's PostgreSQL; absent, an SQLite file in the data folder.
  const database = storeConfigFromEnv(process.env, config.dataDir);
  const origins = createOriginList();
  origins.set(config.names, config.publicPort);
  const core = await createCore({
    dataDir: config.dataDir,
    database,
    keyProvider: createKeyFileProvider(join(config.dataDir, SERVER_KEY_FILE)),
    allowedOrigins: origins.list,
    // Channel and code only: never the payload or the error's text.
    onError: (channel, code) => log.warn('call.failed', { channel, code }),
  });
  const server = await startClinicServer({
    config,
    core,
    origins,
    webRoot: WEB_ROOT,
    log,
    // A line for the person at the server (journald keeps it too), apart from the JSON log on stdout.
    announceFirstPairing: (line) => process.stderr.write(`${line}\n`),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A sentence for the person starting it; a stack trace only for errors we did not foresee.
  if (error instanceof ConfigError || (error instanceof Error && ['DatabaseConfigError', 'SchemaTooNewError', 'SchemaNotMigratedError', 'DatabaseUnavailableError', 'DataDirInUseError'].includes(error.name))) {
    process.stderr.write(`clinic server: ${error.message}\n`);
  } else {
    process.stderr.write(`clinic server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
