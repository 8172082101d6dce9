/**
 * Paired devices of the clinic server (issue 17): an admin creates a short-lived, single-use
 * pairing code; a browser or kiosk that redeems it gets a device credential, given once. Every
 * network request is then authenticated by its credential (the host calls `authenticate`), and
 * the caller id of that device is `device:<id>`. Admins list and revoke devices; revocation
 * takes effect at once.
 *
 * This file is the interface the hosts (server/, the kiosk outbox) program against; the
 * implementation over the storage port is `createDeviceRegistry` in store.ts.
 */
export type DeviceKind = 'browser' | 'kiosk';

export interface Device {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly pairedAt: string;
  readonly lastSeenAt: string | null;
  readonly revokedAt: string | null;
}

/** What a device sends to pair. A kiosk also sends the public key of its own signing key (PEM, SPKI). */
export interface PairingRequest {
  readonly name: string;
  readonly kind: DeviceKind;
  /** Kiosks only (required for them): RSA 2048+ or EC P-256, `-----BEGIN PUBLIC KEY-----`. */
  readonly publicKeyPem?: string;
}

export interface Pairing {
  readonly device: Device;
  /** `<device id>.<secret>`: given once, stored only as a keyed hash. */
  readonly credential: string;
  /** Kiosks only: its document-signing certificate (PEM), issued by the clinic CA for `publicKeyPem`. */
  readonly certificatePem?: string;
  /** Kiosks only: the clinic root CA (PEM) the certificate chains to. */
  readonly caCertificatePem?: string;
}

export interface DeviceRegistry {
  createPairingCode(by: { staffId: string }, kind: DeviceKind): Promise<{ code: string; expiresAt: string }>;
  /**
   * Single use; null for a wrong, used or expired code (and counts the failure for rate limiting).
   * Rejects with CoreError `invalid_request` (the code is not used up) when the name is empty, the
   * kind is not the code's, or a kiosk's public key is missing or not RSA 2048+ / EC P-256.
   */
  redeem(code: string, device: PairingRequest): Promise<Pairing | null>;
  /** The paired, not revoked device a credential belongs to; null otherwise. Updates lastSeenAt (at most once a minute). */
  authenticate(credential: string): Promise<Device | null>;
  list(): Promise<Device[]>;
  revoke(deviceId: string, by: { staffId: string }): Promise<boolean>;
}

/** The caller id (core/handler.ts `Caller.id`) of requests a paired device makes over the network. */
export function deviceCallerId(deviceId: string): string {
  return `device:${deviceId}`;
}

/** The device id of a `device:<id>` caller id; null for any other caller (a kiosk window, an e2e page). */
export function deviceIdOfCaller(callerId: string): string | null {
  return callerId.startsWith('device:') ? callerId.slice('device:'.length) || null : null;
}
