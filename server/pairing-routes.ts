/**
 * `POST /pair` {code, name}: redeems a single-use pairing code an admin created and sets the
 * device cookie. The only POST an unpaired browser can make; CSRF-checked like every POST and
 * limited per address (guessing codes costs a minute per few tries). A wrong, used or expired
 * code answers a typed refusal; nothing is written.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, ok } from '../api/result.ts';
import type { DeviceRegistry, Pairing } from '../core/devices/registry.ts';
import { CoreError } from '../core/handler.ts';
import { csrfCheck } from './api-routes.ts';
import { deviceCookie } from './device-auth.ts';

export interface PairingRouteOptions {
  readonly devices: DeviceRegistry;
  readonly origins: readonly string[];
  readonly perAddressPerMinute: number;
  readonly onPaired?: (deviceId: string) => void;
}

const pairRequest = z
  .object({
    code: z.string().trim().min(4, 'Enter the pairing code.').max(64),
    name: z.string().trim().min(1, 'Give this device a name, such as "Room 2 tablet".').max(60),
  })
  .strict();

export async function registerPairingRoutes(app: FastifyInstance, options: PairingRouteOptions): Promise<void> {
  const perAddress = app.rateLimit({ max: options.perAddressPerMinute, timeWindow: 60_000, keyGenerator: (request) => `pair:${request.ip}` });
  app.post('/pair', { onRequest: [csrfCheck(options.origins), perAddress] }, async (request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8');
    const parsed = pairRequest.safeParse(request.body ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return reply.send(fail('invalid_request', first?.code === 'unrecognized_keys' ? 'Unexpected field in the request.' : (first?.message ?? 'The request was not valid.')));
    }
    let pairing: Pairing | null;
    try {
      pairing = await options.devices.redeem(parsed.data.code, { name: parsed.data.name, kind: 'browser' });
    } catch (error) {
      // The registry's own refusals (a kiosk's code used by a browser...) carry a message fit to show.
      if (error instanceof CoreError) return reply.send(fail(error.code, error.message));
      throw error;
    }
    if (!pairing) return reply.send(fail('invalid_request', 'This pairing code is wrong, expired or already used. Ask an admin for a new code.'));
    options.onPaired?.(pairing.device.id);
    return reply.header('set-cookie', deviceCookie(pairing.credential)).send(ok({ deviceId: pairing.device.id }));
  });
}
