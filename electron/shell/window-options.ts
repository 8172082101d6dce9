/**
 * The kiosk window's BrowserWindow options, built from a few facts about how the app
 * runs so that tests can check every security-relevant preference without Electron.
 * (Electron security checklist items 2, 3, 4, 6, 8, 9, 12.)
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowFacts {
  /** Absolute path of dist-electron/preload.cjs. */
  readonly preloadPath: string;
  /** app.isPackaged: a packaged build never gets devtools or a window frame. */
  readonly isPackaged: boolean;
  /** process.env: KIOSK_DEVTOOLS=1 and KIOSK_WINDOWED=1 are honoured only when not packaged. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Devtools only for a developer running from source who asked for them. */
export function isDevToolsAllowed(facts: Pick<WindowFacts, 'isPackaged' | 'env'>): boolean {
  return !facts.isPackaged && facts.env.KIOSK_DEVTOOLS === '1';
}

/** A developer may run the shell in a normal window; a packaged kiosk is always locked. */
export function isWindowed(facts: Pick<WindowFacts, 'isPackaged' | 'env'>): boolean {
  return !facts.isPackaged && facts.env.KIOSK_WINDOWED === '1';
}

export function buildWindowOptions(facts: WindowFacts): BrowserWindowConstructorOptions {
  const locked = !isWindowed(facts);
  return {
    title: 'Clinic intake',
    show: false, // shown on ready-to-show, so no white flash and no half-drawn frame
    kiosk: locked,
    fullscreen: locked,
    frame: !locked,
    autoHideMenuBar: true,
    resizable: !locked,
    minimizable: !locked,
    maximizable: !locked,
    fullscreenable: locked,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: facts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      plugins: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: isDevToolsAllowed(facts),
      // The idle timer and the attract screen must keep running while nobody touches the screen.
      backgroundThrottling: false,
      autoplayPolicy: 'document-user-activation-required',
    },
  };
}
