/**
 * The clinic network under load (issue 17): `kiosks` kiosk cores in network mode, each submitting
 * `perKiosk` intakes to a real clinic server process over HTTPS, while `tablets` paired browsers
 * with a staff session hold the live queue (SSE) open. Figures only; nothing here fails a build.
 *
 *   node bench/clinic-load.ts [--kiosks=10] [--per-kiosk=100] [--tablets=20] [--pace=2000|asap]
 *                             [--engine=auto|sqlite|postgres] [--no-reload]
 *
 * - Server: `node server/main.ts` as a child (bench/clinic-server-proc.ts), SQLite in its data
 *   folder or a throwaway PostgreSQL cluster (`auto`: PostgreSQL when installed). Before its first
 *   start the data folder is prepared as an installer's first run would: the clinic CA (what devices
 *   install) and one browser pairing code for the front-desk PC; everything else goes over HTTPS.
 * - Tablets (bench/clinic-tablets.ts): in this process, each from its own 127.0.0.N address.
 * - Kiosks (bench/clinic-kiosk-child.ts): one child process each, a real createCore in network
 *   mode, paired with a kiosk pairing code, forwarding through the HTTPS transport.
 * - pace: mean milliseconds between one kiosk's intakes (each gap uniform in 0.5-1.5 x, kiosks
 *   start at random offsets), or `asap` (each kiosk submits as fast as its core answers).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import type { StoreConfig } from '../core/db/open-store.ts';
import { loadClinicCa } from '../core/signing/clinic-ca.ts';
import { wallNow } from './clinic-https.ts';
import { startKiosk, type KioskProcess } from './clinic-kiosks.ts';
import { startServerProcess, type MemorySample } from './clinic-server-proc.ts';
import { loopback, openTablet, setUpClinic, type Tablet } from './clinic-tablets.ts';
import { tallyClinic, type AckRecord, type ClinicTally, type StoredRecord, type SubmitRecord } from './clinic-tally.ts';
import { startBenchPostgres, type BenchPostgres } from './pg-env.ts';
import { summarize, type Summary } from './stats.ts';

export type Engine = 'auto' | 'sqlite' | 'postgres';

export interface ClinicLoadOptions {
  readonly kiosks: number;
  readonly perKiosk: number;
  readonly tablets: number;
  /** Mean ms between one kiosk's intakes, or 'asap'. */
  readonly pace: number | 'asap';
  readonly engine: Engine;
  /** Tablets reload the queue on each event, as the web app does (default true). */
  readonly reload?: boolean;
  readonly sampleMs?: number;
  readonly log?: (line: string) => void;
}

export interface ClinicLoadFigures {
  readonly engine: 'sqlite' | 'postgres';
  readonly engineNote: string | null;
  readonly options: ClinicLoadOptions;
  readonly tally: ClinicTally;
  /** Stored (the server's audit time) -> the intake in a tablet's reloaded queue, every tablet (empty without reload). */
  readonly storedToListed: Summary;
  readonly reloadsDone: number;
  readonly reloadsFailed: Readonly<Record<string, number>>;
  /** Server memory: after the tablets connected (idle), peak during the load, after it. */
  readonly memory: { readonly idle: MemorySample; readonly peakRss: MemorySample; readonly peakHeap: MemorySample; readonly end: MemorySample; readonly samples: number };
  /** From the first submit to the last acknowledgement, ms. */
  readonly wallMs: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly failedCalls: Readonly<Record<string, number>>;
  /** Why each stream connection the server or the network ended during the run (the tablet reopened it). */
  readonly streamsEnded: readonly string[];
  /** Kiosks that died (most often: pairing refused three times), with the first error line; pairing attempts repeated. */
  readonly kioskFailures: readonly string[];
  readonly pairRetries: readonly string[];
  readonly loadAverage: { readonly start: number; readonly end: number };
}

const KEY_FILE = 'data-key.kek';
/** Kiosks pair from 127.0.0.101 on (tablets use 127.0.0.3 on, the front-desk PC 127.0.0.2). */
const KIOSK_ADDRESS_BASE = 100;
const ORIGIN = 'http://bench.invalid';

