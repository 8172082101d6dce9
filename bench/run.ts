/**
 * `npm run bench`: every benchmark of issue 10 in one run, printed as one table with medians,
 * p95s and the targets (pass/miss). Figures only: nothing here fails a build.
 *
 *   node bench/run.ts [--only=bundle,pdf,renderer,store,concurrency,network,clinic] [--intakes=20] [--loads=15]
 *                     [--rows=100000] [--runs=50] [--writers=8] [--per-writer=500] [--queued=1000]
 *                     [--kiosks=10] [--per-kiosk=100] [--tablets=20] [--pace=2000|asap] [--engine=auto] [--no-build]
 *
 * The renderer is rebuilt first (vite build) unless --no-build is given.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPdfBench } from './pdf.bench.ts';
import { measureBundle } from './bundle.ts';
import { runSignedSummaryBench, SCRIPT_CLIENTS } from './pdf-summary.ts';
import { runRendererBench } from './renderer.ts';
import { kB, ms, renderTable, timingRow, verdict, type Row } from './report.ts';
import { runStoreBench } from './store.ts';
import { storeRows, writerRows } from './store-rows.ts';
import { runWritersBench } from './writers.ts';
import { startBenchPostgres } from './pg-env.ts';
import type { StoreConfig } from '../core/db/open-store.ts';
import { CHROMIUM_PATH } from '../playwright.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECTIONS = ['bundle', 'pdf', 'renderer', 'store', 'concurrency', 'network', 'clinic'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    intakes: { type: 'string', default: '20' },
    loads: { type: 'string', default: '15' },
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    queued: { type: 'string', default: '1000' },
    writers: { type: 'string', default: '8' },
    'per-writer': { type: 'string', default: '500' },
    kiosks: { type: 'string', default: '10' },
    'per-kiosk': { type: 'string', default: '100' },
    tablets: { type: 'string', default: '20' },
    pace: { type: 'string', default: '2000' },
    engine: { type: 'string', default: 'auto' },
    'no-build': { type: 'boolean', default: false },
  },
});
const only = new Set(values.only.split(',').map((s) => s.trim()));
for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`Unknown section "${s}"; use ${SECTIONS.join(', ')}.`);
const wants = (s: Section) => only.has(s);
const positive = (name: string, raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer.`);
  return n;
};
const intakes = positive('intakes', values.intakes);
const loads = positive('loads', values.loads);
const rowsWanted = positive('rows', values.rows);
const runs = positive('runs', values.runs);
const queued = positive('queued', values.queued);
const writers = positive('writers', values.writers);
const perWriter = positive('per-writer', values['per-writer']);
const kiosks = positive('kiosks', values.kiosks);
const perKiosk = positive('per-kiosk', values['per-kiosk']);
const tablets = positive('tablets', values.tablets);
const pace = values.pace === 'asap' ? 'asap' : positive('pace', values.pace);
const engine = values.engine;
if (engine !== 'auto' && engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine must be auto, sqlite or postgres.');
const log = (line: string) => console.error(line);

const rows: Row[] = [];
const notes: string[] = [];
const started = performance.now();
// Other processes on the machine (builds, test runs) skew every figure: say how busy it was.
const loadAtStart = loadavg()[0] ?? Number.NaN;

if (!values['no-build'] && (wants('bundle') || wants('renderer'))) {
  log('building the renderer (vite build)...');
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
}

if (wants('bundle')) {
  log('bundle...');
  const b = await measureBundle();
  const size = (area: string, measure: string, raw: number, gzip: number, limitGzip?: number): Row => ({
    area,
    measure,
    n: '',
    median: `${kB(gzip)} gz`,
    p95: `${kB(raw)} raw`,
    target: limitGzip === undefined ? '' : `gzip < ${limitGzip / 1000} kB`,
    result: limitGzip === undefined ? '' : verdict(gzip, limitGzip),
  });
  rows.push(
    size('bundle', 'initial JS (index.html + modulepreload)', b.initialJs.raw, b.initialJs.gzip, 200_000),
    size('bundle', 'initial CSS', b.initialCss.raw, b.initialCss.gzip),
    size('bundle', `total JS (${b.allFiles.filter((f) => !f.endsWith('.css')).length} files)`, b.totalJs.raw, b.totalJs.gzip),
    size('bundle', `total CSS (${b.allFiles.filter((f) => f.endsWith('.css')).length} files)`, b.totalCss.raw, b.totalCss.gzip),
  );
  notes.push('bundle rows: the median column holds the gzip size (zlib level 9), the p95 column the raw size; kB = 1000 bytes.');
}

if (wants('pdf')) {
  log('pdf...');
  const pdf = await runSignedSummaryBench(Math.min(runs, 30), 5);
  rows.push(timingRow('pdf', `createSignedSummary, default form (${kB(pdf.pdfBytes)} PDF)`, pdf.signedSummary, { on: 'median', belowMs: 150 }));
  for (const client of SCRIPT_CLIENTS) {
    const scripted = await runSignedSummaryBench(Math.min(runs, 30), 5, client);
    rows.push(timingRow('pdf', `  ${client.script} name and notes (${kB(scripted.pdfBytes)} PDF)`, scripted.signedSummary, { on: 'median', belowMs: 150 }));
  }
  for (const stage of await runPdfBench(Math.min(runs, 30), 5)) {
    rows.push({ area: 'pdf', measure: `  pdf.bench.ts stage: ${stage.stage} (fixture form)`, n: String(Math.min(runs, 30)), median: ms(stage.medianMs), p95: ms(stage.p95Ms), target: '', result: '' });
  }
}

if (wants('renderer')) {
  log('renderer (Chromium)...');
  const r = await runRendererBench({ loads, intakes, warmupIntakes: 1, log });
  const step = { on: 'p95', belowMs: 50 } as const;
  rows.push(
    timingRow('renderer', 'navigation -> attract screen interactive', r.attractInteractive),
    timingRow('renderer', 'tap "Tap to start" -> first step painted', r.start, step),
    timingRow('renderer', 'tap "Next" -> next step painted, all steps', r.nextAll, step),
    ...r.nextByStep.map((s) => timingRow('renderer', `  ${s.label}`, s.summary, step)),
    timingRow('renderer', 'on-screen key -> character painted', r.keystroke),
    timingRow('submit', 'tap "Submit" -> signed PDF stored, done painted', r.submitEndToEnd, { on: 'median', belowMs: 300 }),
    timingRow('submit', '  of which intake:submit handler (Node side)', r.submitHandler),
  );
  if (r.unexpected > 0) notes.push(`renderer: ${r.unexpected} taps showed validation errors or a failed submit (not counted above).`);
  notes.push(`renderer: ${intakes} intakes timed after 1 warm-up intake; ${loads} page loads after 1 warm-up load.`);
}

if (wants('store')) {
  // Both engines in one run, side by side: SQLite (the kiosk's file) then PostgreSQL (a throwaway cluster).
  const pgEnv = await startBenchPostgres();
  const engines: { label: string; database?: () => Promise<StoreConfig> }[] = [{ label: 'sqlite' }];
  if ('missing' in pgEnv) notes.push(`store on PostgreSQL not run: ${pgEnv.missing}.`);
  else engines.push({ label: 'postgres', database: async () => ({ engine: 'postgres', url: await pgEnv.createDatabase('bench_store') }) });
  try {
    for (const engine of engines) {
      log(`store on ${engine.label} (seeding ${rowsWanted.toLocaleString('en')} submissions)...`);
      const s = await runStoreBench({ rows: rowsWanted, runs, warmup: 5, log, database: await engine.database?.() });
      rows.push(...storeRows(s, engine.label));
    }
  } finally {
    if (!('missing' in pgEnv)) pgEnv.stop();
  }
}

if (wants('concurrency')) {
  log(`concurrency (${writers} writers x ${perWriter} intakes)...`);
  const w = await runWritersBench({ writers, perWriter, log });
  if (w.postgres) rows.push(...writerRows(w.postgres, `postgres, ${writers} processes`));
  else notes.push(`concurrency on PostgreSQL not run: ${w.postgresMissing ?? 'unavailable'}.`);
  rows.push(...writerRows(w.sqlite, 'sqlite, 1 process'));
  notes.push(`concurrency: ${writers} writers x ${perWriter} intakes through intake:submit; the intakes/s row's median column holds the throughput, its p95 column the wall time.`);
}

if (wants('network')) {
  log(`network (offline drain, ${queued} intakes)...`);
  // Imported here: offline-drain.ts reaches core/tests/test-core.ts (through network-pair.ts), which
  // calls vitest's inject() at import and throws outside vitest, so a static import broke every section.
  const { runOfflineDrainBench } = await import('./offline-drain.ts');
  const d = await runOfflineDrainBench({ intakes: queued, log });
  rows.push(
    timingRow('network', `queue an intake with the server down (validate, sign, seal into the outbox)`, d.queueSubmit),
    { area: 'network', measure: `drain ${d.intakes} queued intakes when the server is back`, n: '1', median: `${(d.drainMs / 1000).toFixed(1)} s`, p95: `${(d.drainMs / d.intakes).toFixed(1)} ms each`, target: '', result: '' },
    { area: 'network', measure: '  stored twice / duplicate answers / left in the outbox', n: '', median: `${d.storedTwice} / ${d.duplicateAnswers} / ${d.outboxLeft}`, p95: d.inOrder ? 'in order' : 'OUT OF ORDER', target: '0 duplicates', result: d.storedTwice === 0 && d.stored === d.intakes ? 'pass' : 'miss' },
  );
  notes.push('network rows: kiosk and server cores in one process, the transport calls the server handler table directly (no HTTP); the drain row\'s p95 column holds the time per intake.');
}

if (wants('clinic')) {
  log(`clinic network (${kiosks} kiosks x ${perKiosk} intakes, ${tablets} tablets, pace ${pace})...`);
  const { runClinicLoadBench } = await import('./clinic-load.ts');
  const { clinicNotes, clinicRows } = await import('./clinic-report.ts');
  const c = await runClinicLoadBench({ kiosks, perKiosk, tablets, pace, engine, log });
  rows.push(...clinicRows(c));
  notes.push(...clinicNotes(c));
}

const cpu = cpus();
console.log(`\nClinic kiosk benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(`machine: ${cpu.length} x ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}; Chromium ${CHROMIUM_VERSION()}\n`);
console.log(renderTable(rows));
for (const note of notes) console.log(`- ${note}`);
console.log(`- 1-minute load average: ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? Number.NaN).toFixed(2)} at end (${cpu.length} cores; above ${cpu.length} means other work competed).`);
console.log(`- wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);

function CHROMIUM_VERSION(): string {
  const out = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim().replace(/^Chromium\s*/, '') : 'unknown';
}
