/**
 * `npm run start:chromium`: the kiosk in a visible Chromium window, for machines where
 * Electron cannot run. Same renderer, same app core and handler table as the Electron
 * app; the page reaches the core through the same bridge the e2e tests use.
 *
 * Data: KIOSK_DATA_DIR, default ./.kiosk-data (a key file there stands in for safeStorage).
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/create-core.ts';
import { storeConfigFromEnv } from '../core/db/open-store.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createPdfPrinter } from '../core/pdf-printer.ts';
import { bridgeKiosk } from '../e2e/harness/bridge.ts';
import { startStaticServer } from '../e2e/harness/static-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(process.env.KIOSK_DATA_DIR ?? join(root, '.kiosk-data'));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error('No display found: run this on a desktop session, or under a virtual one: xvfb-run -a npm run start:chromium');
  process.exit(1);
}

mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const server = await startStaticServer(join(root, 'dist/renderer'), Number(process.env.KIOSK_PORT ?? 0));
const core = await createCore({
  dataDir,
  database: storeConfigFromEnv(process.env, dataDir),
  keyProvider: createKeyFileProvider(join(dataDir, 'data-key.bin')),
  printer: createPdfPrinter(),
  allowedOrigins: [server.origin],
});
const browser = await chromium.launch({
  executablePath,
  headless: false,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--start-maximized'],
});
const context = await browser.newContext({ viewport: null, hasTouch: true });
const page = await context.newPage();
await bridgeKiosk(page, core.handlers);
await page.goto(server.url);
console.log(`Kiosk running in Chromium at ${server.url} (data in ${dataDir}). Close the window to stop.`);

const shutdown = async () => {
  await browser.close().catch(() => {});
  await core.close();
  await server.close();
  process.exit(0);
};
browser.on('disconnected', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
