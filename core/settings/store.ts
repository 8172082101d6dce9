/**
 * Clinic settings: one validated JSON document in the database. Settings hold no health
 * data, so they are stored in clear; every update is validated as a whole so a bad patch
 * cannot leave the kiosk unable to start.
 */
import { z } from 'zod';
import { AGE_OF_CONSENT_RANGE, DEFAULT_FORM_SETTINGS, type FormSettings } from '../../forms/engine/index.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';

export interface Settings {
  readonly clinicName: string;
  readonly clinicAddress: string;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly idleWarningMs: number;
  readonly idleCountdownMs: number;
  readonly doneResetMs: number;
  readonly autoLogoffMs: number;
  readonly exportFolder: string | null;
  /** Submissions older than this are purged. Default 7 years, a common retention period for health records. */
  readonly retentionDays: number;
  /** Under this age (completed years) a guardian consents for the client; forms read it as `settings.ageOfConsent`. */
  readonly ageOfConsent: number;
}

export const DEFAULT_SETTINGS: Settings = {
  clinicName: 'Massage Therapy Clinic',
  clinicAddress: '',
  languages: ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'],
  defaultLanguage: 'en',
  idleWarningMs: 90_000,
  idleCountdownMs: 30_000,
  doneResetMs: 15_000,
  autoLogoffMs: 5 * 60_000,
  exportFolder: null,
  retentionDays: 2557,
  ageOfConsent: DEFAULT_FORM_SETTINGS.ageOfConsent,
};

/**
 * Keys earlier versions stored that are no longer settings; dropped on load so the strict schema
 * does not reject (and so reset) a clinic's saved settings after an upgrade.
 * acceptPlainTextKeyStorage: the shell reads that choice from kiosk-shell.json, before the database opens.
 */
const RETIRED_KEYS: readonly string[] = ['acceptPlainTextKeyStorage'];

const language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/);
const ms = (min: number, max: number) => z.number().int().min(min).max(max);

const settingsSchema = z
  .object({
    clinicName: z.string().trim().min(1).max(200),
    clinicAddress: z.string().max(500),
    languages: z.array(language).min(1).max(20),
    defaultLanguage: language,
    idleWarningMs: ms(10_000, 3_600_000),
    idleCountdownMs: ms(5_000, 600_000),
    doneResetMs: ms(3_000, 600_000),
    autoLogoffMs: ms(30_000, 3_600_000),
    exportFolder: z.string().min(1).max(1_000).nullable(),
    // At least 30 days: a purge of last week's records by a typo would be unrecoverable.
    retentionDays: z.number().int().min(30).max(36_500),
    ageOfConsent: z.number().int().min(AGE_OF_CONSENT_RANGE.min).max(AGE_OF_CONSENT_RANGE.max),
  })
  .strict()
  .refine((s) => s.languages.includes(s.defaultLanguage), { message: 'The default language must be one of the languages.', path: ['defaultLanguage'] });

export const settingsMigrations: readonly DialectMigration[] = [
  {
    id: 'settings-001',
    sqlite: `CREATE TABLE settings (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;`,
    postgres: `CREATE TABLE settings (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );`,
  },
];

export type SettingsStore = Awaited<ReturnType<typeof createSettingsStore>>;

/** The values a form's conditions read (`settings.<name>`), from the clinic settings. */
export function formSettingsOf(s: Pick<Settings, 'ageOfConsent'>): FormSettings {
  return { ageOfConsent: s.ageOfConsent };
}

/** Thrown by update() for an invalid patch; `issues` names the fields. */
export class SettingsValidationError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super('The settings are not valid.');
    this.name = 'SettingsValidationError';
    this.issues = issues;
  }
}

/**
 * Loads the settings once (get() answers from memory: every screen and timer reads it) and
 * writes each update through to the store.
 */
export async function createSettingsStore(store: Queryable) {
  const load = async (): Promise<Settings> => parseStored((await store.one<{ value: string }>('SELECT value FROM settings WHERE singleton = 1'))?.value);
  let cached: Settings = await load();

  function parseStored(value: string | undefined): Settings {
    if (value === undefined) return DEFAULT_SETTINGS;
    // Defaults first: settings added in a later version get their default on upgrade.
    const stored = Object.fromEntries(Object.entries(JSON.parse(value) as object).filter(([key]) => !RETIRED_KEYS.includes(key)));
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  const get = (): Settings => cached;

  return {
    get,
    /** Validates the merged result; throws SettingsValidationError and stores nothing if invalid. */
    async update(patch: Partial<Settings>, actor: string): Promise<Settings> {
      const parsed = settingsSchema.safeParse({ ...get(), ...patch });
      if (!parsed.success) {
        throw new SettingsValidationError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
      }
      await store.exec(
        `INSERT INTO settings (singleton, value, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT(singleton) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [JSON.stringify(parsed.data), new Date().toISOString(), actor],
      );
      // After the write committed: a failed write leaves the cache as the store has it.
      cached = parsed.data;
      return parsed.data;
    },
  };
}
