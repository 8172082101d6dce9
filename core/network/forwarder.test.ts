/**
 * How the forwarder reads each answer of the clinic server, on a real outbox (SQLite): what
 * the staff banner is told (kind), whether the intake is kept (always, until stored), and
 * when the next attempt comes. A revoked kiosk (401 `not_paired`) is not "unreachable":
 * waiting a few seconds does not help, so it is noted as such and asked again only rarely.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiErrorCode, Result } from '../../api/result.ts';
import { sqliteEngine, type OpenedStore } from '../db/testing/engines.ts';
import { ManualClock } from '../tests/helpers.ts';
import { createForwarder, type Forwarder } from './forwarder.ts';
import { createOutbox, outboxDialectMigrations, type Outbox, type QueuedIntake } from './outbox.ts';
import { standInVault } from './testing/stand-in-vault.ts';
import type { Transport } from './transport.ts';

const TIMING = { forwardTimeoutMs: 1_000, retryFirstMs: 2_000, retryMaxMs: 300_000, refusedRetryMs: 3_600_000 } as const;

const queued = (id = randomUUID()): QueuedIntake => ({
  request: { submissionId: id, formId: 'massage-intake', formVersion: 1, language: 'en', answers: { first_name: 'Ana' }, startedAt: '2025-06-15T10:00:00.000Z' },
  pdf: 'JVBERi0=',
  signedAt: '2025-06-15T10:05:00.000Z',
  receipt: { submissionId: id, duplicate: false, needsFrontDesk: false, clientMessages: [] },
});

type Answer = { readonly refuse: ApiErrorCode; readonly message: string } | 'throw' | 'store';

let opened: OpenedStore;
let outbox: Outbox;
let forwarder: Forwarder;
let answer: Answer;
let calls: number;

const failWith = (code: ApiErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

const transport: Transport = async () => {
  calls++;
  if (answer === 'throw') throw new Error('connect ECONNREFUSED 192.168.1.20:8443');
  if (answer === 'store') return { ok: true, value: { submissionId: 'x', duplicate: false, late: false, clockSkewMinutes: null } } as never;
  return failWith(answer.refuse, answer.message);
};

async function queue(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await opened.store.transaction((tx) => outbox.enqueue(tx, queued(), new Uint8Array(randomBytes(32)), new Date(Date.UTC(2025, 5, 15, 10, i))));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  opened = await sqliteEngine.open();
  await opened.store.migrate(outboxDialectMigrations);
  outbox = createOutbox(opened.store, standInVault);
  calls = 0;
  forwarder = createForwarder({ ...TIMING, outbox, store: opened.store, audit: { append: async () => ({}) as never }, clock: new ManualClock('2025-06-15T10:30:00.000Z'), transport, random: () => 0.5 });
});

afterEach(async () => {
  await forwarder.stop();
  vi.useRealTimers();
  await opened.cleanup();
});

describe('the forwarder reads the clinic server’s answer', () => {
  it.each<[string, Answer, { kind: string; message: RegExp; notPaired: boolean; stopsPass: boolean }]>([
    ['no connection', 'throw', { kind: 'unreachable', message: /could not be reached \(connect ECONNREFUSED/, notPaired: false, stopsPass: true }],
    ['server busy (unavailable)', { refuse: 'unavailable', message: 'The server is starting.' }, { kind: 'unreachable', message: /did not accept intakes: The server is starting\./, notPaired: false, stopsPass: true }],
    ['forbidden', { refuse: 'forbidden', message: 'Not for this caller.' }, { kind: 'unreachable', message: /did not accept intakes/, notPaired: false, stopsPass: true }],
    ['the device was revoked (not_paired)', { refuse: 'not_paired', message: 'This device is not paired with the clinic server.' }, { kind: 'not_paired', message: /no longer accepts this kiosk: This device is not paired/, notPaired: true, stopsPass: true }],
    ['one intake refused (invalid_request)', { refuse: 'invalid_request', message: 'The PDF was signed for other answers.' }, { kind: 'refused', message: /refused this intake: The PDF was signed/, notPaired: false, stopsPass: false }],
  ])('%s: noted as %j, every intake kept', async (_label, given, expected) => {
    await queue(2);
    answer = given;
    const report = await forwarder.drain();
    expect(report).toMatchObject({ sent: 0, notPaired: expected.notPaired });
    // A server-wide problem stops at the first intake; a refused intake lets the next one try.
    expect(calls).toBe(expected.stopsPass ? 1 : 2);
    const summary = await outbox.summary();
    expect(summary.waiting).toBe(2);
    expect(summary.lastError?.kind).toBe(expected.kind);
    expect(summary.lastError?.message).toMatch(expected.message);
  });

  it('unreachable: tries again after the short backoff', async () => {
    await queue(1);
    answer = 'throw';
    await forwarder.drain();
    await vi.advanceTimersByTimeAsync(TIMING.retryFirstMs * 1.2 + 1);
    expect(calls).toBe(2);
  });

  it('revoked: asks again only after the long wait, even when new intakes are queued, and sends once accepted', async () => {
    await queue(1);
    answer = { refuse: 'not_paired', message: 'This device is not paired with the clinic server.' };
    await forwarder.drain();
    expect(calls).toBe(1);
    await queue(1);
    forwarder.kick(); // a new intake does not knock again
    await vi.advanceTimersByTimeAsync(TIMING.retryMaxMs * 2);
    expect(calls).toBe(1);
    answer = 'store';
    await vi.advanceTimersByTimeAsync(TIMING.refusedRetryMs);
    expect(calls).toBe(3);
    expect((await outbox.summary()).waiting).toBe(0);
  });
});