/** What an installer's first start leaves: the clinic CA (the download devices trust) and the first pairing code. */
async function prepareServerData(dataDir: string, database: StoreConfig | undefined): Promise<{ caPem: string; firstCode: string }> {
  const core = await createCore({ dataDir, ...(database ? { database } : {}), keyProvider: createKeyFileProvider(join(dataDir, KEY_FILE)), allowedOrigins: [ORIGIN] });
  try {
    const ca = await loadClinicCa({ secrets: core.deps.secrets, clock: core.deps.clock, clinicName: () => core.deps.settings.get().clinicName, onIdentityReplaced: core.deps.resetSigningIdentity });
    const { code } = await core.devices.createPairingCode({ staffId: 'installer' }, 'browser');
    return { caPem: ca.pem, firstCode: code };
  } finally {
    await core.close();
  }
}

/** Every submission on the server, with when the server stored it: its `submission.created` audit entry, written in the storing transaction. */
async function storedRows(dataDir: string, database: StoreConfig | undefined): Promise<StoredRecord[]> {
  const core = await createCore({ dataDir, ...(database ? { database } : {}), keyProvider: createKeyFileProvider(join(dataDir, KEY_FILE)), allowedOrigins: [ORIGIN] });
  try {
    const rows = await core.deps.store.all<{ id: string; at: string | null }>(
      `SELECT s.id AS id, a.at AS at FROM submissions s LEFT JOIN audit_log a ON a.subject_id = s.id AND a.action = 'submission.created'`,
    );
    return rows.map((r) => ({ id: r.id, at: r.at === null ? Number.NaN : Date.parse(r.at) }));
  } finally {
    await core.close();
  }
}

const count = <K extends string>(map: ReadonlyMap<K, number>) => Object.fromEntries(map) as Record<K, number>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function chooseEngine(engine: Engine): Promise<{ pg: BenchPostgres | null; note: string | null }> {
  if (engine === 'sqlite') return { pg: null, note: null };
  const pg = await startBenchPostgres();
  if ('missing' in pg) {
    if (engine === 'postgres') throw new Error(pg.missing);
    return { pg: null, note: `PostgreSQL not used: ${pg.missing}` };
  }
  return { pg, note: null };
}

