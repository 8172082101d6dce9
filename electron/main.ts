/**
 * The Electron main process: a thin shell. Every decision lives in a pure, tested
 * module under electron/shell/; this file only wires them to Electron in order:
 * privileged scheme -> run mode -> single instance -> ready -> hardening -> key storage
 * check -> app core -> IPC -> kiosk window. See docs/SECURITY.md for the checklist.
 */
import { app, dialog, ipcMain, protocol, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS, type Channel } from '../api/contract.ts';
import { fail } from '../api/result.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { storeConfigFromEnv } from '../core/db/open-store.ts';
import { isStoreError } from '../core/db/errors.ts';
import type { CallContext } from '../core/handler.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createHttpsTransport } from '../core/network/https-transport.ts';
import type { KeyProvider } from '../core/ports.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './shell/app-url.ts';
import { APP_SCHEME_PRIVILEGES, hardenSession, hardenWebContents } from './shell/electron-hardening.ts';
import { clearPrintSpool, createElectronPrinter } from './shell/electron-printer.ts';
import { registerAppProtocol } from './shell/electron-protocol.ts';
import { createPrintJobs } from './shell/print-jobs.ts';
import { createKioskWindow } from './shell/electron-window.ts';
import { shellLog } from './shell/log.ts';
import { resolveRunMode, type RunMode } from './shell/run-mode.ts';
import { checkKeyStorage, createSafeStorageKeyProvider } from './shell/safe-storage-key-provider.ts';
import { checkSender } from './shell/sender-check.ts';
import { loginItemSettings, parseShellSettings, SHELL_SETTINGS_FILE, type ShellSettings } from './shell/shell-settings.ts';

// Must happen before 'ready': app:// gets a real origin and a secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const runMode: RunMode = resolveRunMode(app.isPackaged, process.env);
if (runMode.kind === 'test') {
  // Test mode (never when packaged): Chromium's profile goes to the test's temp dir too.
  app.setPath('userData', join(runMode.dataDir, 'user-data'));
}

let isQuitting = false;
let kioskWebContentsId: number | null = null;
let core: Core | null = null;

async function failClosed(title: string, message: string): Promise<never> {
  shellLog(`refusing to start: ${title}`);
  await dialog.showMessageBox({ type: 'error', title, message: title, detail: message, buttons: ['Quit'], noLink: true });
  app.exit(1);
  // app.exit does not return control in practice; satisfy the type checker.
  throw new Error(title);
}

async function readShellSettings(): Promise<ShellSettings> {
  let text: string | null = null;
  try {
    text = readFileSync(join(app.getPath('userData'), SHELL_SETTINGS_FILE), 'utf8');
  } catch (error) {
    // The message of an fs error names only the settings file's path: no client data.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return failClosed('The kiosk settings file could not be read', String((error as Error).message));
  }
  const parsed = parseShellSettings(text);
  return parsed.ok ? parsed.settings : failClosed('The kiosk settings file is not valid', parsed.message);
}

async function keyProviderFor(mode: RunMode, settings: ShellSettings, dataDir: string): Promise<KeyProvider> {
  if (mode.kind === 'test') return createKeyFileProvider(join(dataDir, 'test-data-key.bin'));
  const check = checkKeyStorage({
    platform: process.platform,
    asyncEncryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'not-linux',
    acceptUnprotectedKeyStorage: settings.acceptUnprotectedKeyStorage,
  });
  if (!check.ok) return failClosed(check.title, check.message);
  return createSafeStorageKeyProvider(safeStorage, check.description);
}

function registerIpc(handlers: Core['handlers']): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      const verdict = checkSender({ frameUrl, isMainFrame: event.senderFrame?.parent === null, webContentsId: event.sender.id }, kioskWebContentsId);
      if (!verdict.ok) {
        shellLog(`ipc ${channel} refused: ${verdict.reason}`);
        return fail('forbidden_sender', 'This request did not come from the kiosk app.');
      }
      // The core checks the origin again, the channel's access and the payload (core/handler.ts).
      // Staff sessions are kept per caller: here one per webContents (only the kiosk window gets this far).
      const handler: (payload: unknown, ctx: CallContext) => Promise<unknown> = handlers[channel satisfies Channel];
      return handler(payload, { senderUrl: frameUrl, caller: { id: `webContents:${event.sender.id}`, kind: 'kiosk' } });
    });
  }
}

async function start(): Promise<void> {
  const settings = await readShellSettings();
  const dataDir = runMode.kind === 'test' ? runMode.dataDir : join(app.getPath('userData'), 'data');
  const appRoot = app.getAppPath(); // the ASAR when packaged

  hardenSession(session.defaultSession);
  const printJobs = createPrintJobs({ randomToken: () => randomBytes(32).toString('base64url'), now: () => Date.now() });
  registerAppProtocol(protocol, join(appRoot, 'dist', 'renderer'), printJobs);

  const keyProvider = await keyProviderFor(runMode, settings, dataDir);
  await clearPrintSpool(join(app.getPath('userData'), 'print-spool'));
  core = await createCore({
    dataDir,
    // KIOSK_DATABASE_URL=postgres://... is the clinic's shared store; absent, kiosk.db in the data dir.
    database: storeConfigFromEnv(process.env, dataDir),
    keyProvider,
    printer: createElectronPrinter({ jobs: printJobs }),
    allowedOrigins: [APP_ORIGIN],
    host: { quit: () => app.quit() },
    // Joining a clinic server (Admin > Clinic server): HTTPS verified against the clinic CA only.
    transportFactory: createHttpsTransport,
    onError: (channel, code) => shellLog(`ipc ${channel} failed: ${code}`),
  });
  registerIpc(core.handlers);

  const loginItem = loginItemSettings(settings, process.platform);
  if (loginItem !== null && app.isPackaged) app.setLoginItemSettings(loginItem);

  const window = createKioskWindow({
    preloadPath: join(appRoot, 'dist-electron', 'preload.cjs'),
    isPackaged: app.isPackaged,
    env: process.env,
    isQuitting: () => isQuitting,
  });
  kioskWebContentsId = window.webContents.id;
  await window.loadURL(APP_ENTRY_URL);
  shellLog(`kiosk started (${runMode.kind}, key storage: ${keyProvider.description})`);
}

if (!app.requestSingleInstanceLock()) {
  // Another kiosk is already running on this user account: two would share one database.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => shellLog('second instance refused'));
  app.on('before-quit', () => {
    isQuitting = true;
  });
  app.on('will-quit', (event) => {
    if (core === null) return;
    // Let the core finish background work (exports) and close the database cleanly.
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // The error's message may come from anywhere; log its type only.
      shellLog(`start failed (${error instanceof Error ? error.name : typeof error})`);
      // A store error names the problem (database unreachable, in use, newer schema) and never a password.
      const message = isStoreError(error) ? error.message : 'The kiosk could not start. Restart the computer; if this keeps happening, contact support.';
      void dialog.showMessageBox({ type: 'error', title: 'The kiosk could not start', message, buttons: ['Quit'] }).finally(() => app.exit(1));
    });
}
