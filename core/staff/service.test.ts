import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { SqliteStore } from '../db/sqlite-store.ts';
import { CoreError } from '../handler.ts';
import { createStaffService, FREE_ATTEMPTS, lockoutMs, type StaffService } from './service.ts';
import { hashPin, verifyPin } from './pin-hash.ts';
import { ManualClock, tempDir, openMigratedStore } from '../tests/helpers.ts';

const FAST = { scryptLogN: 10 };
/** The caller sessions are kept for: the kiosk window, and a second device. */
const KIOSK = 'kiosk-window';
const TABLET = 'tablet';
let dir = '';
let cleanup = () => {};
let db: SqliteStore;
let clock: ManualClock;
let autoLogoffMs = 5 * 60_000;
let defaultLanguage = 'en';
let staff: StaffService;

function service(): StaffService {
  return createStaffService(db, clock, () => ({ autoLogoffMs, defaultLanguage }), FAST);
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = await openMigratedStore(join(dir, 'kiosk.db'));
  clock = new ManualClock();
  autoLogoffMs = 5 * 60_000;
  defaultLanguage = 'en';
  staff = service();
});
afterEach(async () => {
  await db.close();
  cleanup();
});

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (error) {
    return error instanceof CoreError ? error.code : 'not-core-error';
  }
  return undefined;
}

describe('first-run setup', () => {
  it('needs setup until the first admin exists; then refuses a second setup', async () => {
    expect(await staff.needsSetup()).toBe(true);
    const session = await staff.setupFirstAdmin('  Dana Admin ', '123456', KIOSK);
    expect(session).toMatchObject({ name: 'Dana Admin', role: 'admin', expiresAt: '2025-03-10T09:05:00.000Z' });
    expect(await staff.needsSetup()).toBe(false);
    expect(staff.current(KIOSK)?.staffId).toBe(session.staffId);
    expect(await codeOf(() => staff.setupFirstAdmin('Eve', '654321', KIOSK))).toBe('conflict');
    expect(await staff.roster()).toHaveLength(1);
  });

  it.each([
    ['five digits', '12345'],
    ['letters', '12345a'],
    ['empty', ''],
    ['thirteen digits', '1234567890123'],
  ])('refuses a PIN that is %s', async (_label, pin) => {
    expect(await codeOf(() => staff.setupFirstAdmin('Dana', pin, KIOSK))).toBe('invalid_request');
    expect(await staff.needsSetup()).toBe(true);
  });
});

describe('PIN storage', () => {
  it('stores a salted scrypt hash at the default cost, never the PIN', async () => {
    const a = hashPin('123456');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(a).not.toContain('123456');
    expect(hashPin('123456', 10)).not.toBe(hashPin('123456', 10));
    expect(await verifyPin('123456', a)).toBe(true);
    expect(await verifyPin('123457', a)).toBe(false);
    expect(await verifyPin('123456', 'garbage')).toBe(false);
    await staff.setupFirstAdmin('Dana', '987654', KIOSK);
    const row = (await db.one('SELECT pin_hash FROM staff')) as { pin_hash: string };
    expect(row.pin_hash).not.toContain('987654');
  });
});

