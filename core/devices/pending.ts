/**
 * Placeholder while the store-backed registry is being built: every call is refused as
 * `unavailable`, so a host merged early compiles and gets a typed error, never a pairing.
 */
import { CoreError } from '../handler.ts';
import type { DeviceRegistry } from './registry.ts';

const refuse = (): Promise<never> => Promise.reject(new CoreError('unavailable', 'Device pairing is not available yet.'));

export const pendingDeviceRegistry: DeviceRegistry = {
  createPairingCode: refuse,
  redeem: refuse,
  authenticate: refuse,
  list: refuse,
  revoke: refuse,
};
