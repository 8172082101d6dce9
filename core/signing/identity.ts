/**
 * The clinic's signing identity: a PKCS#12 (key + certificate chain) kept, with its
 * random passphrase, in a SecretStore (create-core backs it with the encrypted vault).
 *
 * On first run we mint a small two-level PKI: a long-lived clinic root CA and a kiosk
 * signing certificate issued by it. A lone self-signed leaf makes verifiers such as
 * poppler's pdfsig report "Unknown issue with Certificate"; with a CA the clinic (or a
 * test) can add the CA to a trust store and get "Certificate is Trusted". The CA's
 * private key is kept (sealed, SECRET_CA_KEY) to issue the clinic's other kiosks their own
 * signing certificates when they pair (device-certificate.ts) and the clinic server its HTTPS
 * certificate (clinic-ca.ts, server-certificate.ts); an identity made before that has no CA key
 * and is minted anew by clinic-ca.ts; an imported one is never replaced.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { Clock } from '../ports.ts';

/** Small named secrets, sealed at rest by whoever implements it. */
export interface SecretStore {
  get(name: string): Promise<Uint8Array | null>;
  put(name: string, value: Uint8Array): Promise<void>;
}

/** What signPdf needs, plus descriptive fields for the admin screen. */
export interface SigningIdentity {
  readonly p12: Uint8Array;
  readonly passphrase: string;
  /** Leaf certificate subject, e.g. "CN=Harbour Clinic intake kiosk, O=Harbour Clinic". */
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the leaf certificate's DER, uppercase hex pairs joined by ':'. */
  readonly fingerprintSha256: string;
}

/** Thrown by importP12 with a message fit to show an admin (no secrets in it). */
export class SigningIdentityError extends Error {
  override readonly name = 'SigningIdentityError';
}

export const SECRET_P12 = 'signing.p12';
export const SECRET_PASSPHRASE = 'signing.passphrase';
/** The clinic root CA's private key (PKCS#8 PEM), kept to issue paired kiosks their certificates. */
export const SECRET_CA_KEY = 'signing.ca-key';

const CA_YEARS = 25;
const LEAF_YEARS = 10;
/** Backdated so a kiosk whose clock is a little behind the verifier's still verifies. */
export const BACKDATE_MS = 24 * 60 * 60 * 1000;
const RSA_BITS = 2048;

const text = new TextEncoder();
const utf8 = new TextDecoder();

/**
 * Returns the stored identity, or creates (and stores) one if there is none, it has
 * expired, or it is one this app minted before signatures became PAdES (see isOutdatedKioskIdentity).
 */
export async function loadOrCreateSigningIdentity(store: SecretStore, clinicName: string, clock: Clock): Promise<SigningIdentity> {
  const p12 = await store.get(SECRET_P12);
  const passphrase = await store.get(SECRET_PASSPHRASE);
  if (p12 && passphrase) {
    const identity = parseIdentity(p12, utf8.decode(passphrase));
    // An expired identity would still sign, but every verifier would flag it; renewing is the useful default.
    const isCurrent = identity.notAfter.getTime() > clock.now().getTime();
    if (isCurrent && !isOutdatedKioskIdentity(openP12(p12, utf8.decode(passphrase)))) return identity;
  }
  return regenerateIdentity(store, clinicName, clock);
}

const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

/**
 * True for a chain minted by an earlier version of this app: its own "<clinic> root CA"
 * issued an "<clinic> intake kiosk" leaf whose extended key usage is E-mail Protection.
 * Such a leaf is not a document-signing certificate, and the CA key that could re-issue it
 * was discarded, so the whole chain is minted anew. An imported certificate is never touched.
 */
export function isOutdatedKioskIdentity(opened: OpenedP12): boolean {
  const leaf = opened.certs.find((c) => matchesKey(c, opened.key));
  const root = opened.certs.find((c) => c !== leaf && c.isIssuer(c));
  if (!leaf || !root || !leaf.isIssuer(root) || !root.verify(leaf)) return false;
  const cn = (cert: forge.pki.Certificate) => attributeText(cert.subject.getField('CN') ?? {});
  if (!cn(leaf).endsWith(' intake kiosk') || !cn(root).endsWith(' root CA')) return false;
  const eku = leaf.getExtension('extKeyUsage') as Record<string, unknown> | null;
  return eku !== null && (eku['emailProtection'] === true || eku[OID_EMAIL_PROTECTION] === true);
}

