/**
 * Machine-level settings of the shell, read from <userData>/kiosk-shell.json. They are
 * decisions a clinic's admin or installer makes for the computer, before the app core
 * (and its admin screens) can start: whether the kiosk starts at login, and whether
 * to accept an OS key store that does not actually protect the key (Linux basic_text).
 */
import { z } from 'zod';

export const SHELL_SETTINGS_FILE = 'kiosk-shell.json';

const schema = z
  .object({
    startAtLogin: z.boolean().default(false),
    /**
     * Linux only: run even though safeStorage fell back to "basic_text" (a hard-coded
     * key, i.e. no real protection of the data key). Only for machines whose disk is
     * encrypted and whose admin has read docs/SECURITY.md.
     */
    acceptUnprotectedKeyStorage: z.boolean().default(false),
  })
  .strict();

export type ShellSettings = z.output<typeof schema>;

export const DEFAULT_SHELL_SETTINGS: ShellSettings = schema.parse({});

export type ShellSettingsResult = { readonly ok: true; readonly settings: ShellSettings } | { readonly ok: false; readonly message: string };

/**
 * Parses the file's text; `null` (no file) gives the defaults. A file that exists but
 * does not parse is an error, not the defaults: silently ignoring an admin's
 * acceptUnprotectedKeyStorage or startAtLogin would be surprising either way.
 */
export function parseShellSettings(text: string | null): ShellSettingsResult {
  if (text === null) return { ok: true, settings: DEFAULT_SHELL_SETTINGS };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `${SHELL_SETTINGS_FILE} is not valid JSON.` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, message: `${SHELL_SETTINGS_FILE}: ${first ? `${first.path.join('.') || '(file)'}: ${first.message}` : 'invalid'}.` };
  }
  return { ok: true, settings: parsed.data };
}

/** app.setLoginItemSettings argument. Linux has no login items in Electron: the deployment uses a systemd unit. */
export function loginItemSettings(settings: ShellSettings, platform: NodeJS.Platform): { readonly openAtLogin: boolean } | null {
  if (platform !== 'win32' && platform !== 'darwin') return null;
  return { openAtLogin: settings.startAtLogin };
}
