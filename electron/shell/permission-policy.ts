/**
 * Permission policy: the kiosk page needs no browser permission at all (no camera,
 * microphone, location, notifications, clipboard reads, MIDI, HID, serial, USB...).
 * Everything is refused, including permission names Electron adds in later versions.
 * main.ts wires this to setPermissionRequestHandler, setPermissionCheckHandler and
 * setDevicePermissionHandler (Electron security checklist item 5).
 */

/** Permissions the renderer could plausibly ask for; listed so tests and docs can name them. */
export const KNOWN_PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
] as const;

export interface PermissionQuery {
  readonly permission: string;
  /** URL of the page or frame asking; may be empty when Electron does not know it. */
  readonly requestingUrl: string;
}

/**
 * Whether to grant a permission request or check. Always false: a kiosk that takes
 * health data from strangers has no use for any device or capability permission, and
 * an allow-list here would be one more thing a compromised page could aim at.
 */
export function shouldGrantPermission(_query: PermissionQuery): boolean {
  return false;
}
