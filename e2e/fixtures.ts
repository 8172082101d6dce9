/**
 * Playwright fixtures: every test gets a fresh data directory, a real app core built
 * exactly as the Electron main process builds it (createCore), and a Chromium page on
 * the built renderer with window.kiosk bridged to that core's handler table.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createPdfPrinter } from '../core/pdf-printer.ts';
import { bridgeKiosk } from './harness/bridge.ts';
import { startStaticServer, type StaticServer } from './harness/static-server.ts';
import { TestClock } from './harness/test-clock.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));

export interface KioskFixtures {
  dataDir: string;
  clock: TestClock;
  core: Core;
  /** A page on the attract screen, bridged to `core`. */
  kiosk: Page;
}

export const test = base.extend<KioskFixtures, { server: StaticServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(RENDERER_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  clock: async ({}, use) => {
    await use(new TestClock());
  },
  core: async ({ dataDir, clock, server }, use) => {
    const core = await createCore({
      dataDir,
      keyProvider: createKeyFileProvider(join(dataDir, 'test-data-key.bin')),
      clock,
      printer: createPdfPrinter(),
      allowedOrigins: [server.origin],
    });
    await use(core);
    await core.close();
  },
  kiosk: async ({ page, core, server }, use) => {
    await bridgeKiosk(page, core.handlers);
    await page.goto(server.url);
    await use(page);
  },
});

export { expect };
