/**
 * The clinic CA as an issuer: the root of the signing chain (identity.ts) together with its
 * private key, kept sealed in the secret store. The clinic server issues its TLS certificate
 * from it (server-certificate.ts), so a device that trusts the clinic CA once trusts the
 * server and the signed summaries alike.
 *
 * A chain minted before the CA key was kept (or none at all) is minted anew: the key that
 * could issue from the old CA was discarded. An imported chain (the clinic's own PKI) is
 * never replaced: then the server cannot issue from it and says so.
 */
import forge from 'node-forge';
import type { Clock } from '../ports.ts';
import {
  commonNameOf,
  matchesKey,
  openP12,
  regenerateIdentity,
  SECRET_CA_KEY,
  SECRET_P12,
  SECRET_PASSPHRASE,
  SigningIdentityError,
  type SecretStore,
} from './identity.ts';

export interface ClinicCa {
  readonly certificate: forge.pki.Certificate;
  readonly privateKey: forge.pki.rsa.PrivateKey;
  /** The CA certificate as PEM: what a device installs to trust the clinic. */
  readonly pem: string;
  /** The same in DER, for the download (iOS and Android install .crt/.cer as DER or PEM). */
  readonly der: Uint8Array;
}

export interface ClinicCaDeps {
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly clinicName: () => string;
  /** Called after the chain was minted anew, so the next PDF loads the new identity. */
  readonly onIdentityReplaced: () => void;
}

const utf8 = new TextDecoder();

/** The stored CA key: PKCS#8 PEM (identity.ts). */
function parseCaKey(stored: Uint8Array): forge.pki.rsa.PrivateKey | null {
  try {
    return forge.pki.privateKeyFromPem(utf8.decode(stored)) as forge.pki.rsa.PrivateKey;
  } catch {
    return null;
  }
}

function toCa(certificate: forge.pki.Certificate, privateKey: forge.pki.rsa.PrivateKey): ClinicCa {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return { certificate, privateKey, pem: forge.pki.certificateToPem(certificate), der: Uint8Array.from(Buffer.from(der, 'binary')) };
}

type Found = { readonly kind: 'ca'; readonly ca: ClinicCa } | { readonly kind: 'none' | 'own-without-key' | 'imported' };

async function find(secrets: SecretStore): Promise<Found> {
  const p12 = await secrets.get(SECRET_P12);
  const passphrase = await secrets.get(SECRET_PASSPHRASE);
  if (!p12 || !passphrase) return { kind: 'none' };
  const { certs, key } = openP12(p12, utf8.decode(passphrase));
  const root = certs.find((c) => c.isIssuer(c));
  const leaf = certs.find((c) => matchesKey(c, key));
  const caKeyDer = await secrets.get(SECRET_CA_KEY);
  const caKey = caKeyDer ? parseCaKey(caKeyDer) : null;
  if (root && caKey && matchesKey(root, caKey)) return { kind: 'ca', ca: toCa(root, caKey) };
  const ours = root !== undefined && leaf !== undefined && (commonNameOf(root) ?? '').endsWith(' root CA') && (commonNameOf(leaf) ?? '').endsWith(' intake kiosk');
  return { kind: ours ? 'own-without-key' : 'imported' };
}

/** The clinic CA with its key; mints the chain when there is none or when its CA key was never kept. */
export async function loadClinicCa(deps: ClinicCaDeps): Promise<ClinicCa> {
  const found = await find(deps.secrets);
  if (found.kind === 'ca') return found.ca;
  if (found.kind === 'imported') {
    throw new SigningIdentityError(
      'The signing certificate was imported from the clinic\'s own certificate authority, so this server cannot issue its HTTPS certificate from it. Regenerate the certificate in Admin > Certificate to use the built-in clinic CA.',
    );
  }
  await regenerateIdentity(deps.secrets, deps.clinicName(), deps.clock);
  deps.onIdentityReplaced();
  const again = await find(deps.secrets);
  if (again.kind !== 'ca') throw new SigningIdentityError('The clinic CA could not be created.');
  return again.ca;
}
