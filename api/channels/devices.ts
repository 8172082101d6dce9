/**
 * Paired devices of the clinic server (issue 17): an admin creates a pairing code for a
 * browser or a kiosk, lists the paired devices and revokes one. Every channel is `admin`.
 * Redeeming a code is not a channel: an unpaired device cannot call any channel, so the host
 * (server/) pairs it on its pairing page, through core.devices.
 */
import { z } from 'zod';
import { empty, id, type ChannelSpec } from './common.ts';

export const DEVICE_KINDS = ['browser', 'kiosk'] as const;
export type PairedDeviceKind = (typeof DEVICE_KINDS)[number];

export const devicesSpecs = {
  'admin:createPairingCode': {
    access: 'admin',
    request: z.object({ kind: z.enum(DEVICE_KINDS, { message: 'Choose a browser or a kiosk.' }) }).strict(),
  },
  'admin:listDevices': { access: 'admin', request: empty },
  /** Takes effect at once: the device's credential stops working and its staff sessions end. */
  'admin:revokeDevice': { access: 'admin', request: z.object({ deviceId: id }).strict() },
} as const satisfies Record<string, ChannelSpec>;

export const devicesChannels = {
  'admin:createPairingCode': 'adminCreatePairingCode',
  'admin:listDevices': 'adminListDevices',
  'admin:revokeDevice': 'adminRevokeDevice',
} as const;

export interface PairingCodeInfo {
  /** Grouped for typing, e.g. "K7QM-4TXD": shown once; the server keeps only a keyed hash. */
  readonly code: string;
  readonly kind: PairedDeviceKind;
  readonly expiresAt: string;
  /**
   * Kiosk codes: the clinic CA's SHA-256 fingerprint in groups of four ("AB12 CD34 ..."). The
   * admin types it (at least the first 8 groups) on the kiosk beside the code, so the kiosk can
   * tell the real clinic CA from one another machine on the network offers. Null for browsers (and
   * on a core with no clinic CA yet: a clinic server has one from its start).
   */
  readonly caFingerprint: string | null;
}

export interface PairedDevice {
  readonly id: string;
  readonly name: string;
  readonly kind: PairedDeviceKind;
  readonly pairedAt: string;
  readonly lastSeenAt: string | null;
  readonly revokedAt: string | null;
}

export interface DevicesResponses {
  'admin:createPairingCode': PairingCodeInfo;
  'admin:listDevices': { readonly devices: readonly PairedDevice[] };
  'admin:revokeDevice': { readonly devices: readonly PairedDevice[] };
}
