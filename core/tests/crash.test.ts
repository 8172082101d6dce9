/**
 * Durability under SIGKILL: a child process submits in a loop and prints each id only after
 * the write returned; the parent kills it at random moments, 50 times, and after each kill
 * checks that every acknowledged submission is present and decrypts, the database passes
 * PRAGMA integrity_check, and no partial record exists.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openSqliteStore } from '../db/sqlite-store.ts';
import { CORE_MIGRATIONS } from '../migrations.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openVault } from '../crypto/vault.ts';
import { createSubmissionRepository } from '../submissions/repository.ts';
import { createAuditLog } from '../audit/log.ts';
import { auditKey } from '../audit/chain.ts';
import { systemClock } from '../ports.ts';
import { tempDir } from './helpers.ts';
import { runAndKill } from './kill-child.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const KILLS = 50;

const { dir, cleanup } = tempDir('kiosk-crash-');
afterAll(() => cleanup());

const run = (killAfterMs: number, early: boolean) => runAndKill(CHILD, [dir], killAfterMs, early ? 'spawn' : 'ready');

async function checkStore(acked: ReadonlySet<string>) {
  const db = await openSqliteStore(join(dir, 'kiosk.db'));
  try {
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    await db.migrate(CORE_MIGRATIONS);
    // Killed before the vault's keys were ever stored: nothing can have been acknowledged yet.
    const hasKeys = (await db.one('SELECT 1 AS found FROM vault_keys')) !== undefined;
    if (!hasKeys && acked.size === 0) return 0;
    const vault = await openVault(db, createKeyFileProvider(join(dir, 'key.bin')));
    const repo = createSubmissionRepository(db, vault, systemClock);
    const ids = (await db.all<{ id: string }>('SELECT id FROM submissions')).map((r) => r.id);
    const present = new Set(ids);
    const missing = [...acked].filter((id) => !present.has(id));
    expect(missing, 'acknowledged but missing').toEqual([]);
    for (const id of ids) {
      // Every stored row is whole: all sealed columns decrypt, the name is searchable, and it was audited.
      const s = await repo.get(id);
      expect(s?.clientName).toBe(`Crash Client ${id.slice(0, 8)}`);
      expect(s?.pdf.length).toBeGreaterThan(0);
      const tokens = await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM submission_name_tokens WHERE submission_id = ?', [id]);
      expect(tokens?.n, 'name index rows').toBeGreaterThan(0);
    }
    const audit = createAuditLog(db, systemClock, { key: auditKey(vault) });
    expect(await audit.verify()).toMatchObject({ ok: true, entries: ids.length });
    return ids.length;
  } finally {
    await db.close();
  }
}

describe('crash safety', () => {
  it(`every acknowledged submission survives ${KILLS} SIGKILLs at random moments`, { timeout: 400_000 }, async () => {
    const acked = new Set<string>();
    let rounds = 0;
    let roundsWithAcks = 0;
    let stored = 0;
    for (let i = 0; i < KILLS; i++) {
      // One in five kills lands during start-up (migrations, key creation); the rest mid-loop.
      const early = i % 5 === 0;
      const result = await run(early ? Math.random() * 300 : Math.random() * 250, early);
      for (const id of result.acked) acked.add(id);
      if (result.acked.length > 0) roundsWithAcks++;
      rounds++;
      stored = await checkStore(acked);
    }
    expect(rounds).toBe(KILLS);
    // The test only means something if most kills interrupted a stream of writes.
    expect(roundsWithAcks).toBeGreaterThan(KILLS / 2);
    expect(stored).toBeGreaterThanOrEqual(acked.size);
  });
});
