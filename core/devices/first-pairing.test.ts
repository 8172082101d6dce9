/**
 * The first pairing code of a fresh clinic server, over the real registry (SQLite), a manual
 * clock and manual timers: while no device is paired it announces one single-use browser code
 * (audited, actor system) and a fresh one when that expires, at most a bounded number of
 * times; a paired device ends it; the structured events never carry the code.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAuditEntry } from '../audit/log.ts';
import { DatabaseUnavailableError } from '../db/errors.ts';
import { sqliteEngine, type OpenedStore } from '../db/testing/engines.ts';
import { ManualClock } from '../tests/helpers.ts';
import { FIRST_PAIRING_ACTOR, FIRST_PAIRING_GAVE_UP_LINE, FIRST_PAIRING_RETRY_MS, startFirstPairing, type FirstPairingEvent, type FirstPairingOptions } from './first-pairing.ts';
import type { DeviceRegistry } from './registry.ts';
import { createDeviceRegistry, deviceMigrations, PAIRING_CODE_TTL_MS, type StoreDeviceRegistry } from './store.ts';

const ORIGIN = 'https://clinic-server.local:8443';
const KEY = randomBytes(32);
const CODE = /code ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}) at /;

interface Timer {
  readonly run: () => Promise<void>;
  readonly ms: number;
  cancelled: boolean;
}

interface Fixture {
  readonly registry: StoreDeviceRegistry;
  readonly clock: ManualClock;
  readonly audit: NewAuditEntry[];
  readonly lines: string[];
  readonly events: FirstPairingEvent[];
  readonly timers: Timer[];
  /** The timers not yet run nor cancelled. */
  pending(): Timer[];
  /** Advances the clock to the next timer and runs it. */
  fire(): Promise<void>;
  start(overrides?: Partial<FirstPairingOptions>): ReturnType<typeof startFirstPairing>;
}

let opened: OpenedStore | undefined;
afterEach(async () => {
  await opened?.cleanup();
  opened = undefined;
});

async function fixture(): Promise<Fixture> {
  opened = await sqliteEngine.open();
  await opened.store.migrate(deviceMigrations);
  const clock = new ManualClock('2026-03-10T09:00:00.000Z');
  const audit: NewAuditEntry[] = [];
  const registry = createDeviceRegistry({
    store: opened.store,
    clock,
    deriveKey: (label) => new Uint8Array(Buffer.concat([KEY, Buffer.from(label)])),
    audit: { append: async (e) => void audit.push(e) },
    endSessionsOf: () => undefined,
  });
  const lines: string[] = [];
  const events: FirstPairingEvent[] = [];
  const timers: Timer[] = [];
  const pending = () => timers.filter((t) => !t.cancelled);
  return {
    registry,
    clock,
    audit,
    lines,
    events,
    timers,
    pending,
    async fire() {
      const next = pending()[0];
      if (!next) throw new Error('No timer is pending.');
      next.cancelled = true;
      clock.advance(next.ms);
      await next.run();
    },
    start: (overrides = {}) =>
      startFirstPairing({
        devices: registry,
        clock,
        origin: () => ORIGIN,
        announce: (line) => void lines.push(line),
        onEvent: (event) => void events.push(event),
        schedule: (run, ms) => {
          const timer: Timer = { run, ms, cancelled: false };
          timers.push(timer);
          return () => void (timer.cancelled = true);
        },
        ...overrides,
      }),
  };
}

const codeOf = (line: string | undefined): string => {
  const match = CODE.exec(line ?? '');
  if (!match?.[1]) throw new Error(`No code in: ${line}`);
  return match[1];
};