export async function runClinicLoadBench(options: ClinicLoadOptions): Promise<ClinicLoadFigures> {
  const log = options.log ?? (() => {});
  const reload = options.reload ?? true;
  // One 127.0.0.N address per device: tablets 3-99, kiosks 101-254.
  if (options.tablets > 97 || options.kiosks > 154) throw new Error('At most 97 tablets and 154 kiosks (one loopback address each).');
  const loadStart = loadavg()[0] ?? Number.NaN;
  const root = await mkdtemp(join(tmpdir(), 'kiosk-bench-clinic-'));
  const { pg, note } = await chooseEngine(options.engine);
  const tablets: Tablet[] = [];
  const kiosks: KioskProcess[] = [];
  try {
    const dataDir = join(root, 'server');
    const database: StoreConfig | undefined = pg ? { engine: 'postgres', url: await pg.createDatabase('bench_clinic') } : undefined;
    const { caPem, firstCode } = await prepareServerData(dataDir, database);
    const caFile = join(root, 'clinic-ca.pem');
    await writeFile(caFile, caPem);
    log(`  clinic server (${database ? 'PostgreSQL' : 'SQLite'}) starting...`);
    const server = await startServerProcess({ dataDir, ...(database ? { databaseUrl: database.url } : {}), log });
    const samples: MemorySample[] = [];
    let sampler: NodeJS.Timeout | undefined;
    try {
      const clinic = await setUpClinic(server.origin, caPem, firstCode);
      for (let t = 0; t < options.tablets; t++) tablets.push(await openTablet(clinic, t + 2, reload));
      log(`  ${tablets.length} tablets signed in, live queue open`);
      for (let k = 0; k < options.kiosks; k++) {
        const spec = { index: k, dataDir: join(root, `kiosk-${k}`), origin: server.origin, caFile, code: await clinic.pairingCode('kiosk'), count: options.perKiosk, pace: options.pace };
        kiosks.push(startKiosk({ ...spec, localAddress: loopback(KIOSK_ADDRESS_BASE + k) }, log));
      }
      await Promise.all(kiosks.map((k) => k.ready));
      log(`  ${kiosks.length} kiosks paired and up`);
      const idle = await server.sampleMemory();
      sampler = setInterval(() => void server.sampleMemory().then((s) => samples.push(s)), options.sampleMs ?? 500);
      const t0 = wallNow();
      for (const k of kiosks) k.go();
      await Promise.all(kiosks.map((k) => k.exited));
      const submits: SubmitRecord[] = kiosks.flatMap((k) => k.submits);
      const acks: AckRecord[] = kiosks.flatMap((k) => k.acks);
      const lastAck = Math.max(t0, ...acks.map((a) => a.at));
      // Every stream should hear one event per stored intake: give the last ones a moment to arrive.
      const expected = new Set(acks.filter((a) => !a.duplicate).map((a) => a.id)).size;
      for (const deadline = wallNow() + 10_000; wallNow() < deadline && tablets.some((t) => t.stream.events().length < expected); ) await sleep(50);
      await Promise.all(tablets.map((t) => t.idle()));
      clearInterval(sampler);
      const end = await server.sampleMemory();
      const all = [idle, ...samples, end];
      const peak = (key: 'rss' | 'heapUsed') => all.reduce((a, b) => (b[key] > a[key] ? b : a));
      const reloadsFailed: Record<string, number> = {};
      for (const t of tablets) for (const [code, n] of t.reloads.failed) reloadsFailed[code] = (reloadsFailed[code] ?? 0) + n;
      const streamsEnded = tablets.flatMap((t) => t.stream.drops);
      for (const t of tablets) t.stream.close();
      log('  stopping the server, reading what it stored...');
      await server.stop();
      const stored = await storedRows(dataDir, database);
      const storedAt = new Map(stored.map((r) => [r.id, r.at]));
      const listed = tablets.flatMap((t) => [...t.seen].flatMap(([id, at]) => (storedAt.has(id) ? [at - (storedAt.get(id) ?? at)] : [])));
      return {
        engine: database ? 'postgres' : 'sqlite',
        engineNote: note,
        options: { ...options, reload },
        tally: tallyClinic({ submits, acks, streams: tablets.map((t) => t.stream.segments), stored, stillQueued: kiosks.flatMap((k) => k.queued) }),
        storedToListed: summarize(listed),
        reloadsDone: tablets.reduce((n, t) => n + t.reloads.done, 0),
        reloadsFailed,
        memory: { idle, peakRss: peak('rss'), peakHeap: peak('heapUsed'), end, samples: all.length },
        wallMs: lastAck - t0,
        statuses: count(server.statuses),
        failedCalls: count(server.failedCalls),
        streamsEnded,
        kioskFailures: kiosks.flatMap((k) => k.failure() ?? []),
        pairRetries: kiosks.flatMap((k) => k.pairRetries),
        loadAverage: { start: loadStart, end: loadavg()[0] ?? Number.NaN },
      };
    } finally {
      clearInterval(sampler);
      for (const t of tablets) t.stream.close();
      for (const k of kiosks) k.kill();
      await server.stop();
    }
  } finally {
    pg?.stop();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      kiosks: { type: 'string', default: '10' },
      'per-kiosk': { type: 'string', default: '100' },
      tablets: { type: 'string', default: '20' },
      pace: { type: 'string', default: '2000' },
      engine: { type: 'string', default: 'auto' },
      'no-reload': { type: 'boolean', default: false },
    },
  });
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer of at least ${min}.`);
    return n;
  };
  if (!['auto', 'sqlite', 'postgres'].includes(values.engine)) throw new Error('--engine must be auto, sqlite or postgres.');
  const f = await runClinicLoadBench({
    kiosks: int('kiosks', values.kiosks, 0),
    perKiosk: int('per-kiosk', values['per-kiosk'], 1),
    tablets: int('tablets', values.tablets, 0),
    pace: values.pace === 'asap' ? 'asap' : int('pace', values.pace, 1),
    engine: values.engine as Engine,
    reload: !values['no-reload'],
    log: (line) => console.error(line),
  });
  const { printClinicFigures } = await import('./clinic-report.ts');
  printClinicFigures(f);
}
