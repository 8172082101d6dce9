/**
 * Creates the kiosk window and attaches the runtime policies: keyboard lockdown,
 * crash/hang recovery, the display kept awake while the kiosk is shown, devtools kept
 * shut, and a close guard (the window closes only when the app is quitting).
 */
import { BrowserWindow, Menu, powerSaveBlocker } from 'electron';
import { APP_ENTRY_URL, APP_FAULT_URL } from './app-url.ts';
import { decideKey } from './keyboard-policy.ts';
import { createRecoveryPolicy, type FailureReason, type RecoveryAction } from './recovery-policy.ts';
import { buildWindowOptions, isDevToolsAllowed, type WindowFacts } from './window-options.ts';
import { shellLog } from './log.ts';
import { assertNever } from '../../forms/engine/index.ts';

export interface KioskWindowOptions extends WindowFacts {
  /** True once the app is quitting: until then every close (Alt+F4, window manager) is refused. */
  readonly isQuitting: () => boolean;
}

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions(options));
  Menu.setApplicationMenu(null);
  window.removeMenu();
  const contents = window.webContents;

  contents.on('before-input-event', (event, input) => {
    const decision = decideKey(input);
    switch (decision) {
      case 'allow':
        return;
      case 'block':
        event.preventDefault();
        return;
      case 'staff-exit':
        // Let it through: the renderer opens the staff PIN screen. Nothing quits here.
        shellLog('staff exit shortcut used');
        return;
      default:
        assertNever(decision, 'key decision');
    }
  });

  if (!isDevToolsAllowed(options)) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }

  const recovery = createRecoveryPolicy();
  const act = (reason: FailureReason): void => {
    const action: RecoveryAction = recovery.onFailure(reason, Date.now());
    shellLog(`renderer failure (${reason}): ${action.kind}`);
    switch (action.kind) {
      case 'ignore':
        return;
      case 'crash-renderer':
        contents.forcefullyCrashRenderer();
        return;
      case 'reload':
        void window.loadURL(APP_ENTRY_URL).catch(() => shellLog('reload after failure did not load'));
        return;
      case 'show-fault':
        void window.loadURL(APP_FAULT_URL).catch(() => shellLog('fault page did not load'));
        return;
      default:
        assertNever(action, 'recovery action');
    }
  };
  contents.on('render-process-gone', (_event, details) => {
    if (!window.isDestroyed() && !options.isQuitting()) act(details.reason);
  });
  window.on('unresponsive', () => act('unresponsive'));

  // Keep the screen on while the kiosk is visible; a sleeping lobby screen looks broken.
  let blockerId: number | null = null;
  window.once('ready-to-show', () => {
    window.show();
    blockerId = powerSaveBlocker.start('prevent-display-sleep');
  });
  window.on('closed', () => {
    if (blockerId !== null && powerSaveBlocker.isStarted(blockerId)) powerSaveBlocker.stop(blockerId);
  });

  window.on('close', (event) => {
    if (!options.isQuitting()) {
      shellLog('window close refused (kiosk is not quitting)');
      event.preventDefault();
    }
  });

  return window;
}
