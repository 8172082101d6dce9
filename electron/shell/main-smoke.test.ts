/**
 * Smoke test of electron/main.ts without the Electron binary: main.ts is bundled the way
 * scripts/build-electron.ts bundles it, but with `electron` aliased to a recording fake
 * (testing/fake-electron.ts), and run in a child Node process against a temp directory
 * with a real app core. Checks the wiring the pure modules cannot: that main registers
 * every channel behind the sender check, serves app:// with the CSP, locks the window,
 * and fails closed on unprotected key storage.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../api/contract.ts';
import { KIOSK_CSP } from './csp.ts';
import { APP_ENTRY_URL } from './app-url.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-main-smoke-'));
  await mkdir(join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  await writeFile(join(dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  bundle = join(dir, 'main-driver.mjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['electron/shell/testing/main-driver.ts'],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    alias: { electron: './electron/shell/testing/fake-electron.ts' },
    external: ['node:*'],
    logLevel: 'silent',
    // ESM output for top-level await in the driver; CommonJS deps get a require shim.
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runMain(env: Record<string, string>): Record<string, unknown> {
  const run = spawnSync(process.execPath, [bundle], {
    env: { ...process.env, FAKE_APP_PATH: join(dir, 'app'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`main did not run (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(line) as Record<string, unknown>;
}

describe('electron/main.ts wiring (fake electron, real core)', () => {
  let started: Record<string, unknown>;
  beforeAll(async () => {
    const dataDir = join(dir, 'test-data');
    started = runMain({ KIOSK_TEST_MODE: '1', KIOSK_DATA_DIR: dataDir, FAKE_SCENARIO: 'started' });
  }, 60_000);

  it('loads the attract screen through app:// in a locked window with no menu', () => {
    expect(started.firstLoad).toBe(APP_ENTRY_URL);
    expect(started.options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false } });
    expect(started.menu).toBeNull();
    expect(started.menuRemoved).toBe(true);
    expect(started.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('registers every channel of the contract', () => {
    expect(started.channels).toEqual([...CHANNELS].sort());
  });

  it.each([
    ['the kiosk page is answered by the core', 'fromKiosk', true],
    ['another window is refused', 'fromOtherWindow', 'forbidden_sender'],
    ['a subframe is refused', 'fromSubframe', 'forbidden_sender'],
    ['a foreign page in the kiosk window is refused', 'fromForeignPage', 'forbidden_sender'],
  ])('IPC: %s', (_label, key, expected) => {
    expect(started[key]).toBe(expected);
  });

  it('serves the renderer with the CSP and refuses traversal', () => {
    expect(started.page).toEqual({ status: 200, csp: KIOSK_CSP, body: '<!doctype html><title>kiosk</title>' });
    expect(started.traversalStatus).toBe(403);
  });

  it('refuses permissions and remote requests', () => {
    expect(started.permissionGranted).toBe(false);
    expect(started.remoteCancelled).toBe(true);
  });

  it('blocks F5 but not typing, refuses navigation away and window.open', () => {
    expect(started.keys).toEqual({ F5: true, letter: false });
    expect(started.navigation).toEqual({ away: true, inApp: false });
    expect(started.windowOpen).toEqual({ action: 'deny' });
  });

  it('reloads the attract screen after a crash and crashes a hung renderer', () => {
    expect(started.reloadedTo).toEqual([APP_ENTRY_URL]);
    expect(started.hungRendererCrashed).toBe(true);
  });

  it('refuses to close the window until the app quits, then closes the core and exits', () => {
    expect(started.closeBeforeQuit).toBe(true);
    expect(started.closeWhileQuitting).toBe(false);
    expect(started.exitCode).toBe(0);
  });
});

describe('electron/main.ts key storage (fake electron)', () => {
  it.each([
    ['Linux basic_text backend', 'basic-text', { FAKE_BACKEND: 'basic_text' }],
    ['no OS encryption at all', 'no-encryption', { FAKE_ENCRYPTION: 'unavailable' }],
  ])('%s: shows why, opens no window and exits 1', (_label, name, env: Record<string, string>) => {
    const userData = join(dir, `user-data-${name}`);
    const result = runMain({ FAKE_SCENARIO: 'refused', FAKE_USER_DATA: userData, ...env });
    expect(result.exitCode).toBe(1);
    expect(result.windows).toBe(0);
    expect(result.ipcChannels).toBe(0);
    expect(result.dialogs).toEqual([expect.objectContaining({ type: 'error', title: 'The kiosk cannot protect its data' })]);
  });
});

describe('electron/main.ts production start (fake electron, fake keychain, real core)', () => {
  it.each([
    ['with a keyring (gnome_libsecret)', 'keyring', 'gnome_libsecret', null],
    ['basic_text accepted by the admin in kiosk-shell.json', 'accepted', 'basic_text', '{ "acceptUnprotectedKeyStorage": true }'],
  ])('starts %s and answers the kiosk page', async (_label, name, backend, settings) => {
    const userData = join(dir, `user-data-${name}`);
    await mkdir(userData, { recursive: true });
    if (settings !== null) await writeFile(join(userData, 'kiosk-shell.json'), settings);
    const result = runMain({ FAKE_SCENARIO: 'started', FAKE_USER_DATA: userData, FAKE_BACKEND: backend });
    expect(result.fromKiosk).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('a broken kiosk-shell.json stops the start with a message instead of guessing', async () => {
    const userData = join(dir, 'user-data-broken');
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'kiosk-shell.json'), '{ "acceptUnprotectedKeyStorage": "yes" }');
    const result = runMain({ FAKE_SCENARIO: 'refused', FAKE_USER_DATA: userData });
    expect(result.exitCode).toBe(1);
    expect(result.windows).toBe(0);
    expect(result.dialogs).toEqual([expect.objectContaining({ title: 'The kiosk settings file is not valid' })]);
  });
});
