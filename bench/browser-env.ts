/**
 * Debian Chromium through Playwright on the built renderer, with window.kiosk bridged to a
 * real app core (the e2e harness: startStaticServer + bridgeKiosk), in a touch-enabled
 * portrait kiosk viewport. intake:submit is wrapped to time the handler on the Node side.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../playwright.config.ts';
import { bridgeKiosk } from '../e2e/harness/bridge.ts';
import { startStaticServer, type StaticServer } from '../e2e/harness/static-server.ts';
import { PORTRAIT } from '../e2e/pages/client/screens.ts';
import type { Handler, HandlerTable } from '../core/handler.ts';
import { createBenchCore, type BenchCore } from './core-env.ts';
import { RENDERER_DIST } from './bundle.ts';
import { installPaintProbe } from './paint-probe.ts';

/** The flags playwright.config.ts gives Debian's Chromium. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'];

export interface BrowserEnv {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly server: StaticServer;
  readonly bench: BenchCore;
  /** Milliseconds the intake:submit handler took (Node side), one per call, in order. */
  readonly submitHandlerMs: number[];
  dispose(): Promise<void>;
}

export interface BrowserEnvOptions {
  /** Adds the paint probe (bench/paint-probe.ts) to every document. */
  readonly probe: boolean;
}

export async function openBrowserEnv(options: BrowserEnvOptions): Promise<BrowserEnv> {
  // Served from a snapshot: other engineers' `vite build` empties dist/renderer while a long run is going.
  const snapshot = await mkdtemp(join(tmpdir(), 'kiosk-bench-renderer-'));
  await cp(RENDERER_DIST, snapshot, { recursive: true });
  const server = await startStaticServer(snapshot);
  const bench = await createBenchCore([server.origin]);
  // handleSIGINT off: the soak stops itself cleanly on Ctrl+C and still needs the browser for a last reading.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, handleSIGINT: false });
  const context = await browser.newContext({ hasTouch: true, viewport: PORTRAIT });
  const page = await context.newPage();
  const submitHandlerMs: number[] = [];
  const real = bench.core.handlers['intake:submit'];
  const timedSubmit: Handler<'intake:submit'> = async (payload, ctx) => {
    const t0 = performance.now();
    const result = await real(payload, ctx);
    submitHandlerMs.push(performance.now() - t0);
    return result;
  };
  const handlers: HandlerTable = { ...bench.core.handlers, 'intake:submit': timedSubmit };
  await bridgeKiosk(page, handlers);
  if (options.probe) await page.addInitScript(installPaintProbe);
  return {
    browser,
    context,
    page,
    server,
    bench,
    submitHandlerMs,
    dispose: async () => {
      await browser.close();
      await server.close();
      await bench.dispose();
      await rm(snapshot, { recursive: true, force: true });
    },
  };
}
