import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createSettingsStore, DEFAULT_SETTINGS, SettingsValidationError, type Settings } from './store.ts';
import { tempDir, openMigratedStore } from '../tests/helpers.ts';

let dir = '';
let cleanup = () => {};
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('settings store', () => {
  it('starts with the defaults: 5-minute auto log-off, 7-year retention', async () => {
    const db = await openMigratedStore(join(tempDir().dir, 'kiosk.db'));
    expect((await createSettingsStore(db)).get()).toMatchObject({ autoLogoffMs: 300_000, retentionDays: 2557 });
    await db.close();
  });

  it("keeps a clinic's saved settings that an earlier version wrote with a retired key", async () => {
    const db = await openMigratedStore(join(tempDir().dir, 'kiosk.db'));
    const saved = { ...DEFAULT_SETTINGS, clinicName: 'Back in Balance', idleWarningMs: 120_000, acceptPlainTextKeyStorage: false };
    (await db.exec('INSERT INTO settings (singleton, value, updated_at, updated_by) VALUES (1, ?, ?, ?)', [JSON.stringify(saved), '2026-01-01T00:00:00.000Z', 'staff-1']));
    const store = await createSettingsStore(db);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, clinicName: 'Back in Balance', idleWarningMs: 120_000 });
    expect(await store.update({ retentionDays: 3650 }, 'staff-1')).not.toHaveProperty('acceptPlainTextKeyStorage');
    await db.close();
  });

  it('persists an update across restarts and records who made it', async () => {
    const file = join(dir, 'kiosk.db');
    const db = await openMigratedStore(file);
    const updated = await (await createSettingsStore(db)).update({ clinicName: 'Back in Balance', retentionDays: 3650 }, 'staff-1');
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, clinicName: 'Back in Balance', retentionDays: 3650 });
    await db.close();
    const db2 = await openMigratedStore(file);
    expect((await createSettingsStore(db2)).get().clinicName).toBe('Back in Balance');
    expect((await db2.one('SELECT updated_by FROM settings'))).toEqual({ updated_by: 'staff-1' });
    await db2.close();
  });

  it.each([
    ['retention below 30 days', { retentionDays: 7 }, 'retentionDays'],
    ['auto log-off under 30 s', { autoLogoffMs: 1_000 }, 'autoLogoffMs'],
    ['default language not offered', { defaultLanguage: 'de' }, 'defaultLanguage'],
    ['empty clinic name', { clinicName: '  ' }, 'clinicName'],
    ['unknown setting', { colour: 'red' } as Partial<Settings>, ''],
  ])('refuses %s and keeps the old value', async (_label, patch, path) => {
    const db = await openMigratedStore(join(tempDir().dir, 'kiosk.db'));
    const store = await createSettingsStore(db);
    let error: unknown;
    try {
      await store.update(patch, 'staff-1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect((error as SettingsValidationError).issues.map((i) => i.path)).toContain(path);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect((await createSettingsStore(db)).get()).toEqual(DEFAULT_SETTINGS);
    await db.close();
  });
});
