/**
 * Authorisation, generated from the contract: every channel, called by every kind of
 * caller, gets the answer its declared `access` promises. A new channel is covered the
 * moment it is declared; a channel declared without `access` does not typecheck.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, empty, specs, type Access, type Channel, type ChannelSpec } from '../../api/contract.ts';
import type { Result } from '../../api/result.ts';
import type { CallContext, CallerKind } from '../handler.ts';
import { ManualClock } from '../tests/helpers.ts';
import { callContext, openTestCore, type TestCore } from '../tests/test-core.ts';

// A channel without its access declaration is refused by the compiler:
// @ts-expect-error `access` is missing
const _undeclared = { 'demo:undeclared': { request: empty } } satisfies Record<string, ChannelSpec>;

type State =
  | 'no session'
  | 'therapist'
  | 'admin'
  | 'expired session'
  | 'admin on a staff device'
  | 'no session on a staff device'
  | 'kiosk device'
  | 'admin on a kiosk device';
type Verdict = 'allowed' | 'unauthenticated' | 'forbidden';

const STATES: readonly State[] = [
  'no session',
  'therapist',
  'admin',
  'expired session',
  'admin on a staff device',
  'no session on a staff device',
  'kiosk device',
  'admin on a kiosk device',
];

/** What each kind of access answers each caller. */
const EXPECTED = {
  public: {
    'no session': 'allowed',
    therapist: 'allowed',
    admin: 'allowed',
    'expired session': 'allowed',
    'admin on a staff device': 'allowed',
    'no session on a staff device': 'allowed',
    'kiosk device': 'allowed',
    'admin on a kiosk device': 'allowed',
  },
  kiosk: {
    'no session': 'allowed',
    therapist: 'allowed',
    admin: 'allowed',
    'expired session': 'allowed',
    'admin on a staff device': 'forbidden',
    'no session on a staff device': 'forbidden',
    'kiosk device': 'forbidden',
    'admin on a kiosk device': 'forbidden',
  },
  staff: {
    'no session': 'unauthenticated',
    therapist: 'allowed',
    admin: 'allowed',
    'expired session': 'unauthenticated',
    'admin on a staff device': 'allowed',
    'no session on a staff device': 'unauthenticated',
    'kiosk device': 'unauthenticated',
    'admin on a kiosk device': 'allowed',
  },
  admin: {
    'no session': 'unauthenticated',
    therapist: 'forbidden',
    admin: 'allowed',
    'expired session': 'unauthenticated',
    'admin on a staff device': 'allowed',
    'no session on a staff device': 'unauthenticated',
    'kiosk device': 'unauthenticated',
    'admin on a kiosk device': 'allowed',
  },
  'kiosk-admin': {
    'no session': 'unauthenticated',
    therapist: 'forbidden',
    admin: 'allowed',
    'expired session': 'unauthenticated',
    'admin on a staff device': 'forbidden',
    'no session on a staff device': 'forbidden',
    'kiosk device': 'forbidden',
    'admin on a kiosk device': 'forbidden',
  },
  // Only a paired kiosk's main process may forward intakes: no person, whatever their role, and no page.
  'kiosk-device': {
    'no session': 'forbidden',
    therapist: 'forbidden',
    admin: 'forbidden',
    'expired session': 'forbidden',
    'admin on a staff device': 'forbidden',
    'no session on a staff device': 'forbidden',
    'kiosk device': 'allowed',
    'admin on a kiosk device': 'allowed',
  },
} as const satisfies Record<Access, Record<State, Verdict>>;

const CALLERS: Readonly<Record<State, { readonly id: string; readonly kind: CallerKind }>> = {
  'no session': { id: 'kiosk-no-session', kind: 'kiosk' },
  therapist: { id: 'kiosk-therapist', kind: 'kiosk' },
  admin: { id: 'kiosk-admin', kind: 'kiosk' },
  'expired session': { id: 'kiosk-expired', kind: 'kiosk' },
  'admin on a staff device': { id: 'device-admin', kind: 'staff-device' },
  'no session on a staff device': { id: 'device-no-session', kind: 'staff-device' },
  'kiosk device': { id: 'kiosk-device-1', kind: 'kiosk-device' },
  'admin on a kiosk device': { id: 'kiosk-device-admin', kind: 'kiosk-device' },
};

