/**
 * The real Electron app, driven by Playwright's _electron. Runs where the Electron binary
 * exists (it cannot be downloaded on every machine: then each test is skipped with the
 * reason printed). Needs `npm run build` first (dist/renderer and dist-electron/).
 *
 * The app runs in its test mode (KIOSK_TEST_MODE=1, honoured only when not packaged): a
 * fresh temp data directory and a key file instead of the OS keychain.
 */
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channels } from '../api/contract.ts';
import { APP_ENTRY_URL } from '../electron/shell/app-url.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist-electron', 'main.cjs');

/** The Electron binary's path, or why there is none. */
function electronBinary(): { readonly path: string } | { readonly missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string') return { missing: 'require("electron") did not return a path' };
    return existsSync(path) ? { path } : { missing: `the Electron binary is not installed (${path} does not exist)` };
  } catch (error) {
    return { missing: `the Electron binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

// Resolved once per worker: Electron's npm package tries a download when the binary is missing.
const BINARY = electronBinary();

interface ElectronFixtures {
  app: ElectronApplication;
  kiosk: Page;
}

const test = base.extend<ElectronFixtures>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const binary = BINARY;
    if ('missing' in binary) {
      const reason = `Electron e2e skipped: ${binary.missing}.`;
      console.log(reason);
      testInfo.skip(true, reason);
      return;
    }
    if (!existsSync(MAIN)) throw new Error('dist-electron/main.cjs is missing: run "npm run build" before the Electron e2e.');
    const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-electron-e2e-'));
    let app: ElectronApplication;
    try {
      app = await _electron.launch({
        executablePath: binary.path,
        args: [MAIN],
        cwd: ROOT,
        env: { ...process.env, KIOSK_TEST_MODE: '1', KIOSK_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A binary that exists but cannot start here (no display, missing system libraries).
      if (/ENOENT|cannot open shared object|Missing X server|no DISPLAY/i.test(message)) {
        const reason = `Electron e2e skipped: Electron could not start on this machine (${message.split('\n')[0]}).`;
        console.log(reason);
        await rm(dataDir, { recursive: true, force: true });
        testInfo.skip(true, reason);
        return;
      }
      throw error;
    }
    await use(app);
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  },
  kiosk: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

const startButton = (page: Page) => page.locator('.start-button');

test('launches locked down: kiosk, fullscreen, no menu, no devtools, on app://kiosk', async ({ app, kiosk }) => {
  await expect(startButton(kiosk)).toBeVisible();
  const state = await app.evaluate(({ BrowserWindow, Menu }) => {
    const windows = BrowserWindow.getAllWindows();
    const window = windows[0];
    if (!window) return null;
    return {
      windows: windows.length,
      kiosk: window.isKiosk(),
      fullScreen: window.isFullScreen(),
      menuBarVisible: window.isMenuBarVisible(),
      applicationMenu: Menu.getApplicationMenu(),
      url: window.webContents.getURL(),
      devToolsOpened: window.webContents.isDevToolsOpened(),
    };
  });
  expect(state).toEqual({
    windows: 1,
    kiosk: true,
    fullScreen: true,
    menuBarVisible: false,
    applicationMenu: null,
    url: APP_ENTRY_URL,
    devToolsOpened: false,
  });
});

test('the page sees window.kiosk with one method per channel, and no Node', async ({ kiosk }) => {
  const seen = await kiosk.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const api = w.kiosk as Record<string, unknown> | undefined;
    return {
      methods: api ? Object.keys(api).sort() : null,
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      ipcRenderer: typeof w.ipcRenderer,
    };
  });
  expect(seen).toEqual({ methods: Object.values(channels).sort(), require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
});

test('the kiosk page answers through IPC (sender check passes for its own frame)', async ({ kiosk }) => {
  const result = await kiosk.evaluate(async () => {
    const api = (window as unknown as { kiosk: { getConfig(r: object): Promise<{ ok: boolean }> } }).kiosk;
    return (await api.getConfig({})).ok;
  });
  expect(result).toBe(true);
});

test('navigation away from app://kiosk is refused', async ({ app, kiosk }) => {
  await kiosk.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // A round trip through the main process after the attempt: will-navigate has run by then.
  await kiosk.evaluate(() => (window as unknown as { kiosk: { getConfig(r: object): Promise<unknown> } }).kiosk.getConfig({}));
  const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
  expect(url).toBe(APP_ENTRY_URL);
  await expect(startButton(kiosk)).toBeVisible();
});

test('window.open is refused and opens nothing', async ({ app, kiosk }) => {
  const opened = await kiosk.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('a client completes an intake and the kiosk resets for the next person', async ({ kiosk }) => {
  // The shared client flow (e2e/pages/client/), pressing with the mouse: _electron.launch has no touch.
  const flow = new IntakeFlow(kiosk, 'electron', { record: false, pointer: 'mouse' });
  await flow.attract.expectShown();
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Mara', lastName: 'Quinlan', dateOfBirth: '1984-03-07', phone: '5550101' });
  await flow.yourBack({ pain: 4 });
  await flow.health();
  await flow.preferences('medium');
  await flow.consent();
  await expect(flow.review.section('about_you')).toContainText('Quinlan');
  await flow.submitAndExpectDone();
  await expect(kiosk.getByText('Please take a seat')).toBeVisible();
  await expect(flow.done.frontDesk()).toHaveCount(0);

  // Privacy reset: back to the attract screen with nothing of this client left in the page.
  await flow.done.finish();
  await flow.attract.expectShown();
  await flow.expectForgotten('Quinlan', 'Mara');
});
