/**
 * Signing certificates for the clinic's other kiosks, issued when a kiosk pairs with the
 * clinic server (core/devices). The kiosk keeps its private key; it sends its public key
 * (RSA 2048+ or EC P-256) and gets a document-signing leaf from this core's clinic root CA,
 * with the same profile as the kiosk certificate identity.ts mints for itself: key usage
 * digitalSignature + nonRepudiation, critical, and no extended key usage (identity.ts says
 * why: pdfsig's NSS check refuses any EKU list without E-mail Protection). CN = the device
 * name, O = the clinic, valid 3 years (backdated a day, like the kiosk's own).
 *
 * forge builds the TBS certificate but knows only RSA keys, so the subject public key info
 * is put in as the kiosk sent it (DER) and the CA signs with node:crypto.
 */
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { Clock } from '../ports.ts';
import type { ClinicCa } from './clinic-ca.ts';
import { attributeText, nameAttribute, serialNumber, SigningIdentityError } from './identity.ts';

/** Backdated like the kiosk's own certificate, so a kiosk whose clock is a little behind still verifies. */
const BACKDATE_MS = 24 * 60 * 60 * 1000;
export const DEVICE_CERT_YEARS = 3;
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 8192;
const MAX_PEM_CHARS = 5_000;

/** Why `pem` cannot be a kiosk's signing key, as a sentence for the device; null when it is fine. */
export function kioskPublicKeyProblem(pem: string): string | null {
  const trimmed = pem.trim();
  if (trimmed.length > MAX_PEM_CHARS || !/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----$/.test(trimmed)) {
    return 'The kiosk key must be a public key in PEM form (BEGIN PUBLIC KEY).';
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: trimmed, format: 'pem' });
  } catch {
    return 'The kiosk key could not be read.';
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    return bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS ? null : `An RSA kiosk key needs ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits.`;
  }
  if (key.asymmetricKeyType === 'ec') return details.namedCurve === 'prime256v1' ? null : 'An EC kiosk key must be on the P-256 curve.';
  return 'The kiosk key must be RSA (2048 bits or more) or EC P-256.';
}

export interface IssuedDeviceCertificate {
  readonly certificatePem: string;
  readonly caCertificatePem: string;
}

const derOf = (asn1: forge.asn1.Asn1) => forge.asn1.toDer(asn1).getBytes();
/** forge's fromDer with its options object (the typings know only the older `strict` flag): bit strings stay bytes. */
const fromDer = forge.asn1.fromDer as unknown as (der: forge.util.ByteStringBuffer | string, options: { decodeBitStrings: boolean }) => forge.asn1.Asn1;
const asn1Of = (der: Uint8Array) => fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')), { decodeBitStrings: false });

/**
 * Issues a kiosk's document-signing certificate from the clinic CA (clinic-ca.ts
 * `loadClinicCa`: the root of this core's signing chain with its sealed key). Throws
 * SigningIdentityError for a key that is not RSA 2048+ or EC P-256.
 */
export function issueKioskCertificate(ca: ClinicCa, publicKeyPem: string, commonName: string, clock: Clock): IssuedDeviceCertificate {
  const problem = kioskPublicKeyProblem(publicKeyPem);
  if (problem) throw new SigningIdentityError(problem);
  const root = ca.certificate;
  const rootPem = ca.pem;
  const caKey = createPrivateKey(forge.pki.privateKeyToPem(ca.privateKey));
  const now = clock.now();
  const org = attributeText(root.subject.getField('O') ?? {}) || 'Clinic';
  const spki = asn1Of(createPublicKey(publicKeyPem.trim()).export({ type: 'spki', format: 'der' }));
  // RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (forge's own SKI for RSA keys).
  const bits = (spki.value as forge.asn1.Asn1[])[1]?.value;
  if (typeof bits !== 'string') throw new SigningIdentityError('The kiosk key could not be read.');
  const ski = createHash('sha1').update(Buffer.from(bits.slice(1), 'binary')).digest('binary');

  const leaf = forge.pki.createCertificate();
  leaf.publicKey = root.publicKey; // placeholder for forge; the kiosk's key info replaces it below
  leaf.serialNumber = serialNumber();
  leaf.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + DEVICE_CERT_YEARS);
  leaf.validity.notAfter = notAfter;
  leaf.setSubject([nameAttribute('commonName', commonName), nameAttribute('organizationName', org)]);
  leaf.setIssuer(root.subject.attributes);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: root.generateSubjectKeyIdentifier().getBytes() },
  ]);
  const skiExtension = leaf.extensions.find((e: { name?: string }) => e.name === 'subjectKeyIdentifier') as { value: unknown } | undefined;
  if (skiExtension) skiExtension.value = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OCTETSTRING, false, ski);
  leaf.siginfo.algorithmOid = forge.pki.oids['sha256WithRSAEncryption'] ?? '1.2.840.113549.1.1.11';

  const tbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(leaf);
  const fields = tbs.value as forge.asn1.Asn1[];
  // The issuer exactly as the root's subject is encoded (forge re-encodes parsed strings), and the kiosk's key.
  const rootAsn1 = fromDer(forge.pem.decode(rootPem)[0]?.body ?? '', { decodeBitStrings: false });
  const rootTbs = (rootAsn1.value as forge.asn1.Asn1[])[0];
  const rootSubject = (rootTbs?.value as forge.asn1.Asn1[] | undefined)?.[5];
  if (rootSubject) fields[3] = rootSubject;
  fields[6] = spki;
  const signature = sign('sha256', Buffer.from(derOf(tbs), 'binary'), caKey);
  const cert = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
    tbs,
    fields[2] as forge.asn1.Asn1,
    forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.BITSTRING, false, `\x00${signature.toString('binary')}`),
  ]);
  const certificatePem = forge.pem.encode({ type: 'CERTIFICATE', body: derOf(cert) }, { maxline: 64 });
  return { certificatePem, caCertificatePem: rootPem };
}
