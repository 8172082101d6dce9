import forge from 'node-forge';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  caCertificatePem,
  importP12,
  loadOrCreateSigningIdentity,
  regenerateIdentity,
  SECRET_P12,
  SigningIdentityError,
  type SecretStore,
} from './identity.ts';

function memoryStore(): SecretStore & { puts: string[] } {
  const secrets = new Map<string, Uint8Array>();
  const puts: string[] = [];
  return {
    puts,
    get: async (name) => secrets.get(name) ?? null,
    put: async (name, value) => {
      puts.push(name);
      secrets.set(name, value);
    },
  };
}

const NOW = new Date('2026-11-21T14:32:00Z');
const clock = { now: () => NOW };

/** A PKCS#12 made the way an admin's CA tool would, with chosen validity and optionally a mismatched key. */
function makeP12(options: { notBefore: Date; notAfter: Date; passphrase: string; isKeyMismatched?: boolean }): Uint8Array {
  const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } }).privateKey;
  const key = forge.pki.privateKeyFromPem(pem()) as forge.pki.rsa.PrivateKey;
  const other = options.isKeyMismatched ? (forge.pki.privateKeyFromPem(pem()) as forge.pki.rsa.PrivateKey) : key;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(other.n, other.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject([{ name: 'commonName', value: 'Imported Clinic' }]);
  cert.setIssuer([{ name: 'commonName', value: 'Imported Clinic' }]);
  cert.sign(other, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], options.passphrase, { algorithm: '3des' })).getBytes();
  return Uint8Array.from(Buffer.from(der, 'binary'));
}

/** A CA + leaf chain as a PKCS#12, with a chosen leaf extended key usage. */
function makeChainP12(names: { ca: string; leaf: string }, eku: Record<string, boolean> | null, passphrase: string): Uint8Array {
  const keyOf = () => forge.pki.privateKeyFromPem(generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } }).privateKey) as forge.pki.rsa.PrivateKey;
  const caKey = keyOf();
  const leafKey = keyOf();
  const make = (subject: string, key: forge.pki.rsa.PrivateKey, serial: string, extensions: object[]) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = serial;
    cert.validity.notBefore = new Date('2025-01-01');
    cert.validity.notAfter = new Date('2040-01-01');
    cert.setSubject([{ name: 'commonName', value: subject }]);
    cert.setIssuer([{ name: 'commonName', value: names.ca }]);
    cert.setExtensions(extensions);
    cert.sign(caKey, forge.md.sha256.create());
    return cert;
  };
  const ca = make(names.ca, caKey, '01', [{ name: 'basicConstraints', cA: true }]);
  const leaf = make(names.leaf, leafKey, '02', eku ? [{ name: 'extKeyUsage', ...eku }] : []);
  const der = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(leafKey, [leaf, ca], passphrase, { algorithm: 'aes256' })).getBytes();
  return Uint8Array.from(Buffer.from(der, 'binary'));
}

async function leafOf(store: SecretStore): Promise<forge.pki.Certificate | undefined> {
  const p12 = await store.get(SECRET_P12);
  const passphrase = new TextDecoder().decode((await store.get('signing.passphrase')) ?? new Uint8Array());
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(p12 ?? []).toString('binary')), passphrase);
  const certs = (parsed.getBags({ bagType: '1.2.840.113549.1.12.10.1.3' })['1.2.840.113549.1.12.10.1.3'] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  return certs.find((c) => !c.isIssuer(c));
}

describe('loadOrCreateSigningIdentity: certificates minted by older versions', () => {
  const kiosk = { ca: 'Harbour root CA', leaf: 'Harbour intake kiosk' };
  it.each<{ label: string; names: { ca: string; leaf: string }; eku: Record<string, boolean> | null; isReissued: boolean }>([
    { label: 'own chain with E-mail Protection EKU (the old default) -> reissued', names: kiosk, eku: { emailProtection: true }, isReissued: true },
    { label: 'own chain with E-mail Protection among others -> reissued', names: kiosk, eku: { emailProtection: true, clientAuth: true }, isReissued: true },
    { label: 'own chain without any EKU (current) -> kept', names: kiosk, eku: null, isReissued: false },
    { label: 'imported chain with E-mail Protection under other names -> kept', names: { ca: 'Acme Issuing CA', leaf: 'Dr Ana Ríos' }, eku: { emailProtection: true }, isReissued: false },
  ])('$label', async ({ names, eku, isReissued }) => {
    const store = memoryStore();
    await store.put(SECRET_P12, makeChainP12(names, eku, 'pw'));
    await store.put('signing.passphrase', new TextEncoder().encode('pw'));
    const before = await leafOf(store);
    const identity = await loadOrCreateSigningIdentity(store, 'Harbour', clock);
    const after = await leafOf(store);
    expect(after?.serialNumber === before?.serialNumber).toBe(!isReissued);
    if (isReissued) {
      expect(identity.subject).toBe('CN=Harbour intake kiosk, O=Harbour');
      expect(after?.getExtension('extKeyUsage')).toBeNull();
      expect(after?.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyEncipherment: false });
    }
  });
});

