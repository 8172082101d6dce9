/**
 * An in-memory DeviceRegistry for the server's tests: single-use codes, random credentials,
 * revocation at once. It follows core/devices/registry.ts's contract; the store-backed
 * registry is tested against that contract in core/devices/.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Device, DeviceKind, DeviceRegistry, Pairing } from '../../core/devices/registry.ts';

export interface MemoryDevices extends DeviceRegistry {
  /** A fresh code for `kind`, as an admin would create it. */
  code(kind?: DeviceKind): Promise<string>;
}

export function createMemoryDevices(): MemoryDevices {
  const codes = new Map<string, DeviceKind>();
  const devices = new Map<string, Device & { credential: string }>();
  const registry: MemoryDevices = {
    async createPairingCode(_by, kind) {
      const code = randomBytes(5).toString('hex').toUpperCase();
      codes.set(code, kind);
      return { code, expiresAt: new Date(Date.now() + 10 * 60_000).toISOString() };
    },
    async redeem(code, request) {
      const kind = codes.get(code);
      if (!kind || kind !== request.kind) return null;
      codes.delete(code);
      const id = randomUUID();
      const credential = `${id}.${randomBytes(24).toString('base64url')}`;
      const device = { id, name: request.name, kind, pairedAt: new Date().toISOString(), lastSeenAt: null, revokedAt: null };
      devices.set(id, { ...device, credential });
      return { device, credential } satisfies Pairing;
    },
    async authenticate(credential) {
      const id = credential.split('.')[0] ?? '';
      const found = devices.get(id);
      if (!found || found.revokedAt || found.credential !== credential) return null;
      const { credential: _secret, ...device } = found;
      return device;
    },
    async list() {
      return [...devices.values()].map(({ credential: _secret, ...device }) => device);
    },
    async revoke(deviceId) {
      const found = devices.get(deviceId);
      if (!found || found.revokedAt) return false;
      devices.set(deviceId, { ...found, revokedAt: new Date().toISOString() });
      return true;
    },
    code: async (kind = 'browser') => (await registry.createPairingCode({ staffId: 'test-admin' }, kind)).code,
  };
  return registry;
}
