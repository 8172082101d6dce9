/**
 * Keyboard policy for the kiosk window (wired to webContents 'before-input-event').
 * Blocks the shortcuts that reload, close, zoom, print, open tools or otherwise leave
 * the kiosk; lets ordinary typing and text editing through.
 *
 * Staff exit: Ctrl+Alt+Shift+S (physical S key, any layout) is let through to the page,
 * where the renderer opens the staff PIN screen. It never quits anything by itself:
 * quitting the kiosk is an admin action behind the admin PIN inside the app.
 *
 * Keys the OS handles before Electron sees them (Ctrl+Alt+Del, the Windows key,
 * Alt+Tab, Ctrl+Alt+F1 VT switching) cannot be blocked here: docs/KIOSK-DEPLOYMENT.md
 * covers the OS-level lockdown that handles those.
 */

/** The fields of Electron's `Input` (before-input-event) this policy reads. */
export interface KeyInput {
  readonly type: string; // 'keyDown' | 'keyUp' | 'rawKeyDown' | 'char' ...
  readonly key: string;
  readonly code: string;
  readonly control: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
}

export type KeyDecision = 'allow' | 'block' | 'staff-exit';

// Ctrl/Cmd shortcuts that only edit text inside the focused field.
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

// Browser and media keys that navigate or reload.
const BLOCKED_NAMED_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'BrowserStop', 'BrowserFavorites', 'LaunchApplication1', 'LaunchApplication2', 'LaunchMail', 'Print', 'ZoomIn', 'ZoomOut', 'ZoomToggle', 'Help']);

function isFunctionKey(key: string): boolean {
  return /^F([1-9]|1[0-9]|2[0-4])$/.test(key);
}

/** Whether the key event produces a single visible character (typing). */
function isCharacter(key: string): boolean {
  return [...key].length === 1;
}

export function decideKey(input: KeyInput): KeyDecision {
  // Only key-down style events trigger actions; a blocked key-down suppresses its key-press.
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return 'allow';

  if (input.control && input.alt && input.shift && !input.meta && input.code === 'KeyS') return 'staff-exit';

  // Reload (F5), fullscreen (F11), devtools (F12), caret browsing (F7), find (F3), help (F1)...
  if (isFunctionKey(input.key)) return 'block';
  if (BLOCKED_NAMED_KEYS.has(input.key)) return 'block';

  // AltGr is reported as Ctrl+Alt on Windows; when it yields a character (e.g. "@" on a
  // German layout) it is typing, not a shortcut.
  if (input.control && input.alt && !input.meta && isCharacter(input.key) && !/^[a-z0-9]$/i.test(input.key)) return 'allow';

  if (input.control || input.meta) {
    // Ctrl+Shift+I/J/C (devtools), Ctrl+R, Ctrl+W, Cmd+Q, Ctrl+N/T, Ctrl+P, Ctrl+0/+/-,
    // Ctrl+O/S/F/G/H/L/U... everything except plain text editing.
    if (!input.alt && !input.shift && EDITING_KEYS.has(input.key.toLowerCase())) return 'allow';
    // Ctrl+Shift+Z is redo on macOS and in many text fields.
    if (!input.alt && input.shift && input.key.toLowerCase() === 'z') return 'allow';
    // Ctrl/Cmd+arrows, Home/End, Backspace/Delete move or delete by word/line inside the field.
    if (!input.alt && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Backspace', 'Delete'].includes(input.key)) return 'allow';
    return 'block';
  }

  if (input.alt) {
    // Alt+F4 is caught above as a function key. Alt+Left/Right/Home navigate history.
    if (['ArrowLeft', 'ArrowRight', 'Home'].includes(input.key)) return 'block';
  }

  return 'allow';
}