describe('loadOrCreateSigningIdentity', () => {
  it('first run creates a CA-issued kiosk certificate naming the clinic; later runs load the same one', async () => {
    const store = memoryStore();
    const first = await loadOrCreateSigningIdentity(store, 'Clínica Añil', clock);
    expect(first.subject).toBe('CN=Clínica Añil intake kiosk, O=Clínica Añil');
    expect(first.issuer).toBe('CN=Clínica Añil root CA, O=Clínica Añil');
    expect(first.notAfter.getTime()).toBeGreaterThan(NOW.getTime());
    expect(first.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The CA key is kept (sealed) to issue paired kiosks their certificates.
    expect(store.puts.sort()).toEqual(['signing.ca-key', 'signing.p12', 'signing.passphrase']);

    const again = await loadOrCreateSigningIdentity(store, 'Clínica Añil', clock);
    expect(again.fingerprintSha256).toBe(first.fingerprintSha256);
    expect(store.puts).toHaveLength(3);
  });

  it('the CA is a CA (keyCertSign) and the kiosk certificate signs documents only (digitalSignature, nonRepudiation, no e-mail EKU)', async () => {
    const store = memoryStore();
    await loadOrCreateSigningIdentity(store, 'Harbour', clock);
    const ca = forge.pki.certificateFromPem((await caCertificatePem(store)) ?? '');
    expect(ca.getExtension('basicConstraints')).toMatchObject({ cA: true });
    expect(ca.getExtension('keyUsage')).toMatchObject({ keyCertSign: true });
    const leaf = await leafOf(store);
    expect(leaf?.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyEncipherment: false });
    // Never an e-mail certificate: no EKU at all (see identity.ts for why not id-kp-documentSigning).
    expect(leaf?.getExtension('extKeyUsage')).toBeNull();
    expect(ca.verify(leaf as forge.pki.Certificate)).toBe(true);
  });

  it('an expired stored identity is renewed', async () => {
    const store = memoryStore();
    const old = await loadOrCreateSigningIdentity(store, 'Harbour', clock);
    const later = { now: () => new Date(old.notAfter.getTime() + 1000) };
    const renewed = await loadOrCreateSigningIdentity(store, 'Harbour', later);
    expect(renewed.fingerprintSha256).not.toBe(old.fingerprintSha256);
    expect(renewed.notAfter.getTime()).toBeGreaterThan(later.now().getTime());
  });

  it('regenerateIdentity replaces the identity', async () => {
    const store = memoryStore();
    const first = await loadOrCreateSigningIdentity(store, 'Harbour', clock);
    const second = await regenerateIdentity(store, 'Harbour', clock);
    expect(second.fingerprintSha256).not.toBe(first.fingerprintSha256);
    expect((await loadOrCreateSigningIdentity(store, 'Harbour', clock)).fingerprintSha256).toBe(second.fingerprintSha256);
  });

  it('caCertificatePem is null before any identity exists', async () => {
    expect(await caCertificatePem(memoryStore())).toBeNull();
  });
});

describe('importP12', () => {
  const valid = { notBefore: new Date('2025-01-01'), notAfter: new Date('2030-01-01'), passphrase: 'correct horse' };

  it('accepts a valid file and stores it', async () => {
    const store = memoryStore();
    const identity = await importP12(store, makeP12(valid), 'correct horse', NOW);
    expect(identity.subject).toBe('CN=Imported Clinic');
    expect(store.puts.sort()).toEqual(['signing.p12', 'signing.passphrase']);
  });

  it.each([
    ['wrong passphrase', () => makeP12(valid), 'wrong', 'The passphrase is wrong for this certificate file.'],
    ['expired certificate', () => makeP12({ ...valid, notAfter: new Date('2026-01-01') }), 'correct horse', 'The certificate expired on 2026-01-01.'],
    ['not yet valid', () => makeP12({ ...valid, notBefore: new Date('2027-06-01') }), 'correct horse', 'The certificate is not valid yet (valid from 2027-06-01).'],
    ['key does not match the certificate', () => makeP12({ ...valid, isKeyMismatched: true }), 'correct horse', 'The private key does not match any certificate in the file.'],
    ['not a p12 at all', () => new TextEncoder().encode('%PDF-1.7 definitely not a certificate'), 'x', 'The file is not a PKCS#12 (.p12/.pfx) certificate file.'],
  ])('%s: clear error, nothing stored', async (_label, bytes, passphrase, message) => {
    const store = memoryStore();
    await expect(importP12(store, bytes(), passphrase, NOW)).rejects.toThrow(new SigningIdentityError(message));
    expect(store.puts).toEqual([]);
  });
});
