/**
 * The kiosk's HTTPS transport (core/network/https-transport.ts) against a real clinic server
 * (server/testing/test-server.ts): a kiosk in network mode forwards over it and the server
 * stores the intake once; the server's refusals come back as Results; everything that is not
 * the clinic server answering (another CA, another name, nobody listening, no answer, a proxy
 * page, an answer too large) throws, which the forwarder counts as unreachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpsTransport, type HttpsTransportOptions } from '../core/network/https-transport.ts';
import { generateKioskKey, installKioskIdentity } from '../core/network/kiosk-identity.ts';
import { NETWORK_CONFIG } from '../core/network/testing/network-pair.ts';
import { mintClinicCa } from '../core/network/testing/clinic-pki.ts';
import { loadClinicCa } from '../core/signing/clinic-ca.ts';
import { memorySecretStore } from '../core/signing/identity.ts';
import { loadOrIssueServerCertificate } from '../core/signing/server-certificate.ts';
import { rowCount } from '../core/tests/helpers.ts';
import { openTestCore, TEST_CTX, type TestCore } from '../core/tests/test-core.ts';
import { startTestServer, type TestServer, healthyIntake } from './testing/test-server.ts';

let server: TestServer;
let kiosk: TestCore;
let credential: string;
let closeTransport: () => Promise<void>;
const extras: { close(cb: () => void): void }[] = [];
const sockets: Socket[] = [];

const intake = () => healthyIntake(600_000);

async function listen<T extends NetServer | HttpsServer>(s: T): Promise<number> {
  extras.push(s);
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', () => done()));
  return (s.address() as AddressInfo).port;
}

/** An HTTPS server on 127.0.0.1 with the clinic server's own certificate that answers `body` with `status`. */
async function fakeServer(status: number, body: string | Buffer, cert = server.server.certificate.certPem, key = server.server.certificate.keyPem): Promise<string> {
  const s = createHttpsServer({ cert, key }, (_req, res) => {
    res.writeHead(status, { 'content-type': status === 502 ? 'text/html' : 'application/json' });
    res.end(body);
  });
  return `https://127.0.0.1:${await listen(s)}`;
}

const transportFor = (overrides: Partial<HttpsTransportOptions> = {}) => {
  const t = createHttpsTransport({ serverUrl: server.origin, caPem: server.caPem, credential: async () => credential, timeoutMs: 2_000, ...overrides });
  extras.push({ close: (cb) => void t.close().then(cb) });
  return t.transport;
};

beforeAll(async () => {
  server = await startTestServer();
  const key = generateKioskKey();
  const pairing = await server.devices.redeem(await server.pairingCode('kiosk'), { name: 'Front desk kiosk', kind: 'kiosk', publicKeyPem: key.publicKeyPem });
  if (!pairing?.certificatePem || !pairing.caCertificatePem) throw new Error('pairing failed');
  credential = pairing.credential;
  const https = createHttpsTransport({ serverUrl: server.origin, caPem: server.caPem, credential: async () => credential });
  closeTransport = https.close;
  kiosk = await openTestCore({ network: { config: { ...NETWORK_CONFIG, serverUrl: server.origin }, transport: https.transport, random: () => 0.5 } }, 'kiosk-https-');
  await installKioskIdentity(kiosk.core.deps.secrets, key, pairing.certificatePem, pairing.caCertificatePem, new Date());
  kiosk.core.deps.resetSigningIdentity();
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(extras.map((s) => new Promise<void>((done) => s.close(() => done()))));
  await kiosk?.close();
  await closeTransport?.();
  await server?.close();
});

describe('a paired kiosk forwards over HTTPS', () => {
  it('the client gets Done; the intake is stored on the server and leaves the outbox', async () => {
    const network = kiosk.core.deps.network;
    if (!network) throw new Error('not in network mode');
    const submitted = await kiosk.core.handlers['intake:submit'](intake(), TEST_CTX);
    expect(submitted.ok).toBe(true);
    // The submit started a pass; drain waits for it and makes one more (nothing left to send).
    expect(await network.forwarder.drain()).toMatchObject({ unreachable: null });
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(1);
    expect((await network.outbox.summary()).waiting).toBe(0);
  });
});

describe('refusals the server answers come back as Results', () => {
  it.each([
    ['an unknown credential -> not_paired', () => `${randomUUID()}.${'A'.repeat(43)}`, 'not_paired'],
    ['the paired kiosk, a channel only the lobby kiosk\'s own window may call -> forbidden', () => credential, 'forbidden'],
  ] as const)('%s', async (_label, cred, code) => {
    const transport = transportFor({ credential: async () => cred() });
    const result = await transport('kiosk:quit', {});
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
  });
});

describe('anything that is not the clinic server answering throws', () => {
  it.each([
    ['a server whose certificate is from another CA', async () => ({ caPem: mintClinicCa('Another clinic').pem }), /not from this clinic's CA/],
    [
      'a certificate from the clinic CA for another name',
      async () => {
        const ca = await loadClinicCa({ secrets: server.core.deps.secrets, clock: server.core.deps.clock, clinicName: () => 'Test clinic', onIdentityReplaced: () => {} });
        const other = await loadOrIssueServerCertificate(memorySecretStore(), ca, ['clinic-server.test'], server.core.deps.clock);
        return { serverUrl: await fakeServer(200, '{"ok":true,"value":{}}', other.certPem, other.keyPem) };
      },
      /not for this address/,
    ],
    [
      'nobody listening',
      async () => {
        const port = await listen(createNetServer());
        await new Promise<void>((done) => extras.pop()?.close(() => done()));
        return { serverUrl: `https://127.0.0.1:${port}` };
      },
      /connection was refused/,
    ],
    [
      'a server that never answers',
      async () => ({ serverUrl: `https://127.0.0.1:${await listen(createNetServer((s) => sockets.push(s)))}`, timeoutMs: 300 }),
      /no answer within 1 s/,
    ],
    ['a proxy page (502, HTML)', async () => ({ serverUrl: await fakeServer(502, '<html>Bad gateway</html>') }), /not the clinic server's \(HTTP 502\)/],
    ['JSON that is not a Result', async () => ({ serverUrl: await fakeServer(200, '{"ok":"yes"}') }), /not the clinic server's \(HTTP 200\)/],
    ['an answer over the size bound', async () => ({ serverUrl: await fakeServer(200, Buffer.alloc(300 * 1024, 0x20)) }), /too large/],
  ] as const)('%s', async (_label, setup, message) => {
    const transport = transportFor(await setup());
    await expect(transport('staff:status', {})).rejects.toThrow(message);
  });

  it('refuses to be made for a plain-HTTP address', () => {
    expect(() => createHttpsTransport({ serverUrl: 'http://127.0.0.1:8080', caPem: server.caPem, credential: async () => credential })).toThrow(/https/);
  });
});
