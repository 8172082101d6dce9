/**
 * `node bench/core-soak.ts [--intakes=1500] [--every=250]`: the app core alone, as the main
 * process runs it all day: consecutive `intake:submit` calls through the real handler table
 * (validate, screen, render and sign the PDF, seal and store, audit, export journal drained),
 * with no browser and no Playwright in the process. At the start and every `every` intakes it
 * prints this process's live JS heap after two forced GCs, and at the end checks that every
 * intake was stored. The soak's "Node heap" column holds the core and Playwright's driver
 * together; this one is the core's own.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEFAULT_FORM_ANSWERS } from '../core/pdf/test-fixtures.ts';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { benchCallContext, createBenchCore } from './core-env.ts';
import { nodeHeapAfterGc } from './node-heap.ts';
import { mb, signedMb } from './report.ts';

const ORIGIN = 'http://bench.invalid';

const { values } = parseArgs({ options: { intakes: { type: 'string', default: '1500' }, every: { type: 'string', default: '250' } } });
const intakes = Number(values.intakes);
const every = Number(values.every);
if (!Number.isInteger(intakes) || intakes < 1 || !Number.isInteger(every) || every < 1) throw new Error('--intakes and --every must be positive integers.');

const env = await createBenchCore([ORIGIN]);
try {
  const ctx = benchCallContext(ORIGIN);
  const started = performance.now();
  const first = nodeHeapAfterGc();
  console.log(`core soak: ${intakes} intakes through intake:submit, no browser in this process`);
  console.log(' intakes | Node heap |    growth | wall s');
  const print = (n: number, heap: number) =>
    console.log(`${String(n).padStart(8)} | ${mb(heap).padStart(9)} | ${signedMb(heap - first).padStart(9)} | ${((performance.now() - started) / 1000).toFixed(0).padStart(6)}`);
  print(0, first);
  let last = first;
  for (let i = 1; i <= intakes; i++) {
    const result = await env.core.handlers['intake:submit'](
      { submissionId: randomUUID(), formId: DEFAULT_INTAKE_FORM.id, formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: DEFAULT_FORM_ANSWERS, startedAt: new Date().toISOString() },
      ctx,
    );
    if (!result.ok) throw new Error(`intake:submit failed: ${result.error.code}: ${result.error.message}`);
    await env.core.deps.background.drain();
    if (i % every === 0 || i === intakes) {
      last = nodeHeapAfterGc();
      print(i, last);
    }
  }
  const stored = await env.core.deps.submissions.count();
  if (stored !== intakes) throw new Error(`expected ${intakes} stored submissions, found ${stored}`);
  console.log(`Node heap of the core over ${intakes} intakes: ${mb(first)} -> ${mb(last)}; all ${stored} stored`);
} finally {
  await env.dispose();
}
