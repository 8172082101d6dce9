/**
 * An existing kiosk's data dir carries on: a kiosk.db written the way the code before the
 * storage port wrote it (every step's SQLite text, the same ids, schema_migrations) opens in
 * createCore with no step applied again, and its staff, settings, records and audit log are
 * all there and verify.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openVault } from '../crypto/vault.ts';
import { openSqliteStore } from '../db/sqlite-store.ts';
import { createSubmissionRepository } from '../submissions/repository.ts';
import { createAuditLog } from '../audit/log.ts';
import { auditKey } from '../audit/chain.ts';
import { CORE_MIGRATIONS } from '../migrations.ts';
import { ManualClock, sampleSubmission, tempDir } from './helpers.ts';
import { buildLegacyDatabase } from './legacy-database.ts';

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp.cleanup());

describe('a data dir made before the storage port', () => {
  it('opens with the same file and migration ids: nothing re-applied, every record still there', async () => {
    tmp = tempDir('kiosk-legacy-');
    const file = join(tmp.dir, 'kiosk.db');
    const keyProvider = createKeyFileProvider(join(tmp.dir, 'key.bin'));
    const legacy = buildLegacyDatabase(file, CORE_MIGRATIONS);
    legacy.prepare("INSERT INTO settings (singleton, value, updated_at, updated_by) VALUES (1, '{\"clinicName\":\"Harbour Clinic\"}', '2025-01-01T00:00:00.000Z', 'admin')").run();
    legacy.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('staff-1', 'Olivia Owner', 'admin', 'x', '2025-01-01T00:00:00.000Z')").run();
    const before = legacy.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all();
    legacy.close();
    // Records and the audit entry written as a kiosk of that version had them (its keys in vault_keys).
    const seeded = await openSqliteStore(file);
    const vault = await openVault(seeded, keyProvider);
    const s = sampleSubmission({ clientName: 'Ada Lovelace' });
    await createSubmissionRepository(seeded, vault, new ManualClock()).insert(s);
    await createAuditLog(seeded, new ManualClock(), { key: auditKey(vault) }).append({ action: 'submission.created', actor: 'kiosk-client', subjectId: s.id });
    await seeded.close();

    const core = await createCore({ dataDir: tmp.dir, keyProvider, allowedOrigins: ['http://127.0.0.1'] });
    try {
      expect(await core.deps.store.all('SELECT id, applied_at FROM schema_migrations ORDER BY id')).toEqual(before);
      expect(core.deps.settings.get().clinicName).toBe('Harbour Clinic');
      expect((await core.deps.staff.roster()).map((r) => r.name)).toEqual(['Olivia Owner']);
      expect((await core.deps.submissions.get(s.id))?.clientName).toBe('Ada Lovelace');
      expect((await core.deps.submissions.list({ status: 'all', search: 'lovelace', limit: 10 })).map((i) => i.submissionId)).toEqual([s.id]);
      expect(await core.deps.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });
});
