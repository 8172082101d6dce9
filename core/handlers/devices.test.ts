/**
 * Device pairing through a real core: an admin's channels create a code, list and revoke
 * devices; a staff login from a paired device is audited with the device; revoking the device
 * ends the staff session signed in on it at once; every step is in the audit log, which verifies.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Request, Responses } from '../../api/contract.ts';
import { ManualClock } from '../tests/helpers.ts';
import { callContext, openTestCore, type TestCore } from '../tests/test-core.ts';
import { deviceCallerId } from '../devices/registry.ts';

const ADMIN = { name: 'Olivia Owner', pin: '135792' };
const AT_KIOSK = callContext('kiosk-window');

let opened: TestCore;
let adminId = '';

async function call<C extends Channel>(channel: C, request: Request<C>, ctx = AT_KIOSK): Promise<Responses[C]> {
  const result = await opened.core.handlers[channel](request, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as Responses[C];
}

beforeAll(async () => {
  opened = await openTestCore({ clock: new ManualClock('2026-03-10T09:00:00.000Z') }, 'kiosk-devices-');
  adminId = (await call('staff:setup', ADMIN)).staffId;
}, 60_000);

afterAll(() => opened.close());

describe('device pairing channels', () => {
  it('creates a code, pairs a tablet, records its staff login, revokes it and ends its session at once', async () => {
    const { code, kind, expiresAt } = await call('admin:createPairingCode', { kind: 'browser' });
    expect(kind).toBe('browser');
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(Date.parse(expiresAt)).toBe(Date.parse('2026-03-10T09:10:00.000Z'));

    const paired = await opened.core.devices.redeem(code, { name: 'Room 3 tablet', kind: 'browser' });
    expect(paired).not.toBeNull();
    const device = (await opened.core.devices.authenticate(paired!.credential))!;
    const onTablet = callContext(deviceCallerId(device.id), 'staff-device');
    await call('staff:login', { staffId: adminId, pin: ADMIN.pin }, onTablet);
    expect((await call('admin:listDevices', {}, onTablet)).devices.map((d) => d.name)).toEqual(['Room 3 tablet']);

    const after = await call('admin:revokeDevice', { deviceId: device.id });
    expect(after.devices[0]?.revokedAt).not.toBeNull();
    expect(await opened.core.devices.authenticate(paired!.credential)).toBeNull();
    // The session on the tablet ended with it; the admin's own at the kiosk did not.
    const refused = await opened.core.handlers['admin:listDevices']({}, onTablet);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('unauthenticated');
    expect(opened.core.deps.staff.current(AT_KIOSK.caller.id)).not.toBeNull();

    const log = (await opened.core.deps.audit.list({ limit: 50 })).reverse();
    const deviceRows = log.filter((e) => e.action.startsWith('device.'));
    expect(deviceRows.map((e) => e.action)).toEqual(['device.pairing_code_created', 'device.paired', 'device.revoked']);
    expect(deviceRows.every((e) => e.actor === adminId)).toBe(true);
    const logins = log.filter((e) => e.action === 'staff.login');
    expect(logins.map((e) => e.details['device'] ?? null)).toEqual([null, device.id]);
    expect((await opened.core.deps.audit.verify()).ok).toBe(true);
  });

  it('a kiosk pairs with its public key and gets a certificate from this core’s clinic CA', async () => {
    // A server has its clinic CA from its start (server/start.ts); the code is shown with its fingerprint.
    await opened.core.deps.signingIdentity();
    const { code, caFingerprint } = await call('admin:createPairingCode', { kind: 'kiosk' });
    const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const paired = await opened.core.devices.redeem(code, { name: 'Lobby kiosk 2', kind: 'kiosk', publicKeyPem });
    const identity = await opened.core.deps.signingIdentity();
    expect(paired?.certificatePem).toContain('BEGIN CERTIFICATE');
    const { X509Certificate } = await import('node:crypto');
    const leaf = new X509Certificate(paired!.certificatePem!);
    expect(leaf.issuer.replace(/\n/g, ', ')).toBe(identity.issuer);
    // The code is shown with the fingerprint of the CA that issued it, in groups of four, for the kiosk to check.
    const ca = new X509Certificate(paired!.caCertificatePem!);
    expect(caFingerprint).toBe(ca.fingerprint256.replace(/:/g, '').match(/.{4}/g)?.join(' '));
    expect((await call('admin:createPairingCode', { kind: 'browser' })).caFingerprint).toBeNull();
  });

  it('revoking an unknown device is not_found and writes nothing', async () => {
    const before = await opened.core.deps.audit.count();
    const result = await opened.core.handlers['admin:revokeDevice']({ deviceId: 'no-such-device' }, AT_KIOSK);
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
    expect(await opened.core.deps.audit.count()).toBe(before);
  });
});
