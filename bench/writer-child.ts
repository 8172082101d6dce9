/**
 * A writer process of the concurrency bench: a real app core on the PostgreSQL database given,
 * `ready` once started, then on `go` (stdin) `count` intakes through intake:submit, printing each
 * answer (see intake-writer.ts), then `done`.
 *
 *   node bench/writer-child.ts <dataDir> <keyFile> <postgresUrl> <count> <prefix>
 */
import { writeSync } from 'node:fs';
import { once } from 'node:events';
import { createCore } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { benchCallContext } from './core-env.ts';
import { writeIntakes } from './intake-writer.ts';

const [dataDir, keyFile, url, count, prefix] = process.argv.slice(2);
if (!dataDir || !keyFile || !url || !count || !prefix) throw new Error('usage: writer-child.ts <dataDir> <keyFile> <postgresUrl> <count> <prefix>');
const ORIGIN = 'http://bench.invalid';
// Eight cores starting at once on a busy 2-core machine: the first connection can take longer than
// the pool's default 5 s connect timeout, and the core would refuse to start ("cannot be reached").
// The bench measures intakes, not start-up, so the writers wait longer for their first connection.
const storeOptions = { postgres: { connectTimeoutMs: 60_000 } };
const core = await createCore({ dataDir, database: { engine: 'postgres', url }, storeOptions, keyProvider: createKeyFileProvider(keyFile), allowedOrigins: [ORIGIN] });
await core.fontsReady;
await core.deps.signingIdentity(); // read once now, as a started kiosk has
writeSync(1, 'ready\n');
process.stdin.setEncoding('utf8');
await once(process.stdin, 'data');
await writeIntakes(core, benchCallContext(ORIGIN, `writer-${prefix}`), Number(count), prefix, (line) => writeSync(1, `${line}\n`));
writeSync(1, 'done\n');
await core.close();
process.exit(0);
