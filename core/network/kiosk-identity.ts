/**
 * The kiosk's signing identity in network mode: a key made on the kiosk (it never leaves it),
 * and the certificate the clinic server's CA issued for it at pairing. `installKioskIdentity`
 * checks what the server sent (the certificate is for this key, issued by the clinic CA the
 * kiosk trusts, valid now) and stores it as the kiosk's PKCS#12 identity, like an imported
 * certificate (core/signing/identity.ts importP12), so the PDF signer needs nothing new.
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { importP12, SigningIdentityError, type SecretStore, type SigningIdentity } from '../signing/identity.ts';

export interface KioskKey {
  readonly privateKeyPem: string;
  /** SPKI PEM, what the kiosk sends to pair. */
  readonly publicKeyPem: string;
}

/** RSA: the PAdES signer (core/signing) signs with RSA keys. */
export function generateKioskKey(): KioskKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Why the issued certificate cannot be this kiosk's identity; null when it can. */
export function issuedCertificateProblem(key: KioskKey, certificatePem: string, caPem: string, now: Date): string | null {
  let leaf: X509Certificate;
  let ca: X509Certificate;
  try {
    leaf = new X509Certificate(certificatePem);
    ca = new X509Certificate(caPem);
  } catch {
    return 'The clinic server sent a certificate that could not be read.';
  }
  if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) return "The clinic server's certificate for this kiosk is not from the clinic CA.";
  if (leaf.publicKey.export({ type: 'spki', format: 'pem' }).toString() !== key.publicKeyPem) return "The clinic server's certificate is not for this kiosk's key.";
  if (Date.parse(leaf.validFrom) > now.getTime() || Date.parse(leaf.validTo) <= now.getTime()) {
    return "The clinic server's certificate for this kiosk is not valid now: check the kiosk's date and time.";
  }
  return null;
}

/** Checks and stores the kiosk's identity; throws SigningIdentityError with a sentence an admin can act on. */
export async function installKioskIdentity(secrets: SecretStore, key: KioskKey, certificatePem: string, caPem: string, now: Date): Promise<SigningIdentity> {
  const problem = issuedCertificateProblem(key, certificatePem, caPem, now);
  if (problem) throw new SigningIdentityError(problem);
  const privateKey = forge.pki.privateKeyFromPem(key.privateKeyPem) as forge.pki.rsa.PrivateKey;
  const chain = [forge.pki.certificateFromPem(certificatePem), forge.pki.certificateFromPem(caPem)];
  const passphrase = randomBytes(24).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, chain, passphrase, { algorithm: 'aes256' });
  const p12 = Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
  return importP12(secrets, p12, passphrase, now);
}
