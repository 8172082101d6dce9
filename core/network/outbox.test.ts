/**
 * The outbox and the arrivals table on both engines: queue order, idempotent ids, refused
 * entries waiting for their retry time without holding back the rest, the staff summary,
 * deletes in the caller's transaction; arrivals recorded once and read back per page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { ENGINES, type OpenedStore } from '../db/testing/engines.ts';
import { createOutbox, outboxDialectMigrations, type QueuedIntake } from './outbox.ts';
import { arrivalDialectMigrations, createArrivalRepository, judgeArrival } from './arrivals.ts';
import { standInVault } from './testing/stand-in-vault.ts';

const vault = standInVault;

const queued = (id = randomUUID()): QueuedIntake => ({
  request: { submissionId: id, formId: 'massage-intake', formVersion: 1, language: 'en', answers: { first_name: 'Ana' }, startedAt: '2025-06-15T10:00:00.000Z' },
  pdf: 'JVBERi0=',
  signedAt: '2025-06-15T10:05:00.000Z',
  receipt: { submissionId: id, duplicate: false, needsFrontDesk: false, clientMessages: [] },
});

const at = (minute: number) => new Date(Date.UTC(2025, 5, 15, 10, minute));

describe.each(ENGINES)('outbox on $dialect', (engine) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });

  it.skipIf(!engine.isAvailable)('keeps intakes in order, once each, and lets refused ones wait without holding back the rest', async () => {
    opened = await engine.open();
    await opened.store.migrate(outboxDialectMigrations);
    const { store } = opened;
    const outbox = createOutbox(store, vault);
    const [a, b, c] = [queued(), queued(), queued()];
    const digest = new Uint8Array(randomBytes(32));
    for (const [i, q] of [a, b, c].entries()) expect(await store.transaction((tx) => outbox.enqueue(tx, q, digest, at(i)))).toBe(true);
    expect(await store.transaction((tx) => outbox.enqueue(tx, a, digest, at(9)))).toBe(false);
    expect((await outbox.all()).map((e) => e.submissionId)).toEqual([a, b, c].map((q) => q.request.submissionId));
    expect((await outbox.all())[1]!.open()).toEqual(b);
    expect(await outbox.receiptFacts(a.request.submissionId)).toEqual({ digest, receipt: a.receipt });

    const first = await outbox.next(at(10));
    expect(first?.submissionId).toBe(a.request.submissionId);
    await outbox.noteRefused(a.request.submissionId, 'The clinic server refused this intake.', at(10), at(70));
    // Refused: skipped until 11:10, then first again.
    expect((await outbox.next(at(11)))?.submissionId).toBe(b.request.submissionId);
    expect((await outbox.next(at(71)))?.submissionId).toBe(a.request.submissionId);
    await outbox.noteNotSent(b.request.submissionId, 'unreachable', 'The clinic server could not be reached (timeout).', at(12));
    expect(await outbox.summary()).toEqual({
      waiting: 3,
      refused: 1,
      oldestAt: at(0).toISOString(),
      lastError: { kind: 'unreachable', message: 'The clinic server could not be reached (timeout).', at: at(12).toISOString() },
    });
    // The server refuses this kiosk: the newest note says so, until the kiosk joins again.
    await outbox.noteNotSent(b.request.submissionId, 'not_paired', 'The clinic server no longer accepts this kiosk.', at(13));
    expect((await outbox.summary()).lastError).toEqual({ kind: 'not_paired', message: 'The clinic server no longer accepts this kiosk.', at: at(13).toISOString() });
    await store.transaction((tx) => outbox.forgetNotPaired(tx));
    expect(await outbox.summary()).toMatchObject({ waiting: 3, refused: 1, lastError: { kind: 'refused', at: at(10).toISOString() } });

    // A delete rolled back with its caller's transaction leaves the entry queued.
    await expect(
      store.transaction(async (tx) => {
        await outbox.remove(tx, c.request.submissionId);
        throw new Error('audit failed');
      }),
    ).rejects.toThrow('audit failed');
    expect(await store.transaction((tx) => outbox.remove(tx, c.request.submissionId))).toBe(true);
    expect((await outbox.all()).map((e) => e.submissionId)).toEqual([a, b].map((q) => q.request.submissionId));
    // A new entry after deletes still goes to the end.
    const d = queued();
    await store.transaction((tx) => outbox.enqueue(tx, d, digest, at(20)));
    expect((await outbox.all()).at(-1)?.submissionId).toBe(d.request.submissionId);
  });

  it.skipIf(!engine.isAvailable)('records each arrival once and reads a page of them back', async () => {
    opened = await engine.open();
    // The arrivals reference the submissions table, which is not on the port yet: a stand-in.
    await opened.store.migrate([{ id: 'submissions-stub', sqlite: 'CREATE TABLE submissions (id TEXT PRIMARY KEY);', postgres: 'CREATE TABLE submissions (id TEXT PRIMARY KEY);' }, ...arrivalDialectMigrations]);
    const { store } = opened;
    const arrivals = createArrivalRepository(store);
    const ids = Array.from({ length: 3 }, () => randomUUID());
    for (const id of ids) await store.exec('INSERT INTO submissions (id) VALUES (?)', [id]);
    const judged = judgeArrival(at(0), at(10), at(5));
    expect(judged).toEqual({ late: true, clockSkewMs: 5 * 60_000 });
    const arrival = { submissionId: ids[0]!, deviceId: 'kiosk-front', signedAt: at(0).toISOString(), kioskClockAt: at(10).toISOString(), receivedAt: at(5).toISOString(), ...judged };
    expect(await store.transaction((tx) => arrivals.record(tx, arrival))).toBe(true);
    expect(await store.transaction((tx) => arrivals.record(tx, { ...arrival, late: false }))).toBe(false);
    expect(await arrivals.get(ids[0]!)).toEqual(arrival);
    const page = await arrivals.forIds(ids);
    expect([...page.keys()]).toEqual([ids[0]]);
    // Deleted with its submission (retention).
    await store.exec('DELETE FROM submissions WHERE id = ?', [ids[0]!]);
    expect(await arrivals.get(ids[0]!)).toBeNull();
  });
});

describe('judging an arrival', () => {
  it.each([
    ['sent at once, clocks agree', at(0), at(0), at(0), { late: false, clockSkewMs: null }],
    ['sent 2 minutes after signing: not late yet', at(0), at(2), at(2), { late: false, clockSkewMs: null }],
    ['sent 3 minutes after signing', at(0), at(3), at(3), { late: true, clockSkewMs: null }],
    ['kiosk clock 10 minutes behind, sent at once', at(0), at(0), at(10), { late: false, clockSkewMs: -10 * 60_000 }],
    ['kiosk clock 1 minute ahead: not noted', at(0), at(1), at(0), { late: false, clockSkewMs: null }],
  ])('%s', (_label, signed, sent, received, expected) => {
    expect(judgeArrival(signed, sent, received)).toEqual(expected);
  });
});
