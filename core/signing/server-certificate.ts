/**
 * The clinic server's HTTPS certificate, issued by the clinic CA (clinic-ca.ts) for the names
 * and addresses devices use to reach it (DNS names and IPs in the subjectAltName, EKU
 * serverAuth). Kept in the secret store (sealed like every secret) and issued anew when the
 * names change, when the CA changed, or when it is within RENEW_BEFORE_DAYS of expiry.
 *
 * 397 days at most: Apple devices refuse longer-lived TLS certificates, and renewal is
 * automatic anyway (the server checks at start and daily).
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';
import type { Clock } from '../ports.ts';
import type { ClinicCa } from './clinic-ca.ts';
import { nameAttribute, rsaKeyPair, serialNumber, type SecretStore } from './identity.ts';

export const SECRET_SERVER_TLS = 'server.tls';
const VALIDITY_DAYS = 397;
export const RENEW_BEFORE_DAYS = 30;
const BACKDATE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the server listens with. */
export interface ServerCertificate {
  readonly keyPem: string;
  readonly certPem: string;
  /** The clinic CA, for the install page and for clients that pin it. */
  readonly caPem: string;
  readonly notAfter: Date;
  /** The subjectAltName entries, sorted: DNS names then IPs. */
  readonly names: readonly string[];
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list form). */
  readonly spkiSha256: string;
  /** True when this call issued it (a log line says so; the CA and the names are not secret). */
  readonly issued: boolean;
}

/** DNS names lowercase, IPs as given; de-duplicated and sorted, so the same set compares equal. */
export function normalizeNames(names: readonly string[]): string[] {
  const clean = names.map((n) => n.trim()).filter((n) => n.length > 0).map((n) => (isIP(n) ? n : n.toLowerCase()));
  for (const n of clean) {
    if (!isIP(n) && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(n)) {
      throw new Error(`"${n}" is neither a host name nor an IP address.`);
    }
  }
  return [...new Set(clean)].sort((a, b) => Number(isIP(a) !== 0) - Number(isIP(b) !== 0) || a.localeCompare(b));
}

interface Stored {
  readonly keyPem: string;
  readonly certPem: string;
}

function spkiSha256(cert: forge.pki.Certificate): string {
  const spki = forge.asn1.toDer(forge.pki.publicKeyToAsn1(cert.publicKey)).getBytes();
  return createHash('sha256').update(Buffer.from(spki, 'binary')).digest('base64');
}

function sanOf(cert: forge.pki.Certificate): string[] {
  const ext = cert.getExtension('subjectAltName') as { altNames?: { type: number; value?: string; ip?: string }[] } | null;
  return (ext?.altNames ?? []).map((a) => (a.type === 7 ? (a.ip ?? '') : (a.value ?? '')));
}

async function readStored(secrets: SecretStore): Promise<{ stored: Stored; cert: forge.pki.Certificate } | null> {
  const raw = await secrets.get(SECRET_SERVER_TLS);
  if (!raw) return null;
  try {
    const stored = JSON.parse(new TextDecoder().decode(raw)) as Stored;
    return { stored, cert: forge.pki.certificateFromPem(stored.certPem) };
  } catch {
    return null; // unreadable: issue a fresh one
  }
}

function isStillGood(cert: forge.pki.Certificate, ca: ClinicCa, names: readonly string[], now: Date): boolean {
  let signedByCa: boolean;
  try {
    signedByCa = ca.certificate.verify(cert);
  } catch {
    signedByCa = false; // issued by another CA (the chain was regenerated): forge throws rather than answering false
  }
  const current = normalizeNames(sanOf(cert));
  return (
    signedByCa &&
    current.length === names.length &&
    current.every((n, i) => n === names[i]) &&
    cert.validity.notBefore.getTime() <= now.getTime() &&
    cert.validity.notAfter.getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS
  );
}

function issue(ca: ClinicCa, names: readonly string[], now: Date): Stored {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  cert.validity.notAfter = new Date(now.getTime() + VALIDITY_DAYS * DAY_MS - BACKDATE_MS);
  const org = String(ca.certificate.subject.getField('O')?.value ?? 'Clinic');
  cert.setSubject([{ name: 'commonName', value: names[0] ?? 'clinic-server' }, nameAttribute('organizationName', org)]);
  cert.setIssuer(ca.certificate.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.certificate.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) };
}

/** The stored server certificate if it still fits `names` and the CA, else a freshly issued (and stored) one. */
export async function loadOrIssueServerCertificate(secrets: SecretStore, ca: ClinicCa, requestedNames: readonly string[], clock: Clock): Promise<ServerCertificate> {
  const names = normalizeNames(requestedNames);
  if (names.length === 0) throw new Error('The server certificate needs at least one host name or IP address.');
  const now = clock.now();
  const existing = await readStored(secrets);
  let stored: Stored;
  let cert: forge.pki.Certificate;
  let issued = false;
  if (existing && isStillGood(existing.cert, ca, names, now)) {
    ({ stored, cert } = existing);
  } else {
    stored = issue(ca, names, now);
    await secrets.put(SECRET_SERVER_TLS, new TextEncoder().encode(JSON.stringify(stored)));
    cert = forge.pki.certificateFromPem(stored.certPem);
    issued = true;
  }
  return { keyPem: stored.keyPem, certPem: stored.certPem, caPem: ca.pem, notAfter: cert.validity.notAfter, names, spkiSha256: spkiSha256(cert), issued };
}
