import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../db/database.ts';
import { createSettingsStore, DEFAULT_SETTINGS, settingsMigrations, SettingsValidationError, type Settings } from './store.ts';
import { tempDir } from '../tests/helpers.ts';

let dir = '';
let cleanup = () => {};
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('settings store', () => {
  it('starts with the defaults: 5-minute auto log-off, 7-year retention', () => {
    const db = openDatabase(':memory:', settingsMigrations);
    expect(createSettingsStore(db).get()).toMatchObject({ autoLogoffMs: 300_000, retentionDays: 2557 });
    db.close();
  });

  it("keeps a clinic's saved settings that an earlier version wrote with a retired key", () => {
    const db = openDatabase(':memory:', settingsMigrations);
    const saved = { ...DEFAULT_SETTINGS, clinicName: 'Back in Balance', idleWarningMs: 120_000, acceptPlainTextKeyStorage: false };
    db.prepare('INSERT INTO settings (singleton, value, updated_at, updated_by) VALUES (1, ?, ?, ?)').run(JSON.stringify(saved), '2026-01-01T00:00:00.000Z', 'staff-1');
    const store = createSettingsStore(db);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, clinicName: 'Back in Balance', idleWarningMs: 120_000 });
    expect(await store.update({ retentionDays: 3650 }, 'staff-1')).not.toHaveProperty('acceptPlainTextKeyStorage');
    db.close();
  });

  it('persists an update across restarts and records who made it', () => {
    const file = join(dir, 'kiosk.db');
    const db = openDatabase(file, settingsMigrations);
    const updated = createSettingsStore(db).update({ clinicName: 'Back in Balance', retentionDays: 3650 }, 'staff-1');
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, clinicName: 'Back in Balance', retentionDays: 3650 });
    db.close();
    const db2 = openDatabase(file, settingsMigrations);
    expect(createSettingsStore(db2).get().clinicName).toBe('Back in Balance');
    expect(db2.prepare('SELECT updated_by FROM settings').get()).toEqual({ updated_by: 'staff-1' });
    db2.close();
  });

  it.each([
    ['retention below 30 days', { retentionDays: 7 }, 'retentionDays'],
    ['auto log-off under 30 s', { autoLogoffMs: 1_000 }, 'autoLogoffMs'],
    ['default language not offered', { defaultLanguage: 'de' }, 'defaultLanguage'],
    ['empty clinic name', { clinicName: '  ' }, 'clinicName'],
    ['unknown setting', { colour: 'red' } as Partial<Settings>, ''],
  ])('refuses %s and keeps the old value', (_label, patch, path) => {
    const db = openDatabase(':memory:', settingsMigrations);
    const store = createSettingsStore(db);
    let error: unknown;
    try {
      await store.update(patch, 'staff-1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect((error as SettingsValidationError).issues.map((i) => i.path)).toContain(path);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(createSettingsStore(db).get()).toEqual(DEFAULT_SETTINGS);
    db.close();
  });
});
