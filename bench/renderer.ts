/**
 * Renderer responsiveness in Debian Chromium with the real handler table: page load to an
 * interactive attract screen, and, over complete intakes, tap -> painted for "Tap to start",
 * each "Next", each on-screen key, and "Submit" (which includes storing the signed PDF).
 * See bench/paint-probe.ts for how each figure is taken.
 */
import type { Page } from '@playwright/test';
import { openBrowserEnv } from './browser-env.ts';
import { benchFlow, completeIntake } from './intake-driver.ts';
import { countSamplesScript, drainSamplesScript, type PaintSample } from './paint-probe.ts';
import { summarize, type Summary } from './stats.ts';

/** Waits until the probe has recorded a sample of `kind` (it lands one frame after the change). */
async function waitForSample(page: Page, kind: PaintSample['kind']): Promise<void> {
  await page.waitForFunction(countSamplesScript, kind);
}

export interface RendererBenchOptions {
  /** Page loads timed (after one warm-up load). */
  readonly loads: number;
  /** Intakes timed (after `warmupIntakes` untimed ones). */
  readonly intakes: number;
  readonly warmupIntakes: number;
  readonly log?: (line: string) => void;
}

export interface RendererBenchResult {
  readonly attractInteractive: Summary;
  readonly start: Summary;
  /** Every step transition together, then one entry per transition ("About you -> Your back"). */
  readonly nextAll: Summary;
  readonly nextByStep: readonly { readonly label: string; readonly summary: Summary }[];
  readonly keystroke: Summary;
  readonly submitEndToEnd: Summary;
  readonly submitHandler: Summary;
  /** Samples of kinds that mean something went wrong (validation errors, failed submits). */
  readonly unexpected: number;
}

export async function runRendererBench(options: RendererBenchOptions): Promise<RendererBenchResult> {
  const log = options.log ?? (() => {});
  const env = await openBrowserEnv({ probe: true });
  const { page } = env;
  try {
    const attract: number[] = [];
    for (let i = 0; i <= options.loads; i++) {
      await page.goto(env.server.url);
      await waitForSample(page, 'attract');
      const samples = await page.evaluate(drainSamplesScript);
      if (i > 0) attract.push(...samples.filter((s) => s.kind === 'attract').map((s) => s.ms));
    }
    log(`  ${options.loads} page loads timed`);

    const kept: PaintSample[] = [];
    const flow = benchFlow(page);
    const handlerMsBefore = { count: 0 };
    for (let i = 0; i < options.warmupIntakes + options.intakes; i++) {
      if (i === options.warmupIntakes) handlerMsBefore.count = env.submitHandlerMs.length;
      await completeIntake(flow, i);
      await waitForSample(page, 'submit');
      const samples = await page.evaluate(drainSamplesScript);
      if (i >= options.warmupIntakes) kept.push(...samples);
      await flow.done.finish();
      if ((i + 1) % 5 === 0) log(`  ${i + 1} intakes`);
    }

    const of = (kind: PaintSample['kind']) => kept.filter((s) => s.kind === kind);
    const labels = [...new Set(of('next').map((s) => s.label))];
    return {
      attractInteractive: summarize(attract),
      start: summarize(of('start').map((s) => s.ms)),
      nextAll: summarize(of('next').map((s) => s.ms)),
      nextByStep: labels.map((label) => ({ label, summary: summarize(of('next').filter((s) => s.label === label).map((s) => s.ms)) })),
      keystroke: summarize(of('key').map((s) => s.ms)),
      submitEndToEnd: summarize(of('submit').map((s) => s.ms)),
      submitHandler: summarize(env.submitHandlerMs.slice(handlerMsBefore.count)),
      unexpected: of('next-error').length + of('submit-error').length,
    };
  } finally {
    await env.dispose();
  }
}

if (import.meta.main) {
  const result = await runRendererBench({ loads: 5, intakes: 3, warmupIntakes: 1, log: console.log });
  console.log(JSON.stringify(result, null, 2));
}
