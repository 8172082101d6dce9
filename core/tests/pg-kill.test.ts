/**
 * Durability under SIGKILL on PostgreSQL, through the real repositories: a child process runs a
 * real app core on a PostgreSQL database and submits intakes through `intake:submit`, printing
 * each id only once the handler answered; the parent kills it 30 times at random moments
 * (during start-up, mid-intake). After each kill a fresh core on the same database must find
 * every acknowledged intake, decryptable; no partial record (every stored submission has its
 * name tokens and its `submission.created` audit entry); and the audit chain verifies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { createTestDatabase, hasTestPostgres, type TestDatabase } from '../db/testing/postgres.ts';
import { tempDir } from './helpers.ts';
import { runAndKill } from './kill-child.ts';

const CHILD = fileURLToPath(new URL('./pg-kill-child.ts', import.meta.url));
const KILLS = 30;
const ORIGIN = 'http://127.0.0.1:5999';

const { dir, cleanup } = tempDir('kiosk-pg-kill-');
let database: TestDatabase | null = null;
afterAll(async () => {
  await database?.drop();
  cleanup();
});

async function checkStore(url: string, acked: ReadonlySet<string>): Promise<number> {
  const core = await createCore({ dataDir: dir, database: { engine: 'postgres', url }, keyProvider: createKeyFileProvider(join(dir, 'key.bin')), allowedOrigins: [ORIGIN] });
  try {
    const { store, submissions, audit } = core.deps;
    const ids = (await store.all<{ id: string }>('SELECT id FROM submissions')).map((r) => r.id);
    const present = new Set(ids);
    expect([...acked].filter((id) => !present.has(id)), 'acknowledged but missing').toEqual([]);
    for (const id of ids) {
      const s = await submissions.get(id);
      expect(s?.clientName).toBe(`Killtest Client${id.slice(0, 8)}`);
      expect(s?.pdf.length).toBeGreaterThan(0);
      const tokens = await store.one<{ n: number }>('SELECT COUNT(*) AS n FROM submission_name_tokens WHERE submission_id = ?', [id]);
      expect(tokens?.n, 'name index rows').toBeGreaterThan(0);
    }
    const created = await store.one<{ n: number }>("SELECT COUNT(DISTINCT subject_id) AS n FROM audit_log WHERE action = 'submission.created'");
    expect(created?.n, 'one submission.created entry per stored intake').toBe(ids.length);
    expect(await audit.verify()).toMatchObject({ ok: true });
    return ids.length;
  } finally {
    await core.close();
  }
}

describe.skipIf(!hasTestPostgres())('crash safety on PostgreSQL', () => {
  it(`every acknowledged intake survives ${KILLS} SIGKILLs of a core on PostgreSQL`, { timeout: 600_000 }, async () => {
    database = await createTestDatabase();
    const acked = new Set<string>();
    let roundsWithAcks = 0;
    let stored = 0;
    for (let i = 0; i < KILLS; i++) {
      // One in five kills lands during start-up (migrations, key creation); the rest after the first intake.
      const early = i % 5 === 0;
      const result = await runAndKill(CHILD, [dir, database.url], early ? Math.random() * 1_500 : Math.random() * 400, early ? 'spawn' : 'firstAck');
      for (const id of result.acked) acked.add(id);
      if (result.acked.length > 0) roundsWithAcks++;
      stored = await checkStore(database.url, acked);
    }
    // The test only means something if most kills interrupted a stream of intakes.
    expect(roundsWithAcks).toBeGreaterThan(KILLS / 2);
    expect(stored).toBeGreaterThanOrEqual(acked.size);
  });
});
