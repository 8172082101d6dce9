/**
 * Pairing while the clinic database cannot answer (a slow or restarting PostgreSQL): the
 * registry rejects with the storage port's typed errors, and both `POST /pair` and
 * `POST /pair/kiosk` answer 503 `unavailable` with the core's own sentence, never a 500 or a
 * stack. The code is not used up: once the store answers again, the same code pairs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../api/result.ts';
import { DatabaseUnavailableError, StoreBusyError } from '../core/db/errors.ts';
import type { DeviceKind, DeviceRegistry } from '../core/devices/registry.ts';
import { DATABASE_BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE } from '../core/handler.ts';
import { generateKioskKey } from '../core/network/kiosk-identity.ts';
import { MESSAGES } from './http-errors.ts';
import { appHeaders, httpsCall, startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
/** What the registry's redeem rejects with next; null: it answers. */
let failure: Error | null = null;
const key = generateKioskKey();

function failingRegistry(real: DeviceRegistry): DeviceRegistry {
  return {
    createPairingCode: (by, kind) => real.createPairingCode(by, kind),
    authenticate: (credential) => real.authenticate(credential),
    list: () => real.list(),
    revoke: (id, by) => real.revoke(id, by),
    redeem: async (code, device) => {
      if (failure) throw failure;
      return real.redeem(code, device);
    },
  };
}

beforeAll(async () => {
  server = await startTestServer({ devices: failingRegistry, limits: { pairPerAddressPerMinute: 1_000 } });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const ROUTES: readonly { readonly path: string; readonly kind: DeviceKind; readonly body: (code: string) => object }[] = [
  { path: '/pair', kind: 'browser', body: (code) => ({ code, name: 'Front desk PC' }) },
  { path: '/pair/kiosk', kind: 'kiosk', body: (code) => ({ code, name: 'Lobby kiosk', publicKeyPem: key.publicKeyPem }) },
];

const FAILURES = [
  ['the database cannot be reached', 503, 'unavailable', DATABASE_UNAVAILABLE_MESSAGE, () => new DatabaseUnavailableError('connect ECONNREFUSED 10.0.0.5:5432')],
  ['the database stays busy', 503, 'unavailable', DATABASE_BUSY_MESSAGE, () => new StoreBusyError(5)],
  ['a bug (anything else)', 500, 'internal', MESSAGES.internal, () => new Error('undefined is not a function')],
] as const;

describe.each(ROUTES)('$path while the store fails', (route) => {
  it.each(FAILURES)('%s -> %i %s, with a sentence; the same code pairs afterwards', async (_label, status, code, message, error) => {
    const pairingCode = await server.pairingCode(route.kind);
    const before = (await server.devices.list()).length;
    const send = () => httpsCall(server, route.path, { method: 'POST', headers: appHeaders(server), body: JSON.stringify(route.body(pairingCode)) });

    failure = error();
    const refused = await send();
    failure = null;
    expect(refused.status).toBe(status);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(refused.json<Result<unknown>>()).toEqual({ ok: false, error: { code, message } });
    // Neither the store's detail nor a stack reaches the device.
    expect(refused.text).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|attempts|undefined is not|at .+\.ts/);
    expect(await server.devices.list()).toHaveLength(before);

    const retried = await send();
    expect(retried.status).toBe(200);
    expect(retried.json<Result<unknown>>()).toMatchObject({ ok: true });
    expect(await server.devices.list()).toHaveLength(before + 1);
  });
});
