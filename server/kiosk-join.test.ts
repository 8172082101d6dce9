/**
 * An admin at a lobby kiosk joins it to a real clinic server (network:pair), with the code and
 * the clinic CA fingerprint the server's pairing screen shows; the kiosk switches to network
 * mode at once and after a restart; leaving is refused while intakes wait. The kiosk core is a
 * real one whose host gave only createHttpsTransport; the server is startTestServer().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { NetworkStatus } from '../api/contract.ts';
import type { Result } from '../api/result.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createHttpsTransport } from '../core/network/https-transport.ts';
import type { PairingOptions } from '../core/network/pairing.ts';
import { rowCount, tempDir } from '../core/tests/helpers.ts';
import { callContext, TEST_CTX, TEST_ORIGIN } from '../core/tests/test-core.ts';
import { startTestServer, type TestServer, healthyIntake } from './testing/test-server.ts';

const ADMIN = callContext('kiosk-admin');
let server: TestServer;
let fingerprint: string;
const dirs: { cleanup(): void }[] = [];

const intake = () => healthyIntake(600_000);

/** Each test server's install page is on its own ephemeral port, not 8080. */
const others: TestServer[] = [];
const installPort = (url: URL) => ([server, ...others].find((s) => s.origin === url.origin) ?? server).server.httpPort;
const pairingOptions = (): PairingOptions => ({ caDownloadUrl: (url) => `http://127.0.0.1:${installPort(url)}/clinic-ca.crt`, timeoutMs: 5_000 });

/** A kiosk core on `dir` (a fresh one by default) whose host gives the HTTPS transport factory. */
async function openKiosk(dir?: string, withFactory = true): Promise<{ core: Core; dir: string }> {
  let folder = dir;
  if (!folder) {
    const tmp = tempDir('kiosk-join-');
    dirs.push(tmp);
    folder = tmp.dir;
  }
  const core = await createCore({
    dataDir: folder,
    keyProvider: createKeyFileProvider(join(folder, 'key.bin')),
    allowedOrigins: [TEST_ORIGIN],
    ...(withFactory ? { transportFactory: createHttpsTransport } : {}),
    pairing: pairingOptions(),
  });
  const setup = await core.handlers['staff:setup']({ name: 'Kim Admin', pin: '246813' }, ADMIN);
  if (!setup.ok) {
    const [admin] = await core.deps.staff.roster();
    await core.deps.staff.login(admin?.staffId ?? '', '246813', ADMIN.caller.id);
  }
  return { core, dir: folder };
}

