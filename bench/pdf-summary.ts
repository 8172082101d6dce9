/**
 * PDF generation + signature alone: createSignedSummary (core/pdf/index.ts), exactly
 * what intake:submit calls, for a typical client of the shipped default form (one modify
 * flag, two info flags, body map, drawn signature), with a real signing identity.
 * The PDF engineer's stage breakdown (model / render / sign) is bench/pdf.bench.ts.
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { evaluateScreening } from '../forms/engine/index.ts';
import { DEFAULT_FORM_ANSWERS, requestOfSummary } from '../core/pdf/test-fixtures.ts';
import { createSignedSummary, preloadFonts } from '../core/pdf/index.ts';
import { loadOrCreateSigningIdentity, memorySecretStore } from '../core/signing/identity.ts';
import { systemClock } from '../core/ports.ts';
import { summarize, timeRuns, type Summary } from './stats.ts';

export interface PdfBenchResult {
  readonly signedSummary: Summary;
  readonly pdfBytes: number;
}

/** A client whose name and health notes are in one script, for the per-script rows. */
export interface ScriptClient {
  readonly script: string;
  readonly answers: Readonly<Record<string, string>>;
}

/** Scripts whose fonts are large (CJK) or need complex shaping (Arabic, Devanagari), as issue 18 names them. */
export const SCRIPT_CLIENTS: readonly ScriptClient[] = [
  { script: 'Chinese', answers: { first_name: '小明', last_name: '王', emergency_name: '王小红', other_health: '我搬家以后腰一直很疼，早上起床的时候更严重。' } },
  { script: 'Japanese', answers: { first_name: '花子', last_name: '佐藤', emergency_name: 'さとう たろう', other_health: '引っ越してから腰が痛く、朝がいちばんつらいです。' } },
  { script: 'Arabic', answers: { first_name: 'محمد', last_name: 'الأحمد', emergency_name: 'فاطمة الأحمد', other_health: 'بدأ الألم في أسفل الظهر بعد أن نقلت الأثاث.' } },
  { script: 'Devanagari', answers: { first_name: 'राहुल', last_name: 'शर्मा', emergency_name: 'प्रिया शर्मा', other_health: 'घर बदलने के बाद से मेरी कमर में दर्द है।' } },
];

export async function runSignedSummaryBench(runs: number, warmup: number, client?: ScriptClient): Promise<PdfBenchResult> {
  const store = memorySecretStore();
  const identity = await loadOrCreateSigningIdentity(store, 'Bench Clinic', systemClock);
  preloadFonts();
  let pdfBytes = 0;
  const samples = await timeRuns(runs, warmup, async (i) => {
    const createdAt = systemClock.now();
    const answers = { ...DEFAULT_FORM_ANSWERS, ...client?.answers };
    const input = {
      form: DEFAULT_INTAKE_FORM,
      answers,
      flags: evaluateScreening(DEFAULT_INTAKE_FORM, answers, createdAt),
      language: 'en',
      submissionId: `bench-${i}`,
      createdAt,
      clinicName: 'Bench Clinic',
      clinicAddress: '12 Quay Street, Portside',
    };
    const summary = await createSignedSummary(input, identity, systemClock, requestOfSummary(input));
    pdfBytes = summary.pdf.byteLength;
  });
  return { signedSummary: summarize(samples), pdfBytes };
}

if (import.meta.main) {
  for (const client of [undefined, ...SCRIPT_CLIENTS]) {
    const r = await runSignedSummaryBench(30, 5, client);
    console.log(`createSignedSummary (${client?.script ?? 'Latin'}): median ${r.signedSummary.median.toFixed(1)} ms, p95 ${r.signedSummary.p95.toFixed(1)} ms, ${r.pdfBytes} bytes`);
  }
}
