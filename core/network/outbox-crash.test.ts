/**
 * The outbox under SIGKILL, then the server's return. A child kiosk in network mode, its
 * server unreachable, submits in a loop and prints each id once the client would see Done; the
 * parent kills it 20 times at random moments and after each kill checks the file is whole and
 * every acknowledged intake is in the outbox and decrypts. Then the clinic server comes back:
 * every intake arrives exactly once, in queue order, the outbox is empty, and both audit chains verify.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openSqliteStore } from '../db/sqlite-store.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openVault } from '../crypto/vault.ts';
import { createCore, DATABASE_FILE } from '../create-core.ts';
import { rowCount, tempDir } from '../tests/helpers.ts';
import { runAndKill } from '../tests/kill-child.ts';
import { openTestCore, TEST_ORIGIN } from '../tests/test-core.ts';
import { createOutbox } from './outbox.ts';
import type { Transport } from './transport.ts';
import { installIdentity, mintClinicCa } from './testing/clinic-pki.ts';
import { NETWORK_CONFIG, transportTo } from './testing/network-pair.ts';

const CHILD = fileURLToPath(new URL('./outbox-crash-child.ts', import.meta.url));
const KILLS = 20;

const { dir, cleanup } = tempDir('kiosk-outbox-crash-');
afterAll(() => cleanup());

const unreachable = async () => {
  throw new Error('connect ECONNREFUSED');
};
const openKiosk = (transport: Transport) =>
  createCore({ dataDir: dir, keyProvider: createKeyFileProvider(join(dir, 'key.bin')), allowedOrigins: [TEST_ORIGIN], network: { config: NETWORK_CONFIG, transport } });

/** The outbox's ids in queue order, after checking the file and that every entry decrypts. */
async function checkOutbox(acked: ReadonlySet<string>): Promise<string[]> {
  const file = join(dir, DATABASE_FILE);
  const db = await openSqliteStore(file);
  try {
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const vault = await openVault(db, createKeyFileProvider(join(dir, 'key.bin')));
    const entries = await createOutbox(db, vault).all();
    const ids = entries.map((e) => e.submissionId);
    const present = new Set(ids);
    expect([...acked].filter((id) => !present.has(id)), 'acknowledged but not in the outbox').toEqual([]);
    for (const entry of entries) {
      const intake = entry.open();
      expect(intake.request.submissionId).toBe(entry.submissionId);
      expect(Buffer.from(intake.pdf, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    return ids;
  } finally {
    await db.close();
  }
}

describe('outbox durability', () => {
  it(`every acknowledged intake survives ${KILLS} SIGKILLs, then reaches the server exactly once, in order`, { timeout: 600_000 }, async () => {
    const ca = mintClinicCa('Harbour Clinic');
    // Set up once (pairing's job later): the kiosk signs with a certificate the clinic CA issued.
    const first = await openKiosk(unreachable);
    await installIdentity(first, ca.issue('Harbour Clinic front kiosk'));
    await first.close();

    const acked = new Set<string>();
    const ackOrder: string[] = [];
    let roundsWithAcks = 0;
    for (let i = 0; i < KILLS; i++) {
      // One kill in five lands during start-up; the rest mid-stream, after the first Done.
      const early = i % 5 === 0;
      const result = await runAndKill(CHILD, [dir], early ? Math.random() * 1_500 : Math.random() * 800, early ? 'spawn' : 'firstAck');
      for (const id of result.acked) {
        acked.add(id);
        ackOrder.push(id);
      }
      if (result.acked.length > 0) roundsWithAcks++;
      await checkOutbox(acked);
    }
    expect(roundsWithAcks).toBeGreaterThan(KILLS / 2);
    const queued = await checkOutbox(acked);
    // Queue order is the order the clients were told Done.
    expect(queued.filter((id) => acked.has(id))).toEqual(ackOrder);

    // The clinic server comes back.
    const server = await openTestCore({}, 'kiosk-outbox-crash-server-');
    await installIdentity(server.core, ca.issue('Harbour Clinic server'));
    const link = transportTo(() => server.core, 'kiosk-front');
    const kiosk = await openKiosk(link.transport);
    try {
      await kiosk.deps.network!.forwarder.drain();
      expect(link.stored).toEqual(queued);
      expect(await kiosk.deps.network!.outbox.all()).toEqual([]);
      expect(await rowCount(server.core.deps.store, 'submissions')).toBe(queued.length);
      for (const id of acked) expect((await server.core.deps.submissions.get(id))?.clientName).toBe(`Crash${id.slice(0, 8)} García`);
      expect(await server.core.deps.audit.verify()).toMatchObject({ ok: true });
      expect(await kiosk.deps.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await kiosk.close();
      await server.close();
    }
  });
});
