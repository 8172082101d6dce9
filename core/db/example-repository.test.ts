/**
 * A repository written against the port runs the same on both engines, and a kiosk's
 * existing SQLite file (made by today's openDatabase) opens on the port without being
 * migrated again: the ids and the schema_migrations table are the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildLegacyDatabase } from '../tests/legacy-database.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { settingsMigrations } from '../settings/store.ts';
import { createSettingsRepository, settingsDialectMigrations } from './testing/example-settings-repository.ts';
import { ENGINES, type OpenedStore } from './testing/engines.ts';
import { planMigrations, MIGRATION_DOMAINS } from './migration-plan.ts';
import { tempDir } from '../tests/helpers.ts';

describe.each(ENGINES)('example settings repository on $dialect', (engine) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });

  it.skipIf(!engine.isAvailable)('saves, overwrites and loads the one settings document, atomically with its caller', async () => {
    opened = await engine.open();
    await opened.store.migrate(settingsDialectMigrations);
    const repo = createSettingsRepository(opened.store);
    expect(await repo.load()).toBeNull();
    await repo.save({ clinicName: 'North' }, 'admin', new Date('2025-03-10T09:00:00Z'));
    await repo.save({ clinicName: 'South' }, 'owner', new Date('2025-03-11T09:00:00Z'));
    await expect(
      opened.store.transaction(async (tx) => {
        await createSettingsRepository(tx).save({ clinicName: 'Lost' }, 'admin', new Date());
        throw new Error('the audit append failed');
      }),
    ).rejects.toThrow('the audit append failed');
    expect(await repo.load()).toEqual({ value: { clinicName: 'South' }, updatedBy: 'owner' });
  });
});

describe('moving an existing kiosk onto the port', () => {
  it("today's SQLite file opens on the port: no step re-applied, the data still there", async () => {
    const { dir, cleanup } = tempDir('kiosk-upgrade-');
    try {
      const file = join(dir, 'kiosk.db');
      const legacy = buildLegacyDatabase(file, settingsMigrations);
      legacy.prepare("INSERT INTO settings (singleton, value, updated_at, updated_by) VALUES (1, '{\"clinicName\":\"Old\"}', '2025-01-01', 'admin')").run();
      legacy.close();
      const store = await openSqliteStore(file);
      expect(await store.migrate(settingsDialectMigrations)).toEqual({ applied: [] });
      expect(await createSettingsRepository(store).load()).toEqual({ value: { clinicName: 'Old' }, updatedBy: 'admin' });
      await store.close();
    } finally {
      cleanup();
    }
  });
});

describe('planMigrations', () => {
  const step = (id: string) => ({ id, sqlite: '', postgres: '' });
  const empty = Object.fromEntries(MIGRATION_DOMAINS.map((d) => [d, []])) as unknown as Parameters<typeof planMigrations>[0];

  it('orders the steps by the domain list, not by how the record was written', () => {
    const plan = planMigrations({ ...empty, branding: [step('branding-001')], secrets: [step('secrets-001')], audit: [step('audit-001'), step('audit-002')] });
    expect(plan.map((m) => m.id)).toEqual(['secrets-001', 'audit-001', 'audit-002', 'branding-001']);
  });

  it('refuses an id that two domains both use', () => {
    expect(() => planMigrations({ ...empty, staff: [step('x-001')], audit: [step('x-001')] })).toThrow(/listed twice/);
  });
});
