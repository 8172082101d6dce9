/**
 * `node bench/pdf.bench.ts`: time to build, render and sign a typical therapist summary
 * (one flag, body map, signature, two pages), as intake:submit does it.
 * Prints median and p95 per stage over RUNS runs after WARMUP runs. Target: median < 150 ms.
 */
import { evaluateScreening } from '../forms/engine/index.ts';
import { renderSummaryPdf } from '../core/pdf/render.ts';
import { buildSummaryModel, type SummaryInput } from '../core/pdf/summary-model.ts';
import { CASES, FIXTURE_FORM } from '../core/pdf/test-fixtures.ts';
import { loadOrCreateSigningIdentity, memorySecretStore } from '../core/signing/identity.ts';
import { signPdf } from '../core/signing/sign.ts';

const WARMUP = 5;
const RUNS = 30;

export interface BenchRow {
  readonly stage: string;
  readonly medianMs: number;
  readonly p95Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Runs the benchmark and returns one row per stage plus the total. */
export async function runPdfBench(runs = RUNS, warmup = WARMUP): Promise<BenchRow[]> {
  const store = memorySecretStore();
  const clock = { now: () => new Date() };
  const identity = await loadOrCreateSigningIdentity(store, 'Harbour Massage Clinic', clock);
  const typical = CASES.find((c) => c.label === 'no flags');
  if (!typical) throw new Error('fixture case missing');
  const answers = { ...typical.answers, osteoporosis: true };
  const createdAt = new Date(2026, 10, 21, 14, 32);
  const input: SummaryInput = {
    form: FIXTURE_FORM,
    answers,
    flags: evaluateScreening(FIXTURE_FORM, answers, createdAt),
    language: 'en',
    submissionId: 'bench-submission',
    createdAt,
    clinicName: 'Harbour Massage Clinic',
    clinicAddress: '12 Quay Street, Portside',
  };
  const samples = { model: [] as number[], render: [] as number[], sign: [] as number[], total: [] as number[] };
  for (let i = 0; i < warmup + runs; i += 1) {
    const t0 = performance.now();
    const model = buildSummaryModel(input);
    const t1 = performance.now();
    const unsigned = await renderSummaryPdf(model);
    const t2 = performance.now();
    await signPdf(unsigned, identity, clock.now());
    const t3 = performance.now();
    if (i < warmup) continue;
    samples.model.push(t1 - t0);
    samples.render.push(t2 - t1);
    samples.sign.push(t3 - t2);
    samples.total.push(t3 - t0);
  }
  return Object.entries(samples).map(([stage, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { stage, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
  });
}

if (import.meta.main) {
  const rows = await runPdfBench();
  console.log(`Summary PDF: build model + render + sign, ${RUNS} runs after ${WARMUP} warm-up runs (Node ${process.version})`);
  console.log('stage    median ms   p95 ms');
  for (const row of rows) console.log(`${row.stage.padEnd(8)} ${row.medianMs.toFixed(1).padStart(9)} ${row.p95Ms.toFixed(1).padStart(8)}`);
  const total = rows.find((r) => r.stage === 'total');
  console.log(total && total.medianMs < 150 ? 'OK: median under the 150 ms target.' : 'OVER the 150 ms target.');
}
