/**
 * The export outbox under SIGKILL: a child submits intakes through a real core with the export
 * folder configured and is killed at random moments, many times. After each kill every
 * acknowledged intake has its export job in the database; after a final restart every one has
 * exactly one copy in the export folder (its stored PDF, byte for byte) and no temp file is left.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { tempDir } from './helpers.ts';
import { runAndKill } from './kill-child.ts';
import { TEST_ORIGIN } from './test-core.ts';

const CHILD = fileURLToPath(new URL('./export-crash-child.ts', import.meta.url));
const KILLS = 20;

const tmp = tempDir('kiosk-export-crash-');
afterAll(() => tmp.cleanup());
const dataDir = join(tmp.dir, 'data');
const share = join(tmp.dir, 'share');
mkdirSync(share);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const tempFiles = () => readdirSync(share).filter((n) => n.endsWith('.tmp'));

describe('export outbox under SIGKILL', () => {
  it(`every acknowledged intake gets its export copy after ${KILLS} kills and a restart, and no temp file is left`, { timeout: 300_000 }, async () => {
    const acked = new Set<string>();
    let pendingAfterKills = 0;
    for (let i = 0; i < KILLS; i++) {
      // Three in four kills land after the first acknowledged intake (mid-stream however slow the
      // machine); the rest at a random moment after start-up (in the sweep and retries).
      const from = i % 4 === 3 ? 'ready' : 'firstAck';
      for (const id of (await runAndKill(CHILD, [dataDir, share], Math.random() * 1_500, from)).acked) acked.add(id);
      // The outbox invariant, right after the kill: an acknowledged intake always has its job.
      const db = new DatabaseSync(join(dataDir, 'kiosk.db'), { readOnly: true });
      const jobs = new Map((db.prepare('SELECT submission_id AS id, status FROM export_jobs').all() as { id: string; status: string }[]).map((r) => [r.id, r.status]));
      db.close();
      expect([...acked].filter((id) => !jobs.has(id)), 'acknowledged without an export job').toEqual([]);
      pendingAfterKills += [...jobs.values()].filter((s) => s === 'pending').length;
    }
    // The test means something only if kills left copies unwritten for the restart to finish.
    expect(pendingAfterKills).toBeGreaterThan(0);
    expect(acked.size).toBeGreaterThanOrEqual(15);

    const core = await createCore({ dataDir, keyProvider: createKeyFileProvider(join(dataDir, 'key.bin')), allowedOrigins: [TEST_ORIGIN] });
    await core.deps.background.drain(); // the start-up sweep and retry
    expect(await core.deps.exporter.pending()).toEqual([]);
    const copies = new Map<string, number>();
    for (const name of readdirSync(share).filter((n) => n.endsWith('.pdf'))) {
      const hash = sha256(readFileSync(join(share, name)));
      copies.set(hash, (copies.get(hash) ?? 0) + 1);
    }
    const withoutCopy: string[] = [];
    for (const id of acked) if (copies.get((await core.deps.submissions.get(id))?.pdfSha256 ?? '') !== 1) withoutCopy.push(id);
    expect(withoutCopy, 'acknowledged without exactly one export copy').toEqual([]);
    expect(tempFiles(), 'temp files left in the export folder').toEqual([]);
    expect(copies.size).toBe(await core.deps.submissions.count());
    await core.close();
  });
});
