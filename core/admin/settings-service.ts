/**
 * The admin's view of the clinic settings: the data layer's settings store (wrapped,
 * not changed) plus the clinic logo, kept in its own table because the store's schema
 * does not have it. Times are shown to admins in seconds and minutes. The export folder
 * is checked for write access, by writing and deleting a probe file, before it is saved.
 */
import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { AdminSettings, ParsedRequest } from '../../api/contract.ts';
import type { ApiIssue } from '../../api/result.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { Clock } from '../ports.ts';
import { SettingsValidationError, type Settings, type SettingsStore } from '../settings/store.ts';

export const brandingMigrations: readonly DialectMigration[] = [
  {
    id: 'branding-001',
    sqlite: `CREATE TABLE clinic_branding (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      logo_data_url TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;`,
    postgres: `CREATE TABLE clinic_branding (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      logo_data_url TEXT,
      updated_at TEXT NOT NULL
    );`,
  },
];

export type SettingsPatch = ParsedRequest<'admin:updateSettings'>;

/** An update the admin has to fix; `issues` name the fields in AdminSettings terms. */
export class AdminSettingsError extends Error {
  readonly issues: readonly ApiIssue[];
  constructor(message: string, issues: readonly ApiIssue[]) {
    super(message);
    this.name = 'AdminSettingsError';
    this.issues = issues;
  }
}

/** The store's field for each admin field, to name store errors in the admin's terms. */
const STORE_TO_ADMIN: Readonly<Partial<Record<keyof Settings, keyof AdminSettings>>> = {
  idleWarningMs: 'idleWarningSeconds',
  idleCountdownMs: 'idleCountdownSeconds',
  doneResetMs: 'doneResetSeconds',
  autoLogoffMs: 'autoLogoffMinutes',
};

