/**
 * The live queue stream closes by itself once it may no longer be open: the device revoked, the
 * staff session locked, the session idled out. No queue event and no other request is needed to
 * close it. Bounded: each test's own timeout is under the 15 s a device may keep a stream after
 * losing access. A revoke or a lock closes it at once (the core tells the route): those run on a
 * server whose heartbeat is a minute, with a timeout under the route's 5 s re-check, so only that
 * notice can close them in time. An idle log-off has no moment of its own: the re-check finds it
 * (a short heartbeat here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../api/result.ts';
import { ManualClock } from '../core/tests/helpers.ts';
import { openEventStream, type EventStream } from './testing/event-stream.ts';
import { appHeaders, callChannel, httpsCall, startTestServer, type TestServer } from './testing/test-server.ts';

const PIN = '424242';
const HEARTBEAT_MS = 100;
/** A heartbeat longer than any test here: nothing but the core's notice can close a stream in time. */
const SLOW_HEARTBEAT_MS = 60_000;
let server: TestServer;
let slowServer: TestServer;
let clock: ManualClock;
let adminId = '';

/** Starts a server and signs up its first admin (returned). */
async function serverWithAdmin(heartbeatMs: number, serverClock?: ManualClock): Promise<{ server: TestServer; adminId: string }> {
  const started = await startTestServer({ ...(serverClock ? { clock: serverClock } : {}), heartbeatMs, limits: { pairPerAddressPerMinute: 1_000 } });
  const code = await started.pairingCode('browser');
  const first = await httpsCall(started, '/pair', { method: 'POST', headers: appHeaders(started), body: JSON.stringify({ code, name: 'Front desk PC' }) });
  const cookie = first.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
  expect((await callChannel(started, 'staff:setup', { name: 'Dana Admin', pin: PIN }, cookie)).json<Result<unknown>>().ok).toBe(true);
  const roster = (await callChannel(started, 'staff:roster', {}, cookie)).json<Result<{ staffId: string }[]>>();
  return { server: started, adminId: roster.ok ? (roster.value[0]?.staffId ?? '') : '' };
}

/** A browser paired under `name` with staff signed in on it: its cookie and device id. */
async function signedInDevice(server: TestServer, adminId: string, name: string): Promise<{ cookie: string; deviceId: string }> {
  const code = await server.pairingCode('browser');
  const paired = await httpsCall(server, '/pair', { method: 'POST', headers: appHeaders(server), body: JSON.stringify({ code, name }) });
  const cookie = paired.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
  const body = paired.json<Result<{ deviceId: string }>>();
  const login = (await callChannel(server, 'staff:login', { staffId: adminId, pin: PIN }, cookie)).json<Result<unknown>>();
  expect(login.ok).toBe(true);
  return { cookie, deviceId: body.ok ? body.value.deviceId : '' };
}

async function connected(server: TestServer, cookie: string): Promise<EventStream> {
  const stream = openEventStream(server, cookie);
  await stream.until(() => stream.events.join('').includes(': connected'));
  expect(stream.status()).toBe(200);
  return stream;
}

const pings = (stream: EventStream) => (stream.events.join('').match(/: ping/g) ?? []).length;

beforeAll(async () => {
  // The clinic's clock, from now: sessions idle out on it; TLS still checks real time.
  clock = new ManualClock(new Date().toISOString());
  ({ server, adminId } = await serverWithAdmin(HEARTBEAT_MS, clock));
  ({ server: slowServer } = await serverWithAdmin(SLOW_HEARTBEAT_MS));
}, 90_000);

afterAll(async () => {
  await server?.close();
  await slowServer?.close();
});

describe('the live queue closes when access ends', () => {
  it('stays open while the device is paired and its session live (heartbeats keep coming)', async () => {
    const { cookie } = await signedInDevice(server, adminId, 'Room 1 tablet');
    const stream = await connected(server, cookie);
    await stream.until(() => pings(stream) >= 5);
    expect(stream.events).not.toContain('<end>');
    stream.close();
  }, 10_000);

  it.each([
    { label: 'the device is revoked', end: async (s: TestServer, d: { deviceId: string }) => expect(await s.devices.revoke(d.deviceId, { staffId: 'admin' })).toBe(true) },
    { label: 'staff lock the device (log off)', end: async (s: TestServer, d: { cookie: string }) => expect((await callChannel(s, 'staff:lock', {}, d.cookie)).status).toBe(200) },
  ])('closes at once when $label, with nothing else happening', async ({ end }) => {
    const slowAdmin = (await slowServer.core.deps.staff.roster())[0]?.staffId ?? '';
    const device = await signedInDevice(slowServer, slowAdmin, `Tablet ${Math.random()}`);
    const stream = await connected(slowServer, device.cookie);
    await end(slowServer, device);
    await stream.until(() => stream.events.includes('<end>'));
    expect(stream.events.join('')).not.toMatch(/event: queue|: ping/);
    // And it cannot be opened again.
    const again = openEventStream(slowServer, device.cookie);
    await again.until(() => again.events.includes('<end>'));
    expect(again.status()).toBe(401);
  }, 4_000);

  // Last: it moves the clinic's clock past every session's idle log-off.
  it('closes when the staff session idles out, without any request from the device', async () => {
    const { cookie } = await signedInDevice(server, adminId, 'Room 3 tablet');
    const stream = await connected(server, cookie);
    await stream.until(() => pings(stream) >= 2);
    clock.advance(5 * 60_000 + 1_000);
    await stream.until(() => stream.events.includes('<end>'));
    const status = (await callChannel(server, 'staff:status', {}, cookie)).json<Result<{ session: unknown }>>();
    expect(status).toMatchObject({ ok: true, value: { session: null } });
  }, 10_000);
});
