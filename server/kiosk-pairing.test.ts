/**
 * `POST /pair/kiosk` on a real clinic server: a lobby kiosk redeems a kiosk pairing code with
 * its public key and gets its credential (in the body, never a cookie), a signing certificate
 * for that key from the clinic CA, and the CA. Every refusal is typed and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import type { Result } from '../api/result.ts';
import type { KioskPairing } from '../core/devices/kiosk-pairing.ts';
import { generateKioskKey } from '../core/network/kiosk-identity.ts';
import { ManualClock } from '../core/tests/helpers.ts';
import { appHeaders, callChannel, httpsCall, startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
let clock: ManualClock;
const key = generateKioskKey();

const pairKiosk = (body: unknown, headers = appHeaders(server)) => httpsCall(server, '/pair/kiosk', { method: 'POST', headers, body: JSON.stringify(body) });

beforeAll(async () => {
  clock = new ManualClock(new Date().toISOString());
  server = await startTestServer({ clock, limits: { pairPerAddressPerMinute: 1_000 } });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('a kiosk pairs with a kiosk code', () => {
  it('gets its credential, a certificate for its own key from the clinic CA, and the CA; no cookie', async () => {
    const res = await pairKiosk({ code: await server.pairingCode('kiosk'), name: 'Front desk kiosk', publicKeyPem: key.publicKeyPem });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.json<Result<KioskPairing>>();
    if (!body.ok) throw new Error(body.error.message);
    const cert = new X509Certificate(body.value.certificatePem);
    const ca = new X509Certificate(body.value.caCertificatePem);
    expect(body.value.caCertificatePem.trim()).toBe(server.caPem.trim());
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(key.publicKeyPem);
    expect(cert.subject).toContain('Front desk kiosk');
    // The credential is the device's: the server knows it as a paired kiosk.
    const status = await callChannel(server, 'staff:status', {}, `__Host-kiosk-device=${body.value.credential}`);
    expect(status.status).toBe(200);
    const devices = await server.devices.list();
    expect(devices.find((d) => d.id === body.value.deviceId)).toMatchObject({ kind: 'kiosk', name: 'Front desk kiosk' });
  });
});

describe('refusals are typed and write nothing', () => {
  const ecP384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey;
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } }).publicKey;
  const used = async () => {
    const code = await server.pairingCode('kiosk');
    const first = await pairKiosk({ code, name: 'First kiosk', publicKeyPem: key.publicKeyPem });
    expect(first.json()).toMatchObject({ ok: true });
    return code;
  };
  const expired = async () => {
    const code = await server.pairingCode('kiosk');
    clock.advance(11 * 60_000);
    return code;
  };

  it.each([
    ['a wrong code', async () => ({ code: 'WRONG-CODE-1', name: 'Kiosk', publicKeyPem: key.publicKeyPem }), /wrong, expired or already used/],
    ['a used code', async () => ({ code: await used(), name: 'Second kiosk', publicKeyPem: key.publicKeyPem }), /wrong, expired or already used/],
    ['an expired code', async () => ({ code: await expired(), name: 'Late kiosk', publicKeyPem: key.publicKeyPem }), /wrong, expired or already used/],
    ['a browser code used by a kiosk', async () => ({ code: await server.pairingCode('browser'), name: 'Kiosk', publicKeyPem: key.publicKeyPem }), /code is for a browser/],
    ['a key that is not PEM', async () => ({ code: await server.pairingCode('kiosk'), name: 'Kiosk', publicKeyPem: 'not a key' }), /public key in PEM form/],
    ['an EC key not on P-256', async () => ({ code: await server.pairingCode('kiosk'), name: 'Kiosk', publicKeyPem: ecP384 }), /P-256/],
    ['an RSA key of 1024 bits', async () => ({ code: await server.pairingCode('kiosk'), name: 'Kiosk', publicKeyPem: rsa1024 }), /2048/],
    ['no key', async () => ({ code: await server.pairingCode('kiosk'), name: 'Kiosk' }), /expected string|public key/i],
    ['no name', async () => ({ code: await server.pairingCode('kiosk'), name: ' ', publicKeyPem: key.publicKeyPem }), /name/],
    ['an unexpected field', async () => ({ code: await server.pairingCode('kiosk'), name: 'Kiosk', publicKeyPem: key.publicKeyPem, kind: 'browser' }), /Unexpected field/],
  ] as const)('%s', async (_label, body, message) => {
    const payload = await body();
    const before = (await server.devices.list()).length;
    const res = await pairKiosk(payload);
    const answer = res.json<Result<KioskPairing>>();
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await server.devices.list()).length).toBe(before);
  });

  it.each([
    ['without X-Kiosk-Request', (h: Record<string, string>) => ({ ...h, 'x-kiosk-request': '' })],
    ['from another origin', (h: Record<string, string>) => ({ ...h, origin: 'https://evil.example' })],
  ])('a pairing %s is refused (CSRF) and the code stays good', async (_label, change) => {
    const code = await server.pairingCode('kiosk');
    const refused = await pairKiosk({ code, name: 'Kiosk', publicKeyPem: key.publicKeyPem }, change(appHeaders(server)));
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect((await pairKiosk({ code, name: 'Kiosk', publicKeyPem: key.publicKeyPem })).json()).toMatchObject({ ok: true });
  });
});

describe('guessing codes is limited per address', () => {
  it('past the limit a kiosk gets 429 rate_limited with when to retry, shared with browser pairing', async () => {
    const limited = await startTestServer({ limits: { pairPerAddressPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) statuses.push((await httpsCall(limited, '/pair', { method: 'POST', headers: appHeaders(limited), body: JSON.stringify({ code: `WRONG-${i}-CODE`, name: 'x' }) })).status);
      statuses.push((await httpsCall(limited, '/pair/kiosk', { method: 'POST', headers: appHeaders(limited), body: JSON.stringify({ code: 'WRONG-CODE-3', name: 'x', publicKeyPem: key.publicKeyPem }) })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const res = await httpsCall(limited, '/pair/kiosk', { method: 'POST', headers: appHeaders(limited), body: JSON.stringify({ code: await limited.pairingCode('kiosk'), name: 'x', publicKeyPem: key.publicKeyPem }) });
      expect(res.status).toBe(429);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAt: expect.any(String) } });
    } finally {
      await limited.close();
    }
  }, 60_000);
});
