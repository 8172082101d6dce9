/**
 * Concurrency: `writers` processes x `perWriter` intakes on ONE PostgreSQL database, each process
 * a real app core calling intake:submit through its handler table (bench/writer-child.ts), all
 * started together once every core is up. Then the same total on SQLite through one process
 * (`writers` submit loops in one core: SQLite has one writer). For each: throughput, submit
 * time per intake, lost (acknowledged but not in the database afterwards) and errors (non-ok
 * answers). The database is prepared first by one core (migrations, data key, signing identity),
 * so the writers only start, as kiosks on an installed clinic server would.
 *
 *   node bench/writers.ts [--writers=8] [--per-writer=500]
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { SQLITE_FILE, type StoreConfig } from '../core/db/open-store.ts';
import { benchCallContext } from './core-env.ts';
import { writeIntakes } from './intake-writer.ts';
import { startBenchPostgres } from './pg-env.ts';
import { parseWriterLine, tallyWriters, type WriterLine, type WriterTally } from './writer-tally.ts';

const CHILD = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
const ORIGIN = 'http://bench.invalid';

export interface WritersBenchOptions {
  readonly writers: number;
  readonly perWriter: number;
  readonly log?: (line: string) => void;
}

export interface WritersBenchResult {
  readonly writers: number;
  readonly perWriter: number;
  /** Null when PostgreSQL is not installed (the reason in `postgresMissing`). */
  readonly postgres: WriterTally | null;
  readonly postgresMissing?: string;
  readonly sqlite: WriterTally;
}

async function storedIds(dataDir: string, keyFile: string, database: StoreConfig): Promise<Set<string>> {
  const core = await createCore({ dataDir, database, keyProvider: createKeyFileProvider(keyFile), allowedOrigins: [ORIGIN] });
  try {
    return new Set((await core.deps.store.all<{ id: string }>('SELECT id FROM submissions')).map((r) => r.id));
  } finally {
    await core.close();
  }
}

function startWriter(args: readonly string[], lines: WriterLine[], log: (line: string) => void) {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') markReady();
    else if (line !== 'done') lines.push(parseWriterLine(line));
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0) log(`  a writer exited with ${code}: ${stderr.split('\n').filter((l) => /error|code/i.test(l)).slice(0, 6).join(' | ')}`);
      markReady();
      resolve(code);
    }),
  );
  return { ready, exited, go: () => child.stdin.end('go\n') };
}

async function onPostgres(url: string, options: WritersBenchOptions, root: string): Promise<WriterTally> {
  const log = options.log ?? (() => {});
  const keyFile = join(root, 'data-key.bin');
  const database: StoreConfig = { engine: 'postgres', url };
  const setup = await createCore({ dataDir: join(root, 'setup'), database, keyProvider: createKeyFileProvider(keyFile), allowedOrigins: [ORIGIN] });
  await setup.deps.signingIdentity();
  await setup.close();
  const lines: WriterLine[] = [];
  const writers = Array.from({ length: options.writers }, (_, w) => startWriter([join(root, `writer-${w}`), keyFile, url, String(options.perWriter), `w${w}`], lines, log));
  await Promise.all(writers.map((w) => w.ready));
  log(`  postgres: ${options.writers} writer cores up, go`);
  const t0 = performance.now();
  for (const w of writers) w.go();
  await Promise.all(writers.map((w) => w.exited));
  const wallMs = performance.now() - t0;
  return tallyWriters({ attempted: options.writers * options.perWriter, lines, stored: await storedIds(join(root, 'check'), keyFile, database), wallMs });
}

async function onSqlite(options: WritersBenchOptions, root: string): Promise<WriterTally> {
  const keyFile = join(root, 'data-key.bin');
  const dataDir = join(root, 'sqlite');
  const core = await createCore({ dataDir, keyProvider: createKeyFileProvider(keyFile), allowedOrigins: [ORIGIN] });
  const lines: WriterLine[] = [];
  let wallMs: number;
  try {
    await core.fontsReady;
    await core.deps.signingIdentity();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: options.writers }, (_, w) => writeIntakes(core, benchCallContext(ORIGIN, `writer-${w}`), options.perWriter, `s${w}`, (line) => lines.push(parseWriterLine(line)))));
    wallMs = performance.now() - t0;
  } finally {
    await core.close();
  }
  return tallyWriters({ attempted: options.writers * options.perWriter, lines, stored: await storedIds(dataDir, keyFile, { engine: 'sqlite', file: join(dataDir, SQLITE_FILE) }), wallMs });
}

export async function runWritersBench(options: WritersBenchOptions): Promise<WritersBenchResult> {
  const log = options.log ?? (() => {});
  const root = await mkdtemp(join(tmpdir(), 'kiosk-bench-writers-'));
  try {
    const pg = await startBenchPostgres();
    let postgres: WriterTally | null = null;
    let postgresMissing: string | undefined;
    if ('missing' in pg) postgresMissing = pg.missing;
    else {
      try {
        log(`  postgres: ${options.writers} writer processes x ${options.perWriter} intakes`);
        postgres = await onPostgres(await pg.createDatabase('bench_writers'), options, root);
      } finally {
        pg.stop();
      }
    }
    log(`  sqlite: the same ${options.writers * options.perWriter} intakes through one process`);
    const sqlite = await onSqlite(options, root);
    return { writers: options.writers, perWriter: options.perWriter, postgres, ...(postgresMissing ? { postgresMissing } : {}), sqlite };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { writers: { type: 'string', default: '8' }, 'per-writer': { type: 'string', default: '500' } } });
  const r = await runWritersBench({ writers: Number(values.writers), perWriter: Number(values['per-writer']), log: console.error });
  console.log(JSON.stringify(r, null, 2));
}
