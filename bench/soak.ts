/**
 * `node bench/soak.ts [--intakes=1000] [--every=100]`: consecutive intakes in ONE renderer
 * session (no reload), each followed by the kiosk's own resets: the done screen's automatic
 * return to the attract screen, then a walked-away client (a name typed, then nothing) cleared
 * by the idle warning and countdown. Idle times are shortened through the settings store
 * before the page loads, and Playwright's clock fast-forwards through the waits (the timers
 * still fire in the page, in order; only the waiting is skipped).
 *
 * At the start and every `every` intakes, on the attract screen, after two forced garbage
 * collections (CDP HeapProfiler.collectGarbage), it reads the JS heap and DOM node counts
 * (CDP Performance.getMetrics), searches a heap snapshot of the renderer for anything the
 * clients typed (names, phone numbers, the emergency contact), and reads the Node heap of this
 * process, which runs the app core (with Playwright's driver) after its own forced GCs. At the
 * end: the heap growth against the 5 MB target. Nothing of a client may stay in the renderer's
 * memory, so the figures should be flat and the typed strings found 0 times. Ctrl+C stops early
 * with a last reading.
 */
import { expect, type CDPSession, type Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { openBrowserEnv, type BrowserEnv } from './browser-env.ts';
import { benchFlow, completeIntake } from './intake-driver.ts';
import type { IntakeFlow } from '../e2e/pages/client/intake-flow.ts';
import { heapSnapshot } from './heap-snapshot.ts';
import { nodeHeapAfterGc } from './node-heap.ts';
import { mb, signedMb } from './report.ts';
import { typedStringsIn, WALKAWAY_NAME } from './typed-strings.ts';

export interface MemoryReading {
  readonly intakes: number;
  /** Bytes of live JS heap after GC. */
  readonly heapUsed: number;
  /** DOM nodes alive in the renderer (attached or not) after GC. */
  readonly domNodes: number;
  /** Elements attached to the document. */
  readonly attachedElements: number;
  readonly listeners: number;
  readonly documents: number;
  /** Strings in the renderer's heap that hold something a client typed (should be 0). */
  readonly typedStrings: number;
  /** Bytes of live JS heap of this Node process (app core + Playwright driver) after GC. */
  readonly nodeHeapUsed: number;
}

export const HEAP_GROWTH_LIMIT = 5 * 1024 * 1024;

async function readMemory(cdp: CDPSession, page: Page, intakes: number): Promise<MemoryReading> {
  // Twice: the first pass can leave objects with finalizers or weak callbacks for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const attachedElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  // After the metrics: the snapshot allocates in the page.
  const typedStrings = typedStringsIn((await heapSnapshot(cdp)).strings);
  return {
    intakes,
    heapUsed: metric('JSHeapUsedSize'),
    domNodes: metric('Nodes'),
    attachedElements,
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
    typedStrings,
    nodeHeapUsed: nodeHeapAfterGc(),
  };
}

const HEADER = ' intakes |   JS heap |    growth | DOM nodes | attached | listeners | docs | typed | Node heap | wall s';

function printReading(r: MemoryReading, first: MemoryReading, elapsedS: number): void {
  console.log(
    `${String(r.intakes).padStart(8)} | ${mb(r.heapUsed).padStart(9)} | ${signedMb(r.heapUsed - first.heapUsed).padStart(9)} | ${String(r.domNodes).padStart(9)} | ${String(r.attachedElements).padStart(8)} | ${String(r.listeners).padStart(9)} | ${String(r.documents).padStart(4)} | ${String(r.typedStrings).padStart(5)} | ${mb(r.nodeHeapUsed).padStart(9)} | ${elapsedS.toFixed(0).padStart(6)}`,
  );
}

/** Idle times shortened for the soak; Playwright's clock fast-forwards through them. */
const SOAK_SETTINGS = { idleWarningMs: 10_000, idleCountdownMs: 5_000, doneResetMs: 3_000 } as const;

export interface SoakSession {
  readonly env: BrowserEnv;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly flow: IntakeFlow;
}

/** One renderer session on the attract screen, with the shortened idle times and a fake clock. */
export async function openSoakSession(): Promise<SoakSession> {
  const env = await openBrowserEnv({ probe: false });
  const { page, bench } = env;
  await bench.core.deps.settings.update(SOAK_SETTINGS, 'bench');
  await page.clock.install();
  await page.goto(env.server.url);
  const cdp = await env.context.newCDPSession(page);
  const flow = benchFlow(page);
  await flow.attract.expectShown();
  return { env, page, cdp, flow };
}

/**
 * Intake number `n`, then the kiosk's own resets: the done screen's automatic return to the
 * attract screen, and a client who starts, types a little and walks away (warning, countdown,
 * full reset). Ends on the attract screen.
 */
export async function soakIntake({ page, flow }: SoakSession, n: number): Promise<void> {
  await completeIntake(flow, n);
  await page.clock.fastForward(SOAK_SETTINGS.doneResetMs + 500);
  await flow.attract.expectShown();
  await flow.attract.start();
  await flow.step.fill('first_name', WALKAWAY_NAME);
  await page.clock.fastForward(SOAK_SETTINGS.idleWarningMs + 1_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.fastForward(SOAK_SETTINGS.idleCountdownMs + 1_000);
  await flow.attract.expectShown();
}

export async function runSoak(intakes: number, every: number): Promise<{ readings: MemoryReading[]; growth: number }> {
  const session = await openSoakSession();
  const { env, page, cdp } = session;
  try {
    await cdp.send('Performance.enable');
    const started = performance.now();
    const readings: MemoryReading[] = [await readMemory(cdp, page, 0)];
    const first = readings[0];
    if (!first) throw new Error('no first reading');
    console.log(`soak: ${intakes} intakes, each followed by the done screen's reset and an idle reset; idle ${SOAK_SETTINGS.idleWarningMs / 1000} s + ${SOAK_SETTINGS.idleCountdownMs / 1000} s, done ${SOAK_SETTINGS.doneResetMs / 1000} s`);
    console.log(HEADER);
    printReading(first, first, 0);

    // Ctrl+C ends the soak after the current intake, with a last reading and the summary.
    let isStopping = false;
    const stop = () => {
      isStopping = true;
    };
    process.once('SIGINT', stop);
    for (let i = 1; i <= intakes; i++) {
      await soakIntake(session, i);
      if (i % 10 === 0) process.stderr.write(`  ${i} intakes\r`);
      if (i % every === 0 || i === intakes || isStopping) {
        const reading = await readMemory(cdp, page, i);
        readings.push(reading);
        printReading(reading, first, (performance.now() - started) / 1000);
      }
      if (isStopping) break;
    }
    process.off('SIGINT', stop);
    const last = readings[readings.length - 1] ?? first;
    const stored = await env.bench.core.deps.submissions.count();
    if (stored !== last.intakes) throw new Error(`expected ${last.intakes} stored submissions, found ${stored}`);
    return { readings, growth: last.heapUsed - first.heapUsed };
  } finally {
    await env.dispose();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { intakes: { type: 'string', default: '1000' }, every: { type: 'string', default: '100' } } });
  const intakes = Number(values.intakes);
  const every = Number(values.every);
  if (!Number.isInteger(intakes) || intakes < 1 || !Number.isInteger(every) || every < 1) throw new Error('--intakes and --every must be positive integers.');
  const { readings, growth } = await runSoak(intakes, every);
  const first = readings[0];
  const last = readings[readings.length - 1];
  if (first && last) {
    console.log(`heap growth over ${last.intakes} intakes: ${signedMb(growth)} (target < 5 MB: ${growth < HEAP_GROWTH_LIMIT ? 'pass' : 'miss'})`);
    // The first intakes load lazy code, fill i18n and JIT caches once; growth after them is the leak signal.
    const settled = readings[1];
    if (settled && settled !== last) console.log(`heap growth from intake ${settled.intakes} to ${last.intakes}: ${signedMb(last.heapUsed - settled.heapUsed)}`);
    console.log(`DOM nodes: ${first.domNodes} -> ${last.domNodes}; attached elements: ${first.attachedElements} -> ${last.attachedElements}`);
    const typed = Math.max(...readings.map((r) => r.typedStrings));
    console.log(`strings a client typed, in the renderer's heap after the resets: ${typed === 0 ? 'none at any reading' : `up to ${typed} (a client's data outlived the reset)`}`);
    console.log(`Node heap (app core + driver): ${mb(first.nodeHeapUsed)} -> ${mb(last.nodeHeapUsed)} (${signedMb(last.nodeHeapUsed - first.nodeHeapUsed)})`);
  }
}
