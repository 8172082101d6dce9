import { describe, expect, it } from 'vitest';
import type { Device } from '../core/devices/registry.ts';
import { deviceCaller } from './device-auth.ts';

const device = (kind: Device['kind']): Device => ({ id: '0b6f3c1e-5d1a-4f7e-9a43-3c1d2e4f5a6b', name: 'Front desk', kind, pairedAt: '2026-12-01T09:00:00.000Z', lastSeenAt: null, revokedAt: null });

describe('deviceCaller', () => {
  it.each([
    ['a paired browser is a staff device', 'browser', 'staff-device'],
    ['a paired kiosk is a kiosk device (it may forward intakes)', 'kiosk', 'kiosk-device'],
  ] as const)('%s', (_label, kind, callerKind) => {
    expect(deviceCaller(device(kind))).toEqual({ id: 'device:0b6f3c1e-5d1a-4f7e-9a43-3c1d2e4f5a6b', kind: callerKind });
  });
});
