/**
 * The wire contract of a kiosk's pairing with the clinic server, shared by both ends of it:
 *
 *   POST /pair/kiosk   { code, name, publicKeyPem }      (Origin + X-Kiosk-Request like every POST)
 *   -> ok({ deviceId, credential, certificatePem, caCertificatePem })
 *
 * The server (server/pairing-routes.ts) parses the request with `kioskPairRequestSchema`; the
 * kiosk (core/network/pairing.ts) parses the answer with `kioskPairingSchema`. A kiosk is not a
 * browser: its credential comes in the body (it keeps it sealed), never as a cookie.
 */
import { z } from 'zod';

export const KIOSK_PAIR_PATH = '/pair/kiosk';

export const pairingCodeField = z.string().trim().min(4, 'Enter the pairing code.').max(64);
export const deviceNameField = z.string().trim().min(1, 'Give this device a name, such as "Room 2 tablet".').max(60);

export const kioskPairRequestSchema = z
  .object({
    code: pairingCodeField,
    name: deviceNameField,
    /** SPKI PEM of the kiosk's new signing key; the registry checks its kind and size. */
    publicKeyPem: z.string().min(1, 'A kiosk pairs with the public key of its signing key.').max(4_000, 'The kiosk key is too long.'),
  })
  .strict();

export type KioskPairRequest = z.input<typeof kioskPairRequestSchema>;

const pem = (label: string) => z.string().max(20_000).regex(new RegExp(`^-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----\\s*$`));

export const kioskPairingSchema = z
  .object({
    deviceId: z.uuid(),
    credential: z.string().regex(/^[A-Za-z0-9._~+/=-]{1,512}$/),
    certificatePem: pem('CERTIFICATE'),
    caCertificatePem: pem('CERTIFICATE'),
  })
  .strict();

export type KioskPairing = z.output<typeof kioskPairingSchema>;
