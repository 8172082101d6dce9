/**
 * The signing certificate as the admin sees it: subject, issuer, validity and
 * fingerprint, regenerate, and import of a .p12 with its passphrase. The private key and
 * passphrase never leave main.
 */
import type { CertificateInfo } from '../../api/contract.ts';
import { CoreError } from '../handler.ts';
import type { Clock } from '../ports.ts';
import { importP12, regenerateIdentity, SigningIdentityError, type SecretStore, type SigningIdentity } from '../signing/identity.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function certificateInfo(identity: SigningIdentity, now: Date): CertificateInfo {
  return {
    subject: identity.subject,
    issuer: identity.issuer,
    notBefore: identity.notBefore.toISOString(),
    notAfter: identity.notAfter.toISOString(),
    fingerprintSha256: identity.fingerprintSha256,
    daysLeft: Math.floor((identity.notAfter.getTime() - now.getTime()) / DAY_MS),
  };
}

/** Largest .p12 accepted, in bytes (real ones are a few kB). */
export const MAX_P12_BYTES = 64 * 1024;

export function createCertificateAdmin(secrets: SecretStore, clock: Clock) {
  return {
    /** Mints a new clinic CA + kiosk certificate for `clinicName` and stores it. */
    async regenerate(clinicName: string): Promise<SigningIdentity> {
      return regenerateIdentity(secrets, clinicName, clock);
    },
    /** Validates and stores an uploaded .p12; throws CoreError('invalid_request') with an admin-readable reason. */
    async import(p12Base64: string, passphrase: string): Promise<SigningIdentity> {
      const bytes = Uint8Array.from(Buffer.from(p12Base64, 'base64'));
      if (bytes.length === 0) throw new CoreError('invalid_request', 'The certificate file is empty.');
      if (bytes.length > MAX_P12_BYTES) throw new CoreError('invalid_request', 'The certificate file is too large.');
      try {
        return await importP12(secrets, bytes, passphrase, clock.now());
      } catch (error) {
        if (error instanceof SigningIdentityError) throw new CoreError('invalid_request', error.message);
        throw error;
      }
    },
  };
}
