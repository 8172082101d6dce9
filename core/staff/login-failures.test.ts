import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import type { SqliteStore } from '../db/sqlite-store.ts';
import { createAuditLog, type AuditLog } from '../audit/log.ts';
import { join } from 'node:path';
import { ManualClock, openMigratedStore, tempDir } from '../tests/helpers.ts';
import { CORE_ENGINES, openTestCore, TEST_CTX, type TestCore } from '../tests/test-core.ts';
import { FREE_ATTEMPTS } from './service.ts';
import { callerSource, createLoginFailureCounter, OTHER_SOURCE, type LoginFailureCounter } from './login-failures.ts';

describe('the counter', () => {
  let db: SqliteStore;
  let clock: ManualClock;
  let audit: AuditLog;
  let counter: LoginFailureCounter;
  beforeEach(async () => {
    db = await openMigratedStore(join(tempDir().dir, 'kiosk.db'));
    clock = new ManualClock();
    audit = createAuditLog(db, clock, { key: new Uint8Array(randomBytes(32)) });
    counter = createLoginFailureCounter(db, clock, audit, { maxSources: 4 });
  });
  afterEach(() => db.close());
  const summaries = async () => (await audit.list({ limit: 1000 })).filter((e) => e.action === 'staff.login_failures').reverse();

  it.each([
    [1, 1],
    [9, 1],
    [10, 2],
    [999, 3],
    [1_000, 4],
    [10_000, 5],
  ])('%i failures in one window write %i summaries (at 1, 10, 100, 1,000 ...)', async (n, rows) => {
    for (let i = 0; i < n; i++) (await counter.record({ staffId: null, source: 'app://kiosk', reason: 'unknown_staff' }));
    expect(await summaries()).toHaveLength(rows);
    expect(await counter.list()).toEqual([expect.objectContaining({ staffId: null, source: 'app://kiosk', failures: n })]);
  });

  it('a window is closed with one summary of its count, by the next failure after it or by the flush', async () => {
    for (let i = 0; i < 12; i++) (await counter.record({ staffId: 'staff-1', source: 'app://kiosk', reason: 'bad_pin' }));
    clock.advance(11 * 60_000);
    await counter.record({ staffId: 'staff-1', source: 'app://kiosk', reason: 'locked_out' });
    expect((await summaries()).map((e) => e.details)).toEqual([
      expect.objectContaining({ failures: 1, closing: false }),
      expect.objectContaining({ failures: 10, closing: false }),
      expect.objectContaining({ failures: 12, total: 12, closing: true, source: 'app://kiosk' }),
      expect.objectContaining({ failures: 1, total: 13, closing: false, reason: 'locked_out' }),
    ]);
    clock.advance(11 * 60_000);
    await counter.flush();
    await counter.flush();
    expect((await summaries()).at(-1)?.details).toMatchObject({ failures: 1, total: 13, closing: true });
    expect(await summaries()).toHaveLength(5);
  });

  it('a successful login closes and resets that person’s counts, not anyone else’s', async () => {
    await counter.record({ staffId: 'staff-1', source: 'app://kiosk', reason: 'bad_pin' });
    await counter.record({ staffId: 'staff-1', source: 'app://kiosk', reason: 'bad_pin' });
    await counter.record({ staffId: null, source: 'app://kiosk', reason: 'unknown_staff' });
    await counter.succeeded('staff-1');
    expect(await counter.list()).toEqual([expect.objectContaining({ staffId: null, failures: 1 })]);
    expect((await summaries()).at(-1)).toMatchObject({ actor: 'staff-1', details: { failures: 2, closing: true } });
  });

  it('sources are capped: past the cap they count under "other", so the table stays bounded', async () => {
    for (let i = 0; i < 40; i++) (await counter.record({ staffId: null, source: `http://10.0.0.${i}`, reason: 'unknown_staff' }));
    const rows = await counter.list();
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.source === OTHER_SOURCE)?.failures).toBe(36);
  });

  it.each([
    ['the kiosk app', 'app://kiosk/index.html', 'app://kiosk'],
    ['an http page', 'http://127.0.0.1:5999/index.html#staff', 'http://127.0.0.1:5999'],
    ['not a URL', 'nonsense', OTHER_SOURCE],
  ])('callerSource: %s', async (_label, url, source) => {
    expect(callerSource(url)).toBe(source);
  });
});

describe.each(CORE_ENGINES)('on $engine', ({ engine, isAvailable }) => {
describe.skipIf(!isAvailable)(`the ${engine} store`, () => {
describe('staff:login under a brute force', () => {
  let opened: TestCore;
  beforeEach(async () => {
    opened = await openTestCore({ engine, clock: new ManualClock() }, 'kiosk-brute-');
  });
  afterEach(() => opened.close());

  it('2,000 failed logins (unknown ids and one therapist) keep the audit log bounded; the counts and lockout are right; the audit screen lists them', { timeout: 180_000 }, async () => {
    const { handlers, deps } = opened.core;
    await handlers['staff:setup']({ name: 'Ada Admin', pin: '135790' }, TEST_CTX);
    const therapist = await deps.staff.addStaff('Theo Therapist', 'therapist', '246802');
    const before = await deps.audit.count();
    const results: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const isTherapist = i % 2 === 0;
      const result = await handlers['staff:login']({ staffId: isTherapist ? therapist.staffId : randomUUID(), pin: '000000' }, TEST_CTX);
      results.push(result.ok ? 'ok' : result.error.code);
    }
    // 2 buckets, each summarised at 1, 10, 100 and 1,000 failures in the window: 8 rows, not 2,000.
    expect((await deps.audit.count()) - before).toBe(8);
    const counts = await deps.loginFailures.list();
    expect(counts).toHaveLength(2);
    expect(counts.find((c) => c.staffId === therapist.staffId)).toMatchObject({ failures: 1_000, source: 'http://127.0.0.1:5999', lastReason: 'locked_out' });
    expect(counts.find((c) => c.staffId === null)).toMatchObject({ failures: 1_000, source: 'http://127.0.0.1:5999' });
    // Lockout as before: the therapist's 5th wrong PIN locks them out, and it stays locked.
    const therapistResults = results.filter((_, i) => i % 2 === 0);
    expect(therapistResults.slice(0, FREE_ATTEMPTS - 1)).toEqual(Array.from({ length: FREE_ATTEMPTS - 1 }, () => 'unauthenticated'));
    expect(new Set(therapistResults.slice(FREE_ATTEMPTS - 1))).toEqual(new Set(['locked_out']));

    const [admin] = (await deps.staff.roster()).filter((r) => r.role === 'admin');
    expect(await handlers['staff:login']({ staffId: admin?.staffId, pin: '135790' }, TEST_CTX)).toMatchObject({ ok: true });
    const listed = await handlers['audit:list']({ limit: 20 }, TEST_CTX);
    expect(listed.ok && listed.value.loginFailures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staffId: therapist.staffId, staffName: 'Theo Therapist', failures: 1_000 }),
        expect.objectContaining({ staffId: null, staffName: null, failures: 1_000 }),
      ]),
    );
    expect(listed.ok && listed.value.entries.filter((e) => e.action === 'staff.login_failures').map((e) => e.details.failures)).toEqual([1_000, 1_000, 100, 100, 10, 10, 1, 1]);
  });
});
});
});