describe('a server with no paired device', () => {
  it('announces one line with a browser code that pairs once, audited as made by the system', async () => {
    const f = await fixture();
    await f.start();
    expect(f.lines).toHaveLength(1);
    expect(f.lines[0]).toContain(`at ${ORIGIN}/ (valid 10 minutes, until 09:10 UTC, single use)`);
    const code = codeOf(f.lines[0]);
    expect(f.audit).toContainEqual({ action: 'device.pairing_code_created', actor: FIRST_PAIRING_ACTOR, details: { kind: 'browser', expiresAt: '2026-03-10T09:10:00.000Z' } });

    const pairing = await f.registry.redeem(code, { name: 'Front desk PC', kind: 'browser' });
    expect(pairing?.device).toMatchObject({ kind: 'browser', name: 'Front desk PC' });
    expect(await f.registry.redeem(code, { name: 'Second PC', kind: 'browser' })).toBeNull();
    expect(f.audit).toContainEqual(expect.objectContaining({ action: 'device.paired', actor: FIRST_PAIRING_ACTOR }));
  });

  it('makes a fresh code when the last one expires, and the expired one no longer pairs', async () => {
    const f = await fixture();
    await f.start();
    expect(f.pending().map((t) => t.ms)).toEqual([PAIRING_CODE_TTL_MS]);
    await f.fire();
    expect(f.lines).toHaveLength(2);
    const [first, second] = f.lines.map(codeOf);
    expect(second).not.toBe(first);
    expect(await f.registry.redeem(first ?? '', { name: 'Late PC', kind: 'browser' })).toBeNull();
    expect(await f.registry.redeem(second ?? '', { name: 'Front desk PC', kind: 'browser' })).not.toBeNull();
    expect(f.pending()).toHaveLength(1);
  });

  it('stops at the first check that finds a paired device: no more codes, no timer', async () => {
    const f = await fixture();
    await f.start();
    await f.registry.redeem(codeOf(f.lines[0]), { name: 'Front desk PC', kind: 'browser' });
    await f.fire();
    expect(f.lines).toHaveLength(1);
    expect(f.pending()).toHaveLength(0);
    expect(f.events.map((e) => e.kind)).toEqual(['issued', 'paired']);
  });

  it('gives up after the bound with a line that says to restart', async () => {
    const f = await fixture();
    await f.start({ maxAttempts: 3 });
    for (let i = 0; i < 3; i += 1) await f.fire();
    expect(f.lines.slice(0, 3).map(codeOf)).toHaveLength(3);
    expect(f.lines).toHaveLength(4);
    expect(f.lines[3]).toBe(FIRST_PAIRING_GAVE_UP_LINE);
    expect(f.pending()).toHaveLength(0);
  });

  it('stop() (the server closing) cancels the next check', async () => {
    const f = await fixture();
    const first = await f.start();
    first.stop();
    expect(f.pending()).toHaveLength(0);
    expect(f.lines).toHaveLength(1);
  });

  it('a store that cannot answer is reported without the code and tried again a minute later', async () => {
    const f = await fixture();
    let down = true;
    const flaky: Pick<DeviceRegistry, 'createPairingCode' | 'list'> = {
      list: async () => {
        if (down) throw new DatabaseUnavailableError('connect ECONNREFUSED');
        return f.registry.list();
      },
      createPairingCode: (by, kind) => f.registry.createPairingCode(by, kind),
    };
    await f.start({ devices: flaky });
    expect(f.lines).toHaveLength(0);
    expect(f.events).toEqual([{ kind: 'failed' }]);
    expect(f.pending().map((t) => t.ms)).toEqual([FIRST_PAIRING_RETRY_MS]);
    down = false;
    await f.fire();
    expect(f.lines).toHaveLength(1);
    const code = codeOf(f.lines[0]);
    expect(JSON.stringify(f.events)).not.toContain(code);
  });
});

describe('a server with a paired device', () => {
  it.each([
    ['one active device', false, 0],
    ['only revoked devices', true, 1],
  ] as const)('%s -> %i codes', async (_label, revoke, expected) => {
    const f = await fixture();
    const { code } = await f.registry.createPairingCode({ staffId: 'staff-admin' }, 'browser');
    const pairing = await f.registry.redeem(code, { name: 'Front desk PC', kind: 'browser' });
    if (revoke && pairing) await f.registry.revoke(pairing.device.id, { staffId: 'staff-admin' });
    await f.start();
    expect(f.lines).toHaveLength(expected);
    expect(f.pending()).toHaveLength(expected);
  });
});