const ADMIN = { name: 'Olivia Owner', pin: '135792' };
const THERAPIST = { name: 'Theo Therapist', pin: '246813' };

let opened: TestCore;
let clock: ManualClock;
let adminId = '';
let therapistId = '';

beforeAll(async () => {
  clock = new ManualClock('2025-06-15T10:30:00.000Z');
  opened = await openTestCore({ clock }, 'kiosk-access-');
  const setup = await opened.core.handlers['staff:setup'](ADMIN, callContext(CALLERS.admin.id));
  if (!setup.ok) throw new Error(setup.error.message);
  adminId = setup.value.staffId;
  const added = await opened.core.handlers['admin:addStaff']({ ...THERAPIST, role: 'therapist' }, callContext(CALLERS.admin.id));
  if (!added.ok) throw new Error(added.error.message);
  therapistId = added.value.staffId;
}, 60_000);

afterAll(() => opened.close());

/** Puts the state's caller in that state: signed in (again, if a call signed it out), signed out, or idled out. */
async function establish(state: State): Promise<CallContext> {
  const { staff } = opened.core.deps;
  const { id, kind } = CALLERS[state];
  const signIn = async (staffId: string, pin: string) => {
    if (staff.current(id) === null) expect((await staff.login(staffId, pin, id)).ok).toBe(true);
  };
  switch (state) {
    case 'no session':
    case 'no session on a staff device':
    case 'kiosk device':
      staff.lock(id);
      break;
    case 'therapist':
      await signIn(therapistId, THERAPIST.pin);
      break;
    case 'admin':
    case 'admin on a staff device':
    case 'admin on a kiosk device':
      await signIn(adminId, ADMIN.pin);
      break;
    case 'expired session':
      await signIn(adminId, ADMIN.pin);
      clock.advance(opened.core.deps.settings.get().autoLogoffMs + 1_000);
      break;
  }
  return callContext(id, kind);
}

// Rows changed on the SQLite store's own connection since it opened (this suite runs on SQLite).
const totalChanges = async () => (await opened.core.deps.store.one<{ n: number }>('SELECT total_changes() AS n'))?.n ?? 0;

const cases = STATES.flatMap((state) =>
  CHANNELS.map((channel) => {
    const access: Access = specs[channel].access;
    return { label: `${channel} (${access}), ${state}`, channel, state, verdict: EXPECTED[access][state] as Verdict };
  }),
);

describe('every channel answers every caller as its access declares', () => {
  it.each(cases)('$label -> $verdict', async ({ channel, state, verdict }) => {
    const ctx = await establish(state);
    const before = await totalChanges();
    // An empty payload is enough: access is checked before the payload is parsed.
    const result = (await opened.core.handlers[channel as Channel]({}, ctx)) as Result<unknown>;
    const code = result.ok ? 'ok' : result.error.code;
    if (verdict === 'allowed') {
      expect(['unauthenticated', 'forbidden', 'forbidden_sender', 'internal']).not.toContain(code);
      return;
    }
    expect(code).toBe(verdict);
    if (!result.ok && verdict === 'unauthenticated') expect(result.error.message).toBe('Please sign in again.');
    expect(await totalChanges(), 'a refused call wrote something').toBe(before);
  });
});

describe('the declarations themselves', () => {
  it('only sign-in, status and the client flow are reachable without a staff session', () => {
    const open = CHANNELS.filter((c) => specs[c].access === 'public' || specs[c].access === 'kiosk').sort();
    expect(open).toEqual(['form:getActive', 'intake:submit', 'kiosk:getConfig', 'staff:lock', 'staff:login', 'staff:roster', 'staff:setup', 'staff:status']);
  });

  it('only intake:forward is for kiosk devices', () => {
    expect(CHANNELS.filter((c) => specs[c].access === 'kiosk-device')).toEqual(['intake:forward']);
  });

  it('every admin:* channel needs an admin', () => {
    expect(CHANNELS.filter((c) => c.startsWith('admin:') && specs[c].access !== 'admin')).toEqual([]);
  });
});
