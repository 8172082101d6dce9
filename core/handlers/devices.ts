/**
 * admin:createPairingCode, admin:listDevices, admin:revokeDevice: the admin's side of device
 * pairing (core/devices). Audited in the registry: code created, device paired, refusals
 * (summarised), device revoked.
 */
import { fail, ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { fingerprintHex, formatFingerprint } from '../network/pairing.ts';

export type DeviceChannel = 'admin:createPairingCode' | 'admin:listDevices' | 'admin:revokeDevice';

/** `clinicCaPem`: the clinic CA whose fingerprint a kiosk code is shown with (the kiosk checks it before it trusts the server). */
export function deviceHandlers(deps: Pick<CoreDeps, 'devices' | 'handlerOptions'>, clinicCaPem?: () => Promise<string | null>): Pick<HandlerTable, DeviceChannel> {
  const { devices, handlerOptions: options } = deps;
  return {
    'admin:createPairingCode': defineHandler('admin:createPairingCode', options, async (req, { session }) => {
      const created = await devices.createPairingCode({ staffId: session.staffId }, req.kind);
      const caPem = req.kind === 'kiosk' && clinicCaPem ? await clinicCaPem() : null;
      const caFingerprint = caPem ? formatFingerprint(fingerprintHex(caPem)) : null;
      return ok({ code: created.code, kind: req.kind, expiresAt: created.expiresAt, caFingerprint });
    }),

    'admin:listDevices': defineHandler('admin:listDevices', options, async () => ok({ devices: await devices.list() })),

    'admin:revokeDevice': defineHandler('admin:revokeDevice', options, async (req, { session }) => {
      const revoked = await devices.revoke(req.deviceId, { staffId: session.staffId });
      const list = await devices.list();
      if (!revoked && !list.some((d) => d.id === req.deviceId)) return fail('not_found', 'That device is not paired with this server.');
      // Revoking a device that is already revoked changes nothing and is not an error.
      return ok({ devices: list });
    }),
  };
}
