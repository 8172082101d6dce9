import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadClinicCa } from './clinic-ca.ts';
import { loadOrCreateSigningIdentity, SECRET_CA_KEY, type SecretStore } from './identity.ts';
import { loadOrIssueServerCertificate, normalizeNames, RENEW_BEFORE_DAYS } from './server-certificate.ts';

function memoryStore(): SecretStore & { readonly map: Map<string, Uint8Array> } {
  const map = new Map<string, Uint8Array>();
  return { map, get: async (n) => map.get(n) ?? null, put: async (n, v) => void map.set(n, v) };
}

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-01T10:00:00Z');

async function setup() {
  const secrets = memoryStore();
  let now = start;
  const clock = { now: () => now };
  let replaced = 0;
  const ca = await loadClinicCa({ secrets, clock, clinicName: () => 'Harbour Clinic', onIdentityReplaced: () => replaced++ });
  return { secrets, clock, ca, setNow: (d: Date) => (now = d), replaced: () => replaced };
}

describe('server certificate from the clinic CA', () => {
  it('is issued by the clinic CA for exactly the names and IPs asked, for server authentication', async () => {
    const { secrets, clock, ca } = await setup();
    const cert = await loadOrIssueServerCertificate(secrets, ca, ['Clinic-Server.local', '127.0.0.1', 'localhost', '::1'], clock);
    const x509 = new X509Certificate(cert.certPem);
    expect(x509.verify(new X509Certificate(ca.pem).publicKey)).toBe(true);
    expect(x509.checkHost('clinic-server.local')).toBe('clinic-server.local');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.checkHost('evil.example')).toBeUndefined();
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(x509.ca).toBe(false);
    expect(new Date(x509.validTo).getTime() - start.getTime()).toBeLessThanOrEqual(398 * DAY);
    expect(cert.issued).toBe(true);
  });

  it('is kept while the names and CA match, and issued anew when the names change or expiry nears', async () => {
    const { secrets, clock, ca, setNow } = await setup();
    const first = await loadOrIssueServerCertificate(secrets, ca, ['a.local', '10.1.2.3'], clock);
    const same = await loadOrIssueServerCertificate(secrets, ca, ['10.1.2.3', 'A.local'], clock);
    expect(same.issued).toBe(false);
    expect(same.certPem).toBe(first.certPem);
    const renamed = await loadOrIssueServerCertificate(secrets, ca, ['a.local', 'b.local', '10.1.2.3'], clock);
    expect(renamed.issued).toBe(true);
    expect(new X509Certificate(renamed.certPem).checkHost('b.local')).toBe('b.local');
    setNow(new Date(renamed.notAfter.getTime() - (RENEW_BEFORE_DAYS - 1) * DAY));
    const renewed = await loadOrIssueServerCertificate(secrets, ca, ['a.local', 'b.local', '10.1.2.3'], clock);
    expect(renewed.issued).toBe(true);
    expect(renewed.notAfter.getTime()).toBeGreaterThan(renamed.notAfter.getTime());
  });

  it('keeps the same CA across loads, and refuses names that are neither host names nor IPs', async () => {
    const { secrets, clock, ca, replaced } = await setup();
    expect(replaced()).toBe(1); // first run: the chain is minted
    const again = await loadClinicCa({ secrets, clock, clinicName: () => 'Harbour Clinic', onIdentityReplaced: () => undefined });
    expect(again.pem).toBe(ca.pem);
    expect(() => normalizeNames(['bad name'])).toThrow(/neither a host name nor an IP/);
  });

  it('mints the chain anew when an earlier version discarded the CA key', async () => {
    const secrets = memoryStore();
    const clock = { now: () => start };
    const old = await loadOrCreateSigningIdentity(secrets, 'Harbour Clinic', clock);
    secrets.map.delete(SECRET_CA_KEY); // as an earlier version left it
    let replaced = 0;
    const ca = await loadClinicCa({ secrets, clock, clinicName: () => 'Harbour Clinic', onIdentityReplaced: () => replaced++ });
    expect(replaced).toBe(1);
    const now = await loadOrCreateSigningIdentity(secrets, 'Harbour Clinic', clock);
    expect(now.fingerprintSha256).not.toBe(old.fingerprintSha256);
    expect(new X509Certificate(ca.pem).subject).toContain('Harbour Clinic root CA');

  });
});