const status = async (core: Core): Promise<NetworkStatus> => {
  const result = await core.handlers['network:status']({}, ADMIN);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const pair = async (core: Core, overrides: Record<string, string | undefined> = {}): Promise<Result<NetworkStatus>> =>
  core.handlers['network:pair']({ serverUrl: server.origin, code: await server.pairingCode('kiosk'), caFingerprint: fingerprint, name: 'Front desk kiosk', ...overrides } as never, ADMIN);

async function submitAndDrain(core: Core): Promise<void> {
  const receipt = await core.handlers['intake:submit'](intake(), TEST_CTX);
  expect(receipt.ok).toBe(true);
  await core.deps.network?.forwarder.drain();
}

const auditActions = async (core: Core) => (await core.deps.store.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'network.%' ORDER BY id")).map((r) => r.action);

beforeAll(async () => {
  server = await startTestServer({ limits: { pairPerAddressPerMinute: 1_000 } });
  // As the server's pairing screen shows it: groups of four hex digits.
  fingerprint = new X509Certificate(server.caPem).fingerprint256.replace(/:/g, '').match(/.{4}/g)?.join(' ') ?? '';
}, 60_000);

afterAll(async () => {
  await server?.close();
  for (const other of others) await other.close();
  for (const dir of dirs) dir.cleanup();
});

describe('an admin at the kiosk joins it to the clinic server', () => {
  it('switches to network mode at once: the next intake reaches the server, nothing is stored on the kiosk', async () => {
    const { core } = await openKiosk();
    try {
      expect(await status(core)).toMatchObject({ mode: 'single', serverUrl: null, canPair: true });
      const joined = await pair(core);
      if (!joined.ok) throw new Error(joined.error.message);
      expect(joined.value).toMatchObject({ mode: 'network', source: 'paired', serverUrl: server.origin, deviceName: 'Front desk kiosk', waiting: 0 });
      const before = await rowCount(server.core.deps.store, 'submissions');
      await submitAndDrain(core);
      expect(await rowCount(server.core.deps.store, 'submissions')).toBe(before + 1);
      expect(await rowCount(core.deps.store, 'submissions')).toBe(0);
      expect((await server.devices.list()).find((d) => d.id === joined.value.deviceId)).toMatchObject({ kind: 'kiosk', name: 'Front desk kiosk' });
      expect(await auditActions(core)).toEqual(['network.joined']);
      // The credential is sealed at rest: its secret part is nowhere in the kiosk's database file.
      const row = await core.deps.store.one<{ credential: Uint8Array }>('SELECT credential FROM kiosk_pairing');
      expect(Buffer.from(row?.credential ?? []).toString('latin1')).not.toContain(joined.value.deviceId ?? 'no-id');
    } finally {
      await core.close();
    }
  }, 60_000);

  it('a paired kiosk starts in network mode after a restart', async () => {
    const first = await openKiosk();
    const joined = await pair(first.core);
    expect(joined.ok).toBe(true);
    await first.core.close();
    const again = await openKiosk(first.dir);
    try {
      expect(await status(again.core)).toMatchObject({ mode: 'network', serverUrl: server.origin });
      const before = await rowCount(server.core.deps.store, 'submissions');
      await submitAndDrain(again.core);
      expect(await rowCount(server.core.deps.store, 'submissions')).toBe(before + 1);
    } finally {
      await again.core.close();
    }
  }, 60_000);

  it('a revoked kiosk keeps its intake, cannot leave, joins again with a new code, and the intake reaches the server; then it may leave', async () => {
    const { core } = await openKiosk();
    try {
      const joined = await pair(core);
      if (!joined.ok) throw new Error(joined.error.message);
      // The server stops accepting this kiosk: its intake waits in the outbox, and the kiosk knows why.
      await server.devices.revoke(joined.value.deviceId ?? '', { staffId: 'test-admin' });
      await submitAndDrain(core);
      expect(await status(core)).toMatchObject({ mode: 'network', waiting: 1, lastError: { kind: 'not_paired' } });
      const refused = await core.handlers['network:leave']({}, ADMIN);
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/1 intake on this kiosk has not reached the clinic server, and it no longer accepts this kiosk.*join this kiosk to the clinic server again with a new kiosk code/) } });
      expect(await status(core)).toMatchObject({ mode: 'network', waiting: 1 });

      // Joining again without leaving: a new device on the server, the outbox kept and sent.
      const before = await rowCount(server.core.deps.store, 'submissions');
      const again = await pair(core, { name: 'Front desk kiosk (again)' });
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value).toMatchObject({ mode: 'network', source: 'paired', serverUrl: server.origin, deviceName: 'Front desk kiosk (again)' });
      expect(again.value.deviceId).not.toBe(joined.value.deviceId);
      expect(again.value.lastError?.kind).not.toBe('not_paired');
      await core.deps.network?.forwarder.drain();
      expect(await rowCount(server.core.deps.store, 'submissions')).toBe(before + 1);
      expect(await status(core)).toMatchObject({ mode: 'network', waiting: 0, lastError: null });

      // Nothing waits any more: leaving is allowed, and the kiosk is a single kiosk again.
      const left = await core.handlers['network:leave']({}, ADMIN);
      expect(left).toMatchObject({ ok: true, value: { mode: 'single', serverUrl: null, deviceId: null } });
      const receipt = await core.handlers['intake:submit'](intake(), TEST_CTX);
      expect(receipt.ok).toBe(true);
      expect(await rowCount(core.deps.store, 'submissions')).toBe(1);
      expect(await auditActions(core)).toEqual(['network.joined', 'network.joined', 'network.left']);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('a revoked kiosk with an intake waiting cannot join another clinic’s server (another CA): its intakes were signed for its own', async () => {
    const other = await startTestServer();
    others.push(other);
    const { core } = await openKiosk();
    try {
      const joined = await pair(core);
      if (!joined.ok) throw new Error(joined.error.message);
      await server.devices.revoke(joined.value.deviceId ?? '', { staffId: 'test-admin' });
      await submitAndDrain(core);
      const otherFingerprint = new X509Certificate(other.caPem).fingerprint256;
      const refused = await pair(core, { serverUrl: other.origin, code: await other.pairingCode('kiosk'), caFingerprint: otherFingerprint });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/The intake waiting on this kiosk was signed for the clinic server at .*another clinic certificate.*Join this kiosk to .* again with a new kiosk code/) } });
      expect(await status(core)).toMatchObject({ mode: 'network', serverUrl: server.origin, deviceId: joined.value.deviceId, waiting: 1, lastError: { kind: 'not_paired' } });
      expect(await other.devices.list()).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('leaving is refused while an intake waits for a server that cannot be reached: wait until it is sent', async () => {
    const first = await openKiosk();
    expect((await pair(first.core)).ok).toBe(true);
    await first.core.close();
    // The same kiosk started by a host that cannot reach the server: its intake waits, "unreachable".
    const { core } = await openKiosk(first.dir, false);
    try {
      await submitAndDrain(core);
      expect(await status(core)).toMatchObject({ mode: 'network', waiting: 1, lastError: { kind: 'unreachable' } });
      const refused = await core.handlers['network:leave']({}, ADMIN);
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/1 intake on this kiosk has not reached the clinic server yet.*wait until they are sent/) } });
      expect(await status(core)).toMatchObject({ mode: 'network', waiting: 1 });
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('pairing refusals say what to do and change nothing', () => {
  const other = 'AB12 '.repeat(16).trim();
  it.each([
    ['a fingerprint that is not the clinic CA', async () => ({ caFingerprint: other }), 'invalid_request', /does not match the fingerprint you typed/],
    ['too little of the fingerprint', async () => ({ caFingerprint: fingerprint.slice(0, 19) }), 'invalid_request', /at least the first 8 groups/],
    ['no fingerprint', async () => ({ caFingerprint: undefined }), 'invalid_request', /fingerprint/],
    ['a wrong code', async () => ({ code: 'WRONG-CODE' }), 'invalid_request', /wrong, expired or already used/],
    ['a browser code', async () => ({ code: await server.pairingCode('browser') }), 'invalid_request', /code is for a browser/],
    ['a server address nobody answers at', async () => ({ serverUrl: 'https://127.0.0.1:9' }), 'unavailable', /could not be reached \(the connection was refused/],
    ['an address that is not https', async () => ({ serverUrl: 'http://127.0.0.1:8080' }), 'invalid_request', /https:\/\//],
  ] as const)('%s', async (_label, overrides, code, message) => {
    const { core } = await openKiosk();
    try {
      const devices = (await server.devices.list()).length;
      const result = await pair(core, await overrides());
      expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
      expect(await status(core)).toMatchObject({ mode: 'single', serverUrl: null });
      expect(await rowCount(core.deps.store, 'kiosk_pairing')).toBe(0);
      expect((await server.devices.list()).length).toBe(devices);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('a second tap while pairing, and a kiosk already joined, are told to wait or leave first; a host without a transport cannot pair', async () => {
    const joined = await openKiosk();
    const bare = await openKiosk(undefined, false);
    try {
      const kiosks = (await server.devices.list()).length;
      const [first, second] = await Promise.all([pair(joined.core), pair(joined.core)]);
      expect(first.ok).toBe(true);
      expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already joining/) } });
      expect((await server.devices.list()).length).toBe(kiosks + 1);
      expect(await pair(joined.core)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already joined to .* Leave it first/) } });
      expect(await status(bare.core)).toMatchObject({ canPair: false });
      expect(await pair(bare.core)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await joined.core.close();
      await bare.core.close();
    }
  }, 60_000);
});
