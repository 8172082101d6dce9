/**
 * Pairing, the only POSTs an unpaired device can make; CSRF-checked like every POST and limited
 * per address (guessing codes costs a minute per few tries). A wrong, used or expired code
 * answers a typed refusal; nothing is written. A database that cannot answer just now (down,
 * or busy past its retries) answers 503 `unavailable` with the core's sentence, never a 500.
 *
 * - `POST /pair` {code, name}: a browser redeems a code an admin created (or the one the server
 *   prints at its first start, first-pairing.ts); the answer sets the device cookie.
 * - `POST /pair/kiosk` {code, name, publicKeyPem}: a lobby kiosk redeems a kiosk code with the
 *   public key of its new signing key; the answer carries its credential (a kiosk is not a
 *   browser: no cookie), its signing certificate and the clinic CA (core/devices/kiosk-pairing.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { fail, ok, type Result } from '../api/result.ts';
import { deviceNameField, KIOSK_PAIR_PATH, kioskPairRequestSchema, pairingCodeField, type KioskPairing } from '../core/devices/kiosk-pairing.ts';
import type { DeviceRegistry, Pairing, PairingRequest } from '../core/devices/registry.ts';
import { CoreError, storeFailure } from '../core/handler.ts';
import { csrfCheck } from './api-routes.ts';
import { deviceCookie } from './device-auth.ts';

export interface PairingRouteOptions {
  readonly devices: DeviceRegistry;
  readonly origins: readonly string[];
  readonly perAddressPerMinute: number;
  readonly onPaired?: (deviceId: string) => void;
}

const pairRequest = z.object({ code: pairingCodeField, name: deviceNameField }).strict();

const WRONG_CODE = 'This pairing code is wrong, expired or already used. Ask an admin for a new code.';

function invalid(reply: FastifyReply, error: z.ZodError) {
  const first = error.issues[0];
  return reply.send(fail('invalid_request', first?.code === 'unrecognized_keys' ? 'Unexpected field in the request.' : (first?.message ?? 'The request was not valid.')));
}

/** A refusal to send as is: the registry's own (a kiosk's code used by a browser, a bad key...), or the store's. */
interface Refusal {
  readonly status: number;
  readonly answer: Result<never>;
}

/**
 * The registry's answer, or a refusal fit to show: its own CoreErrors (200, like a handler's
 * answer), and a store that cannot answer just now (503 `unavailable`, the core's sentence;
 * nothing was used up). Anything else is a bug: the server's 500.
 */
async function redeem(devices: DeviceRegistry, code: string, device: PairingRequest): Promise<Pairing | Refusal | null> {
  try {
    return await devices.redeem(code, device);
  } catch (error) {
    if (error instanceof CoreError) return { status: 200, answer: fail(error.code, error.message) };
    const unavailable = storeFailure(error);
    if (unavailable) return { status: 503, answer: unavailable };
    throw error;
  }
}

const isRefusal = (answer: Pairing | Refusal | null): answer is Refusal => answer !== null && 'answer' in answer;

export async function registerPairingRoutes(app: FastifyInstance, options: PairingRouteOptions): Promise<void> {
  const perAddress = app.rateLimit({ max: options.perAddressPerMinute, timeWindow: 60_000, keyGenerator: (request) => `pair:${request.ip}` });
  const guards = { onRequest: [csrfCheck(options.origins), perAddress] };

  app.post('/pair', guards, async (request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8');
    const parsed = pairRequest.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error);
    const pairing = await redeem(options.devices, parsed.data.code, { name: parsed.data.name, kind: 'browser' });
    if (isRefusal(pairing)) return reply.code(pairing.status).send(pairing.answer);
    if (!pairing) return reply.send(fail('invalid_request', WRONG_CODE));
    options.onPaired?.(pairing.device.id);
    return reply.header('set-cookie', deviceCookie(pairing.credential)).send(ok({ deviceId: pairing.device.id }));
  });

  app.post(KIOSK_PAIR_PATH, guards, async (request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8');
    const parsed = kioskPairRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error);
    const { code, name, publicKeyPem } = parsed.data;
    const pairing = await redeem(options.devices, code, { name, kind: 'kiosk', publicKeyPem });
    if (isRefusal(pairing)) return reply.code(pairing.status).send(pairing.answer);
    if (!pairing) return reply.send(fail('invalid_request', WRONG_CODE));
    if (!pairing.certificatePem || !pairing.caCertificatePem) return reply.code(503).send(fail('unavailable', 'This server cannot issue kiosk certificates.'));
    options.onPaired?.(pairing.device.id);
    const answer: KioskPairing = { deviceId: pairing.device.id, credential: pairing.credential, certificatePem: pairing.certificatePem, caCertificatePem: pairing.caCertificatePem };
    return reply.send(ok(answer));
  });
}
