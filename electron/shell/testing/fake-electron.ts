/**
 * A stand-in for the `electron` module, for main-smoke.test.ts only: main.ts is bundled
 * with `electron` aliased to this file and run in plain Node, so the wiring in main.ts
 * (order of start-up, IPC registration, protocol, window, key storage check) is exercised
 * without the Electron binary. It records what main does in `globalThis.__fakeElectron`.
 * Never bundled into the app (scripts/build-electron.ts keeps the real `electron` external).
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

export interface FakeState {
  readonly windows: FakeBrowserWindow[];
  readonly loaded: string[];
  readonly ipc: Map<string, (event: unknown, payload: unknown) => Promise<unknown>>;
  readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  readonly dialogs: unknown[];
  readonly session: FakeSession;
  schemes: unknown;
  menu: unknown;
  exitCode: number | null;
  loginItem: unknown;
  /** Resolves when the kiosk window first loads a URL (start-up finished its wiring). */
  readonly started: Promise<void>;
  /** Resolves when app.exit is called. */
  readonly exited: Promise<number>;
}

let markStarted: () => void = () => {};
let markExited: (code: number) => void = () => {};
let nextWebContentsId = 1;

class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  crashed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  closeDevTools(): void {}
  forcefullyCrashRenderer(): void {
    this.crashed = true;
  }
  print(): void {}
}

class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly options: unknown;
  menuRemoved = false;
  constructor(options: unknown) {
    super();
    this.options = options;
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    state.loaded.push(url);
    markStarted();
  }
  async loadFile(): Promise<void> {}
  removeMenu(): void {
    this.menuRemoved = true;
  }
  show(): void {}
  destroy(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

class FakeSession extends EventEmitter {
  readonly handlers = new Map<string, Listener>();
  readonly webRequest = {
    onBeforeRequest: (filter: unknown, handler: Listener) => this.handlers.set('onBeforeRequest', handler),
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.handlers.set('permissionRequest', handler);
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.handlers.set('permissionCheck', handler);
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.handlers.set('devicePermission', handler);
  }
  setDisplayMediaRequestHandler(handler: Listener): void {
    this.handlers.set('displayMedia', handler);
  }
  setSpellCheckerEnabled(): void {}
}

const state: FakeState = {
  windows: [],
  loaded: [],
  ipc: new Map(),
  protocolHandlers: new Map(),
  dialogs: [],
  session: new FakeSession(),
  schemes: null,
  menu: undefined,
  exitCode: null,
  loginItem: null,
  started: new Promise<void>((resolve) => (markStarted = resolve)),
  exited: new Promise<number>((resolve) => (markExited = resolve)),
};
(globalThis as { __fakeElectron?: FakeState }).__fakeElectron = state;

const paths = new Map<string, string>([['userData', process.env.FAKE_USER_DATA ?? '/nonexistent']]);

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  getPath(name: string): string {
    return paths.get(name) ?? `/nonexistent/${name}`;
  }
  setPath(name: string, value: string): void {
    paths.set(name, value);
  }
  getAppPath(): string {
    return process.env.FAKE_APP_PATH ?? '/nonexistent';
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  enableSandbox(): void {}
  setLoginItemSettings(settings: unknown): void {
    state.loginItem = settings;
  }
  quit(): void {
    this.emit('before-quit');
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exit(0);
  }
  exit(code: number): void {
    state.exitCode = code;
    markExited(code);
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const Menu = {
  setApplicationMenu: (menu: unknown) => {
    state.menu = menu;
  },
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown) => {
    state.schemes = schemes;
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    state.protocolHandlers.set(scheme, handler);
  },
};
export const ipcMain = {
  handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
    state.ipc.set(channel, handler);
  },
};
export const session = { defaultSession: state.session };
export const dialog = {
  showMessageBox: async (options: unknown) => {
    state.dialogs.push(options);
    return { response: 0 };
  },
};
export const powerSaveBlocker = { start: () => 1, isStarted: () => true, stop: () => {} };
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => process.env.FAKE_ENCRYPTION !== 'unavailable',
  getSelectedStorageBackend: () => process.env.FAKE_BACKEND ?? 'gnome_libsecret',
  encryptStringAsync: async (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptStringAsync: async (data: Buffer) => ({ result: Buffer.from(data).reverse().toString('utf8'), shouldReEncrypt: false }),
};