/** Mints a new root CA + kiosk certificate for `clinicName`, stores it and returns it. */
export async function regenerateIdentity(store: SecretStore, clinicName: string, clock: Clock): Promise<SigningIdentity> {
  const { p12, passphrase, caKeyPem } = generateP12(clinicName, clock.now());
  await store.put(SECRET_CA_KEY, text.encode(caKeyPem));
  await store.put(SECRET_P12, p12);
  await store.put(SECRET_PASSPHRASE, text.encode(passphrase));
  return parseIdentity(p12, passphrase);
}

/**
 * Validates and stores an admin-supplied .p12: it must open with `passphrase`, hold a
 * private key and a certificate for that key, and the certificate must be valid at `now`.
 * The passphrase is stored as given (the p12 is not re-encrypted).
 */
export async function importP12(store: SecretStore, p12: Uint8Array, passphrase: string, now: Date = new Date()): Promise<SigningIdentity> {
  const identity = parseIdentity(p12, passphrase);
  if (identity.notBefore.getTime() > now.getTime()) {
    throw new SigningIdentityError(`The certificate is not valid yet (valid from ${identity.notBefore.toISOString().slice(0, 10)}).`);
  }
  if (identity.notAfter.getTime() <= now.getTime()) {
    throw new SigningIdentityError(`The certificate expired on ${identity.notAfter.toISOString().slice(0, 10)}.`);
  }
  await store.put(SECRET_P12, p12);
  await store.put(SECRET_PASSPHRASE, text.encode(passphrase));
  return identity;
}

/** PEM of the chain's root (self-issued) certificate, for trust stores and tests; null when there is none. */
export async function caCertificatePem(store: SecretStore): Promise<string | null> {
  const p12 = await store.get(SECRET_P12);
  const passphrase = await store.get(SECRET_PASSPHRASE);
  if (!p12 || !passphrase) return null;
  const { certs } = openP12(p12, utf8.decode(passphrase));
  const root = certs.find((c) => c.isIssuer(c));
  return root ? forge.pki.certificateToPem(root) : null;
}

function generateP12(clinicName: string, now: Date): { p12: Uint8Array; passphrase: string; caKeyPem: string } {
  const caKeys = rsaKeyPair();
  const leafKeys = rsaKeyPair();
  const org = clinicName.trim() || 'Clinic';
  const notBefore = new Date(now.getTime() - BACKDATE_MS);

  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serialNumber();
  ca.validity.notBefore = notBefore;
  ca.validity.notAfter = addYears(now, CA_YEARS);
  const caName = [nameAttribute('commonName', `${org} root CA`), nameAttribute('organizationName', org)];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const leaf = forge.pki.createCertificate();
  leaf.publicKey = leafKeys.publicKey;
  leaf.serialNumber = serialNumber();
  leaf.validity.notBefore = notBefore;
  leaf.validity.notAfter = addYears(now, LEAF_YEARS);
  leaf.setSubject([nameAttribute('commonName', `${org} intake kiosk`), nameAttribute('organizationName', org)]);
  leaf.setIssuer(caName);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    // digitalSignature + nonRepudiation (contentCommitment): the key signs documents, nothing else.
    // No extendedKeyUsage: poppler's pdfsig checks the leaf with NSS's e-mail-signer usage, which
    // refuses any EKU list without emailProtection, id-kp-documentSigning (RFC 9336) and
    // anyExtendedKeyUsage included (tried with poppler 22.12). RFC 5280 4.2.1.12: no EKU means
    // key usage alone limits the purpose; E-mail Protection would say it is an e-mail certificate.
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leaf.sign(caKeys.privateKey, forge.md.sha256.create());

  const passphrase = randomBytes(32).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(leafKeys.privateKey, [leaf, ca], passphrase, {
    algorithm: 'aes256',
    friendlyName: `${org} intake kiosk`,
  });
  const der = forge.asn1.toDer(asn1).getBytes();
  const caKeyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(caKeys.privateKey)));
  return { p12: Uint8Array.from(Buffer.from(der, 'binary')), passphrase, caKeyPem };
}

/** node:crypto generates RSA keys natively (forge's pure-JS keygen takes seconds). */
export function rsaKeyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