describe('login and lockout', () => {
  let therapistId = '';
  beforeEach(async () => {
    await staff.setupFirstAdmin('Dana', '111111', KIOSK);
    therapistId = (await staff.addStaff('Theo', 'therapist', '222222')).staffId;
    staff.lock(KIOSK);
  });

  it('signs in with the right PIN; refuses a wrong one and an unknown id', async () => {
    expect(await staff.login(therapistId, '222222', KIOSK)).toMatchObject({ ok: true, session: { name: 'Theo', role: 'therapist' } });
    expect(await staff.login(therapistId, '222223', KIOSK)).toEqual({ ok: false, reason: 'bad_pin' });
    expect(await staff.login('nobody', '222222', KIOSK)).toEqual({ ok: false, reason: 'unknown_staff' });
  });

  it('locks out after repeated failures with a growing delay, even after a restart', async () => {
    for (let i = 1; i < FREE_ATTEMPTS; i++) expect(await staff.login(therapistId, '000000', KIOSK)).toEqual({ ok: false, reason: 'bad_pin' });
    expect(await staff.login(therapistId, '000000', KIOSK)).toEqual({ ok: false, reason: 'locked_out', retryAt: '2025-03-10T09:00:30.000Z' });
    // The right PIN does not help while locked, and a restart does not reset it.
    const restarted = service();
    expect(await restarted.login(therapistId, '222222', KIOSK)).toMatchObject({ ok: false, reason: 'locked_out' });
    clock.advance(30_000);
    expect(await restarted.login(therapistId, '000000', KIOSK)).toEqual({ ok: false, reason: 'locked_out', retryAt: '2025-03-10T09:01:30.000Z' });
    clock.advance(60_000);
    expect(await restarted.login(therapistId, '222222', KIOSK)).toMatchObject({ ok: true });
    // Success clears the count.
    expect(await restarted.login(therapistId, '000000', KIOSK)).toEqual({ ok: false, reason: 'bad_pin' });
  });

  it('parallel guesses are counted one by one', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => staff.login(therapistId, '000000', KIOSK)));
    expect(results.filter((r) => !r.ok && r.reason === 'bad_pin')).toHaveLength(FREE_ATTEMPTS - 1);
    expect(results.filter((r) => !r.ok && r.reason === 'locked_out')).toHaveLength(8 - FREE_ATTEMPTS + 1);
  });

  it.each([
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [8, 240_000],
    [30, 3_600_000],
  ])('after %i failures the wait is %i ms', async (failures, ms) => {
    expect(lockoutMs(failures)).toBe(ms);
  });

  it('resetPin sets a new PIN and clears the lockout', async () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) await staff.login(therapistId, '000000', KIOSK);
    await staff.resetPin(therapistId, '333333');
    expect(await staff.login(therapistId, '222222', KIOSK)).toEqual({ ok: false, reason: 'bad_pin' });
    expect(await staff.login(therapistId, '333333', KIOSK)).toMatchObject({ ok: true });
  });

  it('a deactivated person cannot sign in and leaves the roster; their session ends', async () => {
    await staff.login(therapistId, '222222', KIOSK);
    await staff.setActive(therapistId, false);
    expect(staff.current(KIOSK)).toBeNull();
    expect(await staff.login(therapistId, '222222', KIOSK)).toEqual({ ok: false, reason: 'unknown_staff' });
    expect((await staff.roster()).map((r) => r.name)).toEqual(['Dana']);
  });

  it('the last active admin cannot be deactivated', async () => {
    const admin = (await staff.roster()).find((r) => r.role === 'admin')!;
    expect(await codeOf(() => staff.setActive(admin.staffId, false))).toBe('conflict');
    expect(await codeOf(() => staff.setActive('nobody', false))).toBe('not_found');
  });
});

describe('sessions', () => {
  it('expire after the inactivity period; activity extends them; lock ends them', async () => {
    await staff.setupFirstAdmin('Dana', '111111', KIOSK);
    clock.advance(4 * 60_000);
    expect((await staff.require(KIOSK)).expiresAt).toBe('2025-03-10T09:09:00.000Z');
    clock.advance(4 * 60_000);
    expect(staff.current(KIOSK)).not.toBeNull();
    clock.advance(60_000);
    expect(staff.current(KIOSK)).toBeNull();
    expect(await codeOf(() => staff.require(KIOSK))).toBe('unauthenticated');
    const id = (await staff.roster())[0]!.staffId;
    await staff.login(id, '111111', KIOSK);
    staff.lock(KIOSK);
    expect(staff.current(KIOSK)).toBeNull();
  });

  it('follow a changed auto log-off setting', async () => {
    await staff.setupFirstAdmin('Dana', '111111', KIOSK);
    autoLogoffMs = 60_000;
    clock.advance(60_000);
    expect(staff.current(KIOSK)).toBeNull();
  });

  it('require(admin) refuses a therapist', async () => {
    await staff.setupFirstAdmin('Dana', '111111', KIOSK);
    const t = await staff.addStaff('Theo', 'therapist', '222222');
    expect((await staff.require(KIOSK, 'admin')).role).toBe('admin');
    await staff.login(t.staffId, '222222', KIOSK);
    expect((await staff.require(KIOSK, 'therapist')).name).toBe('Theo');
    expect(await codeOf(() => staff.require(KIOSK, 'admin'))).toBe('forbidden');
  });
});