/** Checks that the kiosk can create and delete a file in `folder`; returns a message when it cannot. */
export async function probeWritable(folder: string): Promise<string | null> {
  if (!isAbsolute(folder)) return 'Enter the full path of the folder, e.g. /mnt/share/intake or C:\\Intake.';
  const probe = join(folder, `.kiosk-write-check-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(probe, 'kiosk write check\n', { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'That folder does not exist.';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'The kiosk is not allowed to write to that folder.';
    return 'The kiosk could not write a test file to that folder.';
  }
  try {
    await unlink(probe);
  } catch {
    return 'The kiosk could write to that folder but not delete its test file.';
  }
  return null;
}

function toAdmin(s: Settings, logoDataUrl: string | null): AdminSettings {
  return {
    clinicName: s.clinicName,
    clinicAddress: s.clinicAddress,
    logoDataUrl,
    idleWarningSeconds: Math.round(s.idleWarningMs / 1000),
    idleCountdownSeconds: Math.round(s.idleCountdownMs / 1000),
    doneResetSeconds: Math.round(s.doneResetMs / 1000),
    autoLogoffMinutes: Math.round(s.autoLogoffMs / 60_000),
    exportFolder: s.exportFolder,
    retentionDays: s.retentionDays,
    ageOfConsent: s.ageOfConsent,
    languages: s.languages,
    defaultLanguage: s.defaultLanguage,
  };
}

/** The store patch an admin patch means (units converted; absent fields untouched). */
export function toStorePatch(p: SettingsPatch): Partial<Settings> {
  const patch: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  if (p.clinicName !== undefined) patch.clinicName = p.clinicName;
  if (p.clinicAddress !== undefined) patch.clinicAddress = p.clinicAddress;
  if (p.idleWarningSeconds !== undefined) patch.idleWarningMs = p.idleWarningSeconds * 1000;
  if (p.idleCountdownSeconds !== undefined) patch.idleCountdownMs = p.idleCountdownSeconds * 1000;
  if (p.doneResetSeconds !== undefined) patch.doneResetMs = p.doneResetSeconds * 1000;
  if (p.autoLogoffMinutes !== undefined) patch.autoLogoffMs = p.autoLogoffMinutes * 60_000;
  // An empty folder field means "no export copy".
  if (p.exportFolder !== undefined) patch.exportFolder = p.exportFolder === null || p.exportFolder === '' ? null : p.exportFolder;
  if (p.retentionDays !== undefined) patch.retentionDays = p.retentionDays;
  if (p.ageOfConsent !== undefined) patch.ageOfConsent = p.ageOfConsent;
  if (p.languages !== undefined) patch.languages = [...new Set(p.languages)];
  if (p.defaultLanguage !== undefined) patch.defaultLanguage = p.defaultLanguage;
  return patch;
}

/** Which admin fields differ, with short before/after values for the audit log (no images, no long text). */
export function settingsDiff(before: AdminSettings, after: AdminSettings): Readonly<Record<string, string | number | boolean>> {
  const details: Record<string, string | number | boolean> = {};
  const changed: string[] = [];
  const short = (v: unknown): string | number | boolean => {
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (v === null || v === undefined) return '(none)';
    const text = Array.isArray(v) ? v.join(',') : String(v);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  for (const key of Object.keys(after) as (keyof AdminSettings)[]) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changed.push(key);
    if (key === 'logoDataUrl') {
      // The image itself is not a summary: its presence and size are.
      details.logo_before = a ? `${Math.round(String(a).length / 1.37 / 1000)} kB` : '(none)';
      details.logo_after = b ? `${Math.round(String(b).length / 1.37 / 1000)} kB` : '(none)';
      continue;
    }
    details[`${key}_before`.slice(0, 40)] = short(a);
    details[`${key}_after`.slice(0, 40)] = short(b);
  }
  details.changed = changed.join(',');
  return details;
}

export type AdminSettingsService = ReturnType<typeof createAdminSettingsService>;

export function createAdminSettingsService(db: Queryable, store: SettingsStore, clock: Clock) {
  const logo = async (): Promise<string | null> =>
    (await db.one<{ logo_data_url: string | null }>('SELECT logo_data_url FROM clinic_branding WHERE singleton = 1'))?.logo_data_url ?? null;

  return {
    get: async (): Promise<AdminSettings> => toAdmin(store.get(), await logo()),

    /** The clinic logo as a PNG/JPEG data URL, for the kiosk config and the PDF. */
    logoDataUrl: logo,

    /**
     * Validates the whole result (store rules + export folder write check) and saves it,
     * or throws AdminSettingsError and saves nothing.
     */
    async update(patch: SettingsPatch, actor: string): Promise<{ readonly before: AdminSettings; readonly after: AdminSettings }> {
      const before = toAdmin(store.get(), await logo());
      const storePatch = toStorePatch(patch);
      const folder = storePatch.exportFolder;
      if (folder && folder !== store.get().exportFolder) {
        const problem = await probeWritable(folder);
        if (problem) throw new AdminSettingsError(problem, [{ path: 'exportFolder', message: problem }]);
      }
      let stored: Settings;
      try {
        stored = Object.keys(storePatch).length > 0 ? await store.update(storePatch, actor) : store.get();
      } catch (error) {
        if (!(error instanceof SettingsValidationError)) throw error;
        const issues = error.issues.map((i) => ({ path: STORE_TO_ADMIN[i.path as keyof Settings] ?? i.path, message: i.message }));
        throw new AdminSettingsError(`Please check ${issues.map((i) => i.path).join(', ')}.`, issues);
      }
      if (patch.logoDataUrl !== undefined) {
        await db.exec(
          `INSERT INTO clinic_branding (singleton, logo_data_url, updated_at) VALUES (1, ?, ?)
           ON CONFLICT(singleton) DO UPDATE SET logo_data_url = excluded.logo_data_url, updated_at = excluded.updated_at`,
          [patch.logoDataUrl, clock.now().toISOString()],
        );
      }
      return { before, after: toAdmin(stored, await logo()) };
    },
  };
}
