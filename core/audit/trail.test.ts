/**
 * The audit trail inside a real core: checkpoints land beside the database and in the export
 * folder, survive a restart, and catch a wipe made while the kiosk was off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { tempDir } from '../tests/helpers.ts';
import { TEST_CTX, TEST_ORIGIN } from '../tests/test-core.ts';

const tmp = tempDir('kiosk-trail-');
afterEach(() => tmp.cleanup());

const open = () => createCore({ dataDir: join(tmp.dir, 'data'), keyProvider: createKeyFileProvider(join(tmp.dir, 'key.bin')), allowedOrigins: [TEST_ORIGIN] });

const lines = (dir: string) =>
  readdirSync(join(dir, 'audit-checkpoints')).flatMap((f) => readFileSync(join(dir, 'audit-checkpoints', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { seq: number; entries: number }));

describe('audit trail in the core', () => {
  it('checkpoints go beside the database and to the export folder; a wipe while the kiosk was off is caught on the next start', async () => {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const core = await open();
    await core.deps.settings.update({ exportFolder: share }, 'test');
    await core.handlers['staff:setup']({ name: 'Ada Admin', pin: '135790' }, TEST_CTX);
    await core.deps.signingIdentity(); // made with the first summary; checkpoints wait for it
    await core.close();
    expect(lines(join(tmp.dir, 'data'))).toEqual([expect.objectContaining({ seq: 1 })]);
    expect(lines(share)).toEqual(lines(join(tmp.dir, 'data')));

    const again = await open();
    const [admin] = await again.deps.staff.roster();
    await again.handlers['staff:login']({ staffId: admin?.staffId, pin: '135790' }, TEST_CTX);
    const entries = await again.deps.audit.count();
    const verified = await again.handlers['audit:verify']({}, TEST_CTX);
    expect(verified).toMatchObject({ ok: true, value: { ok: true, entries, notes: [expect.stringMatching(/^Matches \d+ signed checkpoints outside the database/)] } });
    await again.close();

    // With the kiosk off: a SQL shell wipes the log (triggers dropped first).
    const db = new DatabaseSync(join(tmp.dir, 'data', 'kiosk.db'));
    db.exec("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_head_grows_only; DELETE FROM audit_log; UPDATE audit_head SET entries = 0, last_hash = '0'");
    db.close();
    const third = await open();
    expect(await third.deps.audit.verify()).toMatchObject({ ok: false, firstBrokenId: 1, reason: expect.stringMatching(/the log was wiped/) });
    await third.close();
  });
});
