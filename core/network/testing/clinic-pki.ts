/**
 * Test helpers for kiosk identities. `pairKioskIdentity` is what pairing does: the server
 * core's clinic CA (core/signing/clinic-ca.ts) issues the kiosk's signing certificate.
 * `mintClinicCa` is a stand-alone CA ("another clinic", or both ends of a test that needs no
 * server core): it issues certificates as PKCS#12 (key + [leaf, CA]) a core imports.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { Core } from '../../create-core.ts';
import { importP12 } from '../../signing/identity.ts';
import { loadClinicCa } from '../../signing/clinic-ca.ts';
import { issueKioskCertificate } from '../../signing/device-certificate.ts';

export interface Issued {
  readonly p12: Uint8Array;
  readonly passphrase: string;
}

export interface TestClinicCa {
  readonly pem: string;
  /** A document-signing certificate for `commonName`, issued by this CA. */
  issue(commonName: string): Issued;
}

function keyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

const serial = () => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
};

/** Valid from a year before `now` to ten years after, so tests with manual clocks stay inside. */
export function mintClinicCa(clinic: string, now: Date = new Date()): TestClinicCa {
  const caKeys = keyPair();
  const notBefore = new Date(now.getTime() - 365 * 86_400_000);
  const notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  const caName = [
    { name: 'commonName', value: `${clinic} root CA` },
    { name: 'organizationName', value: clinic },
  ];
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  ca.validity.notBefore = notBefore;
  ca.validity.notAfter = notAfter;
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  return {
    pem: forge.pki.certificateToPem(ca),
    issue(commonName) {
      const keys = keyPair();
      const leaf = forge.pki.createCertificate();
      leaf.publicKey = keys.publicKey;
      leaf.serialNumber = serial();
      leaf.validity.notBefore = notBefore;
      leaf.validity.notAfter = notAfter;
      leaf.setSubject([
        { name: 'commonName', value: commonName },
        { name: 'organizationName', value: clinic },
      ]);
      leaf.setIssuer(caName);
      leaf.setExtensions([
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        { name: 'subjectKeyIdentifier' },
        { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
      ]);
      leaf.sign(caKeys.privateKey, forge.md.sha256.create());
      const passphrase = randomBytes(16).toString('base64url');
      const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [leaf, ca], passphrase, { algorithm: 'aes256' });
      return { p12: Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')), passphrase };
    },
  };
}

/** Makes `issued` the core's signing identity (what pairing will do for a kiosk). */
export async function installIdentity(core: Core, issued: Issued, now: Date = new Date()): Promise<void> {
  await importP12(core.deps.secrets, issued.p12, issued.passphrase, now);
  core.deps.resetSigningIdentity();
}

/**
 * What pairing gives a kiosk: a signing certificate the clinic server's own CA issues
 * (core/signing/device-certificate.ts) for a key the kiosk made, installed as its identity.
 */
export async function pairKioskIdentity(server: Core, kiosk: Core, commonName: string): Promise<void> {
  const ca = await loadClinicCa({
    secrets: server.deps.secrets,
    clock: server.deps.clock,
    clinicName: () => server.deps.settings.get().clinicName,
    onIdentityReplaced: () => server.deps.resetSigningIdentity(),
  });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const issued = issueKioskCertificate(ca, publicKey, commonName, server.deps.clock);
  const passphrase = randomBytes(16).toString('base64url');
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const chain = [forge.pki.certificateFromPem(issued.certificatePem), forge.pki.certificateFromPem(issued.caCertificatePem)];
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, passphrase, { algorithm: 'aes256' });
  await installIdentity(kiosk, { p12: Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')), passphrase }, kiosk.deps.clock.now());
}
