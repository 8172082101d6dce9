/**
 * The device registry on both engines: pairing codes are single-use, short-lived and guarded
 * against guessing for the whole clinic; credentials are given once and only the right one,
 * of a device not revoked, authenticates; revocation ends the device's staff sessions.
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAuditEntry } from '../audit/log.ts';
import { ENGINES, type OpenedStore } from '../db/testing/engines.ts';
import { ManualClock } from '../tests/helpers.ts';
import { CoreError } from '../handler.ts';
import { type SecretStore } from '../signing/identity.ts';
import { loadClinicCa } from '../signing/clinic-ca.ts';
import { issueKioskCertificate, kioskPublicKeyProblem } from '../signing/device-certificate.ts';
import { createDeviceRegistry, deviceMigrations, LAST_SEEN_RESOLUTION_MS, PAIRING_CODE_TTL_MS, PAIRING_GUESS_CAP, type StoreDeviceRegistry } from './store.ts';
import { CODE_ALPHABET } from './secrets.ts';

const ADMIN = { staffId: 'staff-admin' };
const KEY = randomBytes(32);

interface Fixture {
  readonly registry: StoreDeviceRegistry;
  readonly clock: ManualClock;
  readonly audit: NewAuditEntry[];
  readonly endedSessions: string[];
  readonly opened: OpenedStore;
}

function memorySecrets(): SecretStore {
  const m = new Map<string, Uint8Array>();
  return { get: async (n) => m.get(n) ?? null, put: async (n, v) => void m.set(n, v) };
}

const ecPublicKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe.each(ENGINES)('device registry on $dialect', (engine) => {
  let fixture: Fixture | undefined;
  afterEach(async () => {
    await fixture?.opened.cleanup();
    fixture = undefined;
  });

  async function open(): Promise<Fixture> {
    const opened = await engine.open();
    await opened.store.migrate(deviceMigrations);
    const clock = new ManualClock('2026-03-10T09:00:00.000Z');
    const audit: NewAuditEntry[] = [];
    const endedSessions: string[] = [];
    const secrets = memorySecrets();
    const ca = await loadClinicCa({ secrets, clock, clinicName: () => 'Harbour Clinic', onIdentityReplaced: () => undefined });
    const registry = createDeviceRegistry({
      store: opened.store,
      clock,
      deriveKey: (label) => new Uint8Array(Buffer.concat([KEY, Buffer.from(label)]).subarray(0, 32 + label.length)),
      audit: { append: async (e) => void audit.push(e) },
      endSessionsOf: (callerId) => void endedSessions.push(callerId),
      checkKioskPublicKey: kioskPublicKeyProblem,
      issueKioskCertificate: async (pem, cn) => issueKioskCertificate(ca, pem, cn, clock),
    });
    fixture = { registry, clock, audit, endedSessions, opened };
    return fixture;
  }

  const actions = (f: Fixture) => f.audit.map((e) => e.action);

  it.skipIf(!engine.isAvailable)('a code is 8 typable characters shown grouped, pairs one browser once, and the credential authenticates', async () => {
    const f = await open();
    const { code, expiresAt } = await f.registry.createPairingCode(ADMIN, 'browser');
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`));
    expect(Date.parse(expiresAt) - f.clock.now().getTime()).toBe(PAIRING_CODE_TTL_MS);
    // Typed in lower case without the dash: the same code.
    const paired = await f.registry.redeem(code.replace('-', '').toLowerCase(), { name: ' Treatment room tablet ', kind: 'browser' });
    expect(paired?.device).toMatchObject({ name: 'Treatment room tablet', kind: 'browser', lastSeenAt: null, revokedAt: null });
    expect(paired?.credential.startsWith(`${paired?.device.id}.`)).toBe(true);
    expect(paired?.certificatePem).toBeUndefined();
    expect(await f.registry.authenticate(paired!.credential)).toMatchObject({ id: paired!.device.id, lastSeenAt: f.clock.now().toISOString() });
    expect(await f.registry.list()).toHaveLength(1);
    expect(actions(f)).toEqual(['device.pairing_code_created', 'device.paired']);
    expect(f.audit[1]).toMatchObject({ actor: ADMIN.staffId, subjectId: paired!.device.id });
    // Neither the code nor the credential is in the database.
    const dump = JSON.stringify([...(await f.opened.store.all('SELECT * FROM pairing_codes')), ...(await f.opened.store.all('SELECT * FROM devices'))]);
    expect(dump).not.toContain(code.replace('-', ''));
    expect(dump).not.toContain(paired!.credential.split('.')[1]);
  });

  const refusals = [
    { label: 'a wrong code', reason: 'wrong', prepare: async (_f: Fixture, _code: string) => 'ABCD-EFGH' },
    { label: 'a code that is not even shaped like one', reason: 'wrong', prepare: async () => 'hello' },
    {
      label: 'an expired code (the clock moved past 10 minutes)',
      reason: 'expired',
      prepare: async (f: Fixture, code: string) => {
        f.clock.advance(PAIRING_CODE_TTL_MS);
        return code;
      },
    },
    {
      label: 'a used code',
      reason: 'used',
      prepare: async (f: Fixture, code: string) => {
        expect(await f.registry.redeem(code, { name: 'First', kind: 'browser' })).not.toBeNull();
        return code;
      },
    },
  ] as const;

  it.skipIf(!engine.isAvailable).each(refusals)('$label pairs nothing and is counted', async ({ prepare, reason }) => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'browser');
    const typed = await prepare(f, code);
    const devicesBefore = (await f.registry.list()).length;
    expect(await f.registry.redeem(typed, { name: 'Second', kind: 'browser' })).toBeNull();
    expect(await f.registry.list()).toHaveLength(devicesBefore);
    const summary = f.audit.find((e) => e.action === 'device.pairing_refused');
    expect(summary?.details).toMatchObject({ failures: 1, [reason]: 1, closing: false });
  });

  it.skipIf(!engine.isAvailable)('two devices redeeming one code at once: exactly one is paired', async () => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'browser');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => f.registry.redeem(code, { name: `Tablet ${i}`, kind: 'browser' })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await f.registry.list()).toHaveLength(1);
  });

  it.skipIf(!engine.isAvailable)(`${PAIRING_GUESS_CAP} wrong codes void every outstanding code, audited, and refusals are summarised, not a row per guess`, async () => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'kiosk');
    for (let i = 0; i < PAIRING_GUESS_CAP; i++) expect(await f.registry.redeem(`WRNG-${String(i).padStart(2, '2').replace(/[01]/g, '9')}AB`, { name: 'x', kind: 'browser' })).toBeNull();
    const voided = f.audit.find((e) => e.action === 'device.pairing_codes_voided');
    expect(voided?.details).toMatchObject({ voided: 1, failures: PAIRING_GUESS_CAP });
    // The right code no longer works: it was void before anyone found it.
    expect(await f.registry.redeem(code, { name: 'Lobby 2', kind: 'kiosk', publicKeyPem: ecPublicKey() })).toBeNull();
    const summaries = f.audit.filter((e) => e.action === 'device.pairing_refused');
    expect(summaries.map((e) => e.details?.['failures'])).toEqual([1, 10]);
    // The window closes: one closing summary with the whole count.
    f.clock.advance(10 * 60_000);
    await f.registry.flush();
    expect(f.audit.at(-1)).toMatchObject({ action: 'device.pairing_refused', details: { failures: PAIRING_GUESS_CAP + 1, closing: true } });
    await f.registry.flush();
    expect(f.audit.filter((e) => e.action === 'device.pairing_refused')).toHaveLength(3);
  });

  const badCredentials = [
    { label: 'forged (right shape, made-up secret)', forge: (c: string) => `${c.split('.')[0]}.${randomBytes(32).toString('base64url')}` },
    { label: 'tampered (one character changed)', forge: (c: string) => c.slice(0, -1) + (c.endsWith('A') ? 'B' : 'A') },
    { label: 'another device id with this secret', forge: (c: string) => `00000000-0000-4000-8000-000000000000.${c.split('.')[1]}` },
    { label: 'truncated', forge: (c: string) => c.slice(0, 50) },
    { label: 'empty', forge: () => '' },
  ];

  it.skipIf(!engine.isAvailable).each(badCredentials)('a $label credential authenticates nothing', async ({ forge }) => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'browser');
    const paired = await f.registry.redeem(code, { name: 'Tablet', kind: 'browser' });
    expect(await f.registry.authenticate(forge(paired!.credential))).toBeNull();
    expect((await f.registry.list())[0]?.lastSeenAt).toBeNull();
  });

  it.skipIf(!engine.isAvailable)('revoking takes effect at once: the credential stops working and the device sessions end', async () => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'browser');
    const paired = await f.registry.redeem(code, { name: 'Lost tablet', kind: 'browser' });
    expect(await f.registry.authenticate(paired!.credential)).not.toBeNull();
    expect(await f.registry.revoke(paired!.device.id, ADMIN)).toBe(true);
    expect(await f.registry.authenticate(paired!.credential)).toBeNull();
    expect(f.endedSessions).toEqual([`device:${paired!.device.id}`]);
    expect((await f.registry.list())[0]?.revokedAt).toBe(f.clock.now().toISOString());
    expect(f.audit.at(-1)).toMatchObject({ action: 'device.revoked', actor: ADMIN.staffId, subjectId: paired!.device.id });
    // A second revoke, or an unknown device, changes nothing.
    expect(await f.registry.revoke(paired!.device.id, ADMIN)).toBe(false);
    expect(await f.registry.revoke('no-such-device', ADMIN)).toBe(false);
    expect(f.audit.filter((e) => e.action === 'device.revoked')).toHaveLength(1);
  });

  it.skipIf(!engine.isAvailable)('lastSeenAt is written at most once a minute', async () => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'browser');
    const { credential } = (await f.registry.redeem(code, { name: 'Front desk', kind: 'browser' }))!;
    const first = f.clock.now().toISOString();
    await f.registry.authenticate(credential);
    f.clock.advance(LAST_SEEN_RESOLUTION_MS - 1_000);
    expect((await f.registry.authenticate(credential))?.lastSeenAt).toBe(first);
    expect((await f.registry.list())[0]?.lastSeenAt).toBe(first);
    f.clock.advance(1_000);
    const later = f.clock.now().toISOString();
    expect((await f.registry.authenticate(credential))?.lastSeenAt).toBe(later);
    expect((await f.registry.list())[0]?.lastSeenAt).toBe(later);
  });

  it.skipIf(!engine.isAvailable)('a kiosk pairs with its public key and gets a document-signing certificate from the clinic CA', async () => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, 'kiosk');
    const paired = await f.registry.redeem(code, { name: 'Lobby kiosk 2', kind: 'kiosk', publicKeyPem: ecPublicKey() });
    const leaf = new X509Certificate(paired!.certificatePem!);
    const ca = new X509Certificate(paired!.caCertificatePem!);
    expect(leaf.subject).toContain('CN=Lobby kiosk 2');
    expect(leaf.checkIssued(ca) && leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.keyUsage).toBeUndefined(); // node lists only extended key usage here: there is none
    const years = (Date.parse(leaf.validTo) - f.clock.now().getTime()) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(3);
  });

  const refusedRequests = [
    { label: 'a kiosk code redeemed by a browser', kind: 'browser' as const, codeKind: 'kiosk' as const, publicKeyPem: undefined, message: /for a kiosk/ },
    { label: 'a kiosk without a public key', kind: 'kiosk' as const, codeKind: 'kiosk' as const, publicKeyPem: undefined, message: /public key/ },
    {
      label: 'a kiosk with a 1024-bit RSA key',
      kind: 'kiosk' as const,
      codeKind: 'kiosk' as const,
      publicKeyPem: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      message: /2048/,
    },
    {
      label: 'a kiosk with a P-384 key',
      kind: 'kiosk' as const,
      codeKind: 'kiosk' as const,
      publicKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      message: /P-256/,
    },
    { label: 'a kiosk with text that is not a key', kind: 'kiosk' as const, codeKind: 'kiosk' as const, publicKeyPem: 'not a key', message: /PEM/ },
  ];

  it.skipIf(!engine.isAvailable).each(refusedRequests)('$label is refused with a reason and the code stays usable', async ({ kind, codeKind, publicKeyPem, message }) => {
    const f = await open();
    const { code } = await f.registry.createPairingCode(ADMIN, codeKind);
    const attempt = f.registry.redeem(code, { name: 'Kiosk', kind, ...(publicKeyPem ? { publicKeyPem } : {}) });
    await expect(attempt).rejects.toBeInstanceOf(CoreError);
    await expect(attempt).rejects.toThrow(message);
    expect(await f.registry.list()).toEqual([]);
    expect(await f.registry.redeem(code, { name: 'Kiosk', kind: codeKind, publicKeyPem: ecPublicKey() })).not.toBeNull();
  });
});