describe('sessions are per caller', () => {
  let theo = '';
  beforeEach(async () => {
    await staff.setupFirstAdmin('Dana', '111111', KIOSK);
    theo = (await staff.addStaff('Theo', 'therapist', '222222')).staffId;
  });

  it('signing in on a tablet does not sign the kiosk in, or replace the kiosk session', async () => {
    await staff.login(theo, '222222', TABLET);
    expect(staff.current(TABLET)?.name).toBe('Theo');
    expect(staff.current(KIOSK)?.name).toBe('Dana');
    expect(staff.current('another-device')).toBeNull();
    expect(await codeOf(() => staff.require('another-device'))).toBe('unauthenticated');
  });

  it('locking one caller leaves the others signed in', async () => {
    await staff.login(theo, '222222', TABLET);
    staff.lock(KIOSK);
    expect(staff.current(KIOSK)).toBeNull();
    expect(staff.current(TABLET)?.name).toBe('Theo');
  });

  it('each session idles out on its own clock: activity on one caller does not extend another', async () => {
    clock.advance(3 * 60_000);
    await staff.login(theo, '222222', TABLET);
    clock.advance(2 * 60_000);
    staff.touch(TABLET);
    expect(staff.current(KIOSK)).toBeNull();
    clock.advance(4 * 60_000);
    expect(staff.current(TABLET)?.name).toBe('Theo');
  });

  it('the same person may be signed in on two callers; deactivating them ends both', async () => {
    await staff.login(theo, '222222', TABLET);
    await staff.login(theo, '222222', 'front-desk-pc');
    await staff.setActive(theo, false);
    expect(staff.current(TABLET)).toBeNull();
    expect(staff.current('front-desk-pc')).toBeNull();
    expect(staff.current(KIOSK)?.name).toBe('Dana');
  });
});

describe('screen language per staff member', () => {
  it.each([
    ['no choice follows the clinic default', null, 'fr', 'fr'],
    ['a chosen language wins over the clinic default', 'ko', 'fr', 'ko'],
    ['Arabic', 'ar', 'en', 'ar'],
  ] as const)('%s', async (_label, chosen, clinic, expected) => {
    defaultLanguage = clinic;
    await staff.setupFirstAdmin('Dana Admin', '123456', KIOSK);
    const theo = await staff.addStaff('Theo', 'therapist', '111111');
    await staff.setLanguage(theo.staffId, chosen);
    staff.lock(KIOSK);
    const login = await staff.login(theo.staffId, '111111', KIOSK);
    expect(login.ok && login.session.language).toBe(expected);
  });

  it('a change to the signed-in person applies to their live session at once, and survives a restart', async () => {
    await staff.setupFirstAdmin('Dana Admin', '123456', KIOSK);
    const theo = await staff.addStaff('Theo', 'therapist', '111111');
    await staff.login(theo.staffId, '111111', KIOSK);
    await staff.login(theo.staffId, '111111', 'tablet');
    await staff.setLanguage(theo.staffId, 'es');
    // Every caller the person is signed in on follows.
    expect([staff.current(KIOSK)?.language, staff.current('tablet')?.language]).toEqual(['es', 'es']);
    staff.lock(KIOSK);
    const again = await service().login(theo.staffId, '111111', KIOSK);
    expect(again.ok && again.session.language).toBe('es');
  });

  it('an unknown staff id is not_found', async () => {
    expect(await codeOf(() => staff.setLanguage('no-such-id', 'es'))).toBe('not_found');
  });

  it('the database refuses a language the staff screens do not have', async () => {
    await staff.setupFirstAdmin('Dana Admin', '123456', KIOSK);
    const theo = await staff.addStaff('Theo', 'therapist', '111111');
    await expect((async () => db.exec('UPDATE staff SET language = ? WHERE id = ?', ['xx', theo.staffId]))()).rejects.toThrow(/CHECK/);
  });
});
