/**
 * Kiosk certificates issued by the clinic CA when a kiosk pairs: checked by OpenSSL (the chain
 * verifies, the profile is the kiosk's own: no EKU, document-signing key usage), for RSA and
 * EC P-256 keys; a key that is not one is refused.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/helpers.ts';
import { issueKioskCertificate, kioskPublicKeyProblem } from './device-certificate.ts';
import { loadClinicCa } from './clinic-ca.ts';
import { SigningIdentityError, type SecretStore } from './identity.ts';

const NOW = new Date('2026-11-21T14:32:00Z');
const clock = { now: () => NOW };

function memoryStore(): SecretStore {
  const m = new Map<string, Uint8Array>();
  return { get: async (n) => m.get(n) ?? null, put: async (n, v) => void m.set(n, v) };
}

const publicPem = (kind: 'rsa' | 'ec', bits = 2048) =>
  (kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: bits }) : generateKeyPairSync('ec', { namedCurve: 'P-256' })).publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString();

describe('issueKioskCertificate', () => {
  it.each(['rsa', 'ec'] as const)('a %s kiosk key gets a leaf that OpenSSL verifies against the clinic CA, with the kiosk profile', async (kind) => {
    const ca = await loadClinicCa({ secrets: memoryStore(), clock, clinicName: () => 'Harbour Clinic', onIdentityReplaced: () => undefined });
    const { certificatePem, caCertificatePem } = issueKioskCertificate(ca, publicPem(kind), 'Lobby kiosk 2', clock);
    const { dir, cleanup } = tempDir('kiosk-devcert-');
    try {
      writeFileSync(join(dir, 'ca.pem'), caCertificatePem);
      writeFileSync(join(dir, 'leaf.pem'), certificatePem);
      // The clock is fixed in 2026-11: verify at that time.
      const at = String(Math.floor(NOW.getTime() / 1000));
      expect(execFileSync('openssl', ['verify', '-attime', at, '-CAfile', join(dir, 'ca.pem'), join(dir, 'leaf.pem')], { encoding: 'utf8' })).toContain('OK');
      const text = execFileSync('openssl', ['x509', '-in', join(dir, 'leaf.pem'), '-noout', '-text'], { encoding: 'utf8' });
      expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
      expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
      expect(text).not.toContain('Extended Key Usage');
      expect(text).toContain('Subject: CN = Lobby kiosk 2, O = Harbour Clinic');
      const leaf = new X509Certificate(certificatePem);
      expect(leaf.validTo).toContain('2029');
    } finally {
      cleanup();
    }
  });

  it('a key that is not a kiosk key is refused before anything is signed', async () => {
    const ca = await loadClinicCa({ secrets: memoryStore(), clock, clinicName: () => 'Harbour Clinic', onIdentityReplaced: () => undefined });
    expect(() => issueKioskCertificate(ca, publicPem('rsa', 1024), 'Lobby', clock)).toThrow(SigningIdentityError);
  });

  it.each([
    ['an RSA key of 1024 bits', publicPem('rsa', 1024), /2048/],
    ['a private key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /BEGIN PUBLIC KEY/],
    ['an Ed25519 key', generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(), /RSA .* or EC P-256/],
    ['garbage in PEM armour', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /could not be read/],
  ])('%s is not a kiosk key', (_label, pem, message) => {
    expect(kioskPublicKeyProblem(pem)).toMatch(message);
  });
});
