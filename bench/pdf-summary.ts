/**
 * PDF generation + signature alone: createSignedSummary (core/pdf/index.ts), exactly
 * what intake:submit calls, for a typical client of the shipped default form (one modify
 * flag, two info flags, body map, drawn signature), with a real signing identity.
 * The PDF engineer's stage breakdown (model / render / sign) is bench/pdf.bench.ts.
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { evaluateScreening } from '../forms/engine/index.ts';
import { DEFAULT_FORM_ANSWERS } from '../core/pdf/test-fixtures.ts';
import { createSignedSummary, preloadFonts } from '../core/pdf/index.ts';
import { loadOrCreateSigningIdentity } from '../core/signing/identity.ts';
import { systemClock } from '../core/ports.ts';
import { summarize, timeRuns, type Summary } from './stats.ts';

export interface PdfBenchResult {
  readonly signedSummary: Summary;
  readonly pdfBytes: number;
}

export async function runSignedSummaryBench(runs: number, warmup: number): Promise<PdfBenchResult> {
  const secrets = new Map<string, Uint8Array>();
  const store = { get: (name: string) => secrets.get(name) ?? null, put: (name: string, value: Uint8Array) => void secrets.set(name, value) };
  const identity = await loadOrCreateSigningIdentity(store, 'Bench Clinic', systemClock);
  preloadFonts();
  let pdfBytes = 0;
  const samples = await timeRuns(runs, warmup, async (i) => {
    const createdAt = systemClock.now();
    const answers = DEFAULT_FORM_ANSWERS;
    const summary = await createSignedSummary(
      {
        form: DEFAULT_INTAKE_FORM,
        answers,
        flags: evaluateScreening(DEFAULT_INTAKE_FORM, answers, createdAt),
        language: 'en',
        submissionId: `bench-${i}`,
        createdAt,
        clinicName: 'Bench Clinic',
        clinicAddress: '12 Quay Street, Portside',
      },
      identity,
      systemClock,
    );
    pdfBytes = summary.pdf.byteLength;
  });
  return { signedSummary: summarize(samples), pdfBytes };
}

if (import.meta.main) {
  const r = await runSignedSummaryBench(30, 5);
  console.log(`createSignedSummary: median ${r.signedSummary.median.toFixed(1)} ms, p95 ${r.signedSummary.p95.toFixed(1)} ms, ${r.pdfBytes} bytes`);
}