/**
 * Names go in as UTF8String when ASCII and as BMPString otherwise. forge re-encodes a
 * parsed UTF8String value to UTF-8 a second time when it copies the issuer into the
 * PKCS#7 SignerInfo, so a UTF-8 "Clínica" no longer matches the certificate and NSS
 * reports "Unknown Validation Failure"; BMPString values round-trip byte for byte.
 */
export function nameAttribute(name: string, value: string): forge.pki.CertificateField {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return { name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
  let ucs2 = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0x3f;
    // BMPString cannot hold characters outside the Basic Multilingual Plane.
    const unit = code > 0xffff ? 0x3f : code;
    ucs2 += String.fromCharCode(unit >> 8, unit & 0xff);
  }
  return { name, value: ucs2, valueTagClass: forge.asn1.Type.BMPSTRING as unknown as forge.asn1.Class };
}

export function serialNumber(): string {
  // Positive (high bit clear) 16-byte serial, as RFC 5280 asks.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

export function addYears(date: Date, years: number): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

// PKCS#12 bag type OIDs (RFC 7292); spelled out because forge's oid table is an untyped map.
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

/** A decrypted PKCS#12: the private key and every certificate in it. */
export interface OpenedP12 {
  readonly key: forge.pki.rsa.PrivateKey;
  readonly certs: readonly forge.pki.Certificate[];
}

/** Decrypts a PKCS#12, with SigningIdentityError messages fit for an admin. */
export function openP12(p12: Uint8Array, passphrase: string): OpenedP12 {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
  } catch {
    throw new SigningIdentityError('The file is not a PKCS#12 (.p12/.pfx) certificate file.');
  }
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/mac could not be verified|invalid password/i.test(message)) {
      throw new SigningIdentityError('The passphrase is wrong for this certificate file.');
    }
    throw new SigningIdentityError('The file is not a readable PKCS#12 (.p12/.pfx) certificate file.');
  }
  const keyBags = [...bagsOf(parsed, SHROUDED_KEY_BAG), ...bagsOf(parsed, KEY_BAG)];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SigningIdentityError('The certificate file holds no private key (an RSA key is required).');
  const certs = bagsOf(parsed, CERT_BAG).flatMap((b) => (b.cert ? [b.cert] : []));
  if (certs.length === 0) throw new SigningIdentityError('The certificate file holds no certificate.');
  return { key, certs };
}

export function matchesKey(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): boolean {
  const pub = cert.publicKey as Partial<forge.pki.rsa.PublicKey>;
  return pub.n !== undefined && pub.e !== undefined && pub.n.equals(key.n) && pub.e.equals(key.e);
}

function parseIdentity(p12: Uint8Array, passphrase: string): SigningIdentity {
  const { key, certs } = openP12(p12, passphrase);
  const leaf = certs.find((c) => matchesKey(c, key));
  if (!leaf) throw new SigningIdentityError('The private key does not match any certificate in the file.');
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes(), 'binary');
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return {
    p12,
    passphrase,
    subject: distinguishedName(leaf.subject),
    issuer: distinguishedName(leaf.issuer),
    notBefore: leaf.validity.notBefore,
    notAfter: leaf.validity.notAfter,
    fingerprintSha256: hex.match(/../g)?.join(':') ?? hex,
  };
}

/** The certificate's subject common name as text (BMPString and UTF8String decoded), or null. */
export function commonNameOf(cert: forge.pki.Certificate): string | null {
  const field = cert.subject.getField('CN') as { value?: unknown; valueTagClass?: unknown } | null;
  return field ? attributeText(field) : null;
}

function distinguishedName(name: forge.pki.Certificate['subject']): string {
  return name.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${attributeText(a)}`).join(', ');
}

/** forge keeps parsed values as the raw bytes of their ASN.1 string type. */
export function attributeText(attribute: { value?: unknown; valueTagClass?: unknown }): string {
  const raw = String(attribute.value ?? '');
  if (attribute.valueTagClass === forge.asn1.Type.BMPSTRING) {
    let out = '';
    for (let i = 0; i + 1 < raw.length; i += 2) out += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return out;
  }
  if (attribute.valueTagClass === forge.asn1.Type.UTF8) {
    try {
      return forge.util.decodeUtf8(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/** A SecretStore in memory: for benchmarks and tests that need a signing identity without a database. */
export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, Uint8Array>();
  return {
    get: async (name) => secrets.get(name) ?? null,
    put: async (name, value) => void secrets.set(name, value),
  };
}
