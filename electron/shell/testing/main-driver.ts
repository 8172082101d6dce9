/**
 * Runs electron/main.ts against fake-electron.ts (bundled by main-smoke.test.ts with
 * `electron` aliased to the fake) and prints what happened as one JSON line.
 * FAKE_SCENARIO=started: the kiosk starts; the driver pokes IPC, the protocol, keys,
 * navigation, permissions, crash recovery and quitting. FAKE_SCENARIO=refused: wait for
 * the app to exit (key storage refused) and report the dialogs.
 */
import '../../main.ts';
import type { FakeState } from './fake-electron.ts';

const state = (globalThis as { __fakeElectron?: FakeState }).__fakeElectron;
if (!state) throw new Error('fake electron not loaded');

const fire = (emitter: { emit(event: string, ...args: unknown[]): boolean }, event: string, fields: Record<string, unknown> = {}, ...rest: unknown[]) => {
  let prevented = false;
  emitter.emit(event, { ...fields, preventDefault: () => (prevented = true) }, ...rest);
  return prevented;
};

async function started(): Promise<Record<string, unknown>> {
  await state!.started;
  // Let start() finish its last lines after loadURL.
  await new Promise((resolve) => setImmediate(resolve));
  const window = state!.windows[0]!;
  const contents = window.webContents;
  const frame = (url: string, parent: unknown = null) => ({ url, parent });
  const call = (channel: string, senderId: number, url: string, parent: unknown = null) =>
    state!.ipc.get(channel)!({ sender: { id: senderId }, senderFrame: frame(url, parent) }, {}) as Promise<{ ok: boolean; error?: { code: string } }>;

  const fromKiosk = await call('kiosk:getConfig', contents.id, 'app://kiosk/index.html');
  const fromOtherWindow = await call('kiosk:getConfig', contents.id + 100, 'app://kiosk/index.html');
  const fromSubframe = await call('kiosk:getConfig', contents.id, 'app://kiosk/index.html', {});
  const fromForeignPage = await call('kiosk:getConfig', contents.id, 'https://example.com/');
  const page = await state!.protocolHandlers.get('app')!(new Request('app://kiosk/index.html'));
  const traversal = await state!.protocolHandlers.get('app')!(new Request('app://kiosk/..%2f..%2fpackage.json'));

  let permissionGranted: unknown = 'not called';
  (state!.session.handlers.get('permissionRequest') as (...args: unknown[]) => void)(contents, 'media', (granted: boolean) => (permissionGranted = granted), { requestingUrl: 'app://kiosk/index.html' });
  let remoteCancelled: unknown = 'not called';
  (state!.session.handlers.get('onBeforeRequest') as (...args: unknown[]) => void)({ url: 'https://example.com/' }, (response: { cancel: boolean }) => (remoteCancelled = response.cancel));

  const keys = {
    F5: fire(contents, 'before-input-event', {}, { type: 'keyDown', key: 'F5', code: 'F5', control: false, shift: false, alt: false, meta: false }),
    letter: fire(contents, 'before-input-event', {}, { type: 'keyDown', key: 'a', code: 'KeyA', control: false, shift: false, alt: false, meta: false }),
  };
  const navigation = {
    away: fire(contents, 'will-navigate', { url: 'https://example.com/' }),
    inApp: fire(contents, 'will-navigate', { url: 'app://kiosk/index.html' }),
  };
  const windowOpen = contents.windowOpenHandler?.({ url: 'https://example.com/' });
  const closeBeforeQuit = fire(window, 'close');

  const loadsBeforeCrash = state!.loaded.length;
  contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  const reloadedTo = state!.loaded.slice(loadsBeforeCrash);
  window.emit('unresponsive');

  const { app } = await import('electron');
  app.quit();
  const exitCode = await state!.exited;
  const closeWhileQuitting = fire(window, 'close');

  return {
    options: window.options,
    menu: state!.menu,
    menuRemoved: window.menuRemoved,
    schemes: state!.schemes,
    channels: [...state!.ipc.keys()].sort(),
    fromKiosk: fromKiosk.ok,
    fromOtherWindow: fromOtherWindow.error?.code,
    fromSubframe: fromSubframe.error?.code,
    fromForeignPage: fromForeignPage.error?.code,
    page: { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() },
    traversalStatus: traversal.status,
    permissionGranted,
    remoteCancelled,
    keys,
    navigation,
    windowOpen,
    closeBeforeQuit,
    reloadedTo,
    hungRendererCrashed: contents.crashed,
    closeWhileQuitting,
    exitCode,
    firstLoad: state!.loaded[0],
  };
}

async function refused(): Promise<Record<string, unknown>> {
  const exitCode = await state!.exited;
  return { exitCode, dialogs: state!.dialogs, windows: state!.windows.length, ipcChannels: state!.ipc.size };
}

const result = await (process.env.FAKE_SCENARIO === 'refused' ? refused() : started());
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
