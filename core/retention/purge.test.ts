import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSubmissionRepository } from '../submissions/repository.ts';
import { createAuditLog } from '../audit/log.ts';
import { auditKey } from '../audit/chain.ts';
import { createSettingsStore } from '../settings/store.ts';
import { purgeExpired, retentionCutoff } from './purge.ts';
import { ManualClock, openTestStore, sampleSubmission, tempDir, type TestStore } from '../tests/helpers.ts';
import { ENGINES } from '../db/testing/engines.ts';
import { CORE_MIGRATIONS } from '../migrations.ts';
import { openVault } from '../crypto/vault.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { join } from 'node:path';

let store: TestStore;
let cleanup = () => {};
beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = await openTestStore(t.dir);
});
afterEach(async () => {
  await store.db.close();
  cleanup();
});

async function setup() {
  const clock = new ManualClock('2032-06-01T12:00:00.000Z');
  const repo = createSubmissionRepository(store.store, store.vault, clock);
  const audit = createAuditLog(store.store, clock, { key: auditKey(store.vault) });
  const settings = await createSettingsStore(store.store);
  const old = sampleSubmission({ clientName: 'Old Client', createdAt: '2025-05-01T09:00:00.000Z' });
  const edge = sampleSubmission({ clientName: 'Edge Client', createdAt: retentionCutoff(clock.now(), 2557) });
  const recent = sampleSubmission({ clientName: 'Recent Client', createdAt: '2032-01-01T09:00:00.000Z' });
  for (const s of [old, edge, recent]) (await repo.insert(s));
  return { clock, repo, audit, settings, old, edge, recent };
}

describe('purgeExpired', () => {
  it('deletes only submissions older than the retention period, with their search tokens, and audits the run', async () => {
    const { clock, repo, audit, settings, old, edge, recent } = await setup();
    expect(await purgeExpired(store.store, clock, settings, audit)).toEqual({ purged: 1 });
    expect(await repo.get(old.id)).toBeNull();
    expect(await repo.get(edge.id)).not.toBeNull();
    expect(await repo.get(recent.id)).not.toBeNull();
    expect((await store.store.one('SELECT COUNT(*) AS n FROM submission_name_tokens WHERE submission_id = ?', [old.id]))).toEqual({ n: 0 });
    expect(await repo.list({ status: 'all', search: 'old', limit: 10 })).toEqual([]);
    expect((await audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'submission.purged', actor: 'system', details: { count: 1, retentionDays: 2557 } });
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('a run that deletes nothing writes no audit entry (a fresh install does not start its log with a purge)', async () => {
    const { clock, audit, settings } = await setup();
    expect(await purgeExpired(store.store, clock, settings, audit)).toEqual({ purged: 1 });
    expect(await purgeExpired(store.store, clock, settings, audit)).toEqual({ purged: 0 });
    expect((await audit.list({ limit: 10 })).map((e) => e.action)).toEqual(['submission.purged']);
  });

  it('follows the admin setting', async () => {
    const { clock, repo, audit, settings } = await setup();
    await settings.update({ retentionDays: 365 }, 'admin-1');
    expect(await purgeExpired(store.store, clock, settings, audit)).toEqual({ purged: 2 });
    expect(await repo.count()).toBe(1);
  });

  it('is one transaction: if the audit entry cannot be written nothing is purged', async () => {
    const { clock, repo, settings } = await setup();
    const failingAudit = {
      append: () => {
        throw new Error('disk full');
      },
    };
    await expect(purgeExpired(store.store, clock, settings, failingAudit)).rejects.toThrow('disk full');
    expect(await repo.count()).toBe(3);
  });
});

describe('scheduleRetention', () => {
  it('purges at once on start and reports a failing run instead of throwing', async () => {
    const { scheduleRetention } = await import('./purge.ts');
    const { clock, repo, audit, settings } = await setup();
    const schedule = scheduleRetention(() => purgeExpired(store.store, clock, settings, audit), { intervalMs: 3_600_000 });
    await schedule.stop();
    expect(await repo.count()).toBe(2);
    const errors: unknown[] = [];
    await scheduleRetention(() => {
      throw new Error('disk');
    }, { onError: (e) => errors.push(e) }).stop();
    expect(errors).toHaveLength(1);
  });
});

describe.each(ENGINES)('retention on $dialect', (engine) => {
  it.skipIf(!engine.isAvailable)('one transaction: the expired record, its name tokens and one audit entry; the chain verifies', async () => {
    const opened = await engine.open();
    const keys = tempDir('kiosk-purge-keys-');
    try {
      await opened.store.migrate(CORE_MIGRATIONS);
      const vault = await openVault(opened.store, createKeyFileProvider(join(keys.dir, 'key.bin')));
      const clock = new ManualClock('2032-06-01T12:00:00.000Z');
      const repo = createSubmissionRepository(opened.store, vault, clock);
      const audit = createAuditLog(opened.store, clock, { key: auditKey(vault) });
      const old = sampleSubmission({ clientName: 'Old Client', createdAt: '2025-05-01T09:00:00.000Z' });
      const recent = sampleSubmission({ clientName: 'Recent Client', createdAt: '2032-01-01T09:00:00.000Z' });
      for (const s of [old, recent]) await repo.insert(s);
      expect(await purgeExpired(opened.store, clock, await createSettingsStore(opened.store), audit)).toEqual({ purged: 1 });
      expect(await repo.get(old.id)).toBeNull();
      expect((await repo.get(recent.id))?.clientName).toBe('Recent Client');
      expect(await opened.store.one('SELECT COUNT(*) AS n FROM submission_name_tokens WHERE submission_id = ?', [old.id])).toEqual({ n: 0 });
      expect((await audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'submission.purged', details: { count: 1 } });
      expect(await audit.verify()).toMatchObject({ ok: true, entries: 1 });
    } finally {
      await opened.cleanup();
      keys.cleanup();
    }
  });
});
