/**
 * `POST /api/<channel>`: the same typed contract as the kiosk's IPC, over HTTPS. The JSON body
 * is the channel's payload; the SAME core handler table answers it, with the server's own
 * origin as the sender URL and the paired device as the caller (one staff session per device).
 * A handler's answer is always 200 with its Result; transport refusals (no device, CSRF, size,
 * JSON, unknown or kiosk-only channel, rate limit) are 4xx with the same Result shape.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { specs, type Channel } from '../api/contract.ts';
import type { DeviceRegistry } from '../core/devices/registry.ts';
import type { CallContext, HandlerTable } from '../core/handler.ts';
import { deviceCaller, requireDevice } from './device-auth.ts';
import { MESSAGES, refuse } from './http-errors.ts';
import { ownOrigin, passesCsrf } from './security.ts';

export interface ApiRouteOptions {
  readonly handlers: HandlerTable;
  readonly devices: DeviceRegistry;
  readonly origins: readonly string[];
  /** Requests per device per minute (after the per-address limit). */
  readonly perDevicePerMinute: number;
}

const isChannel = (value: string): value is Channel => Object.hasOwn(specs, value);

/** Channels only the lobby kiosk's own window may call (the client's intake, leaving kiosk mode). */
export function isKioskOnly(channel: Channel): boolean {
  const { access } = specs[channel];
  return access === 'kiosk' || access === 'kiosk-admin';
}

export function csrfCheck(origins: readonly string[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!passesCsrf(request, origins)) return refuse(reply, 403, 'forbidden_sender', MESSAGES.csrf);
  };
}

export async function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): Promise<void> {
  const perDevice = app.rateLimit({
    max: options.perDevicePerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `device:${request.pairedDevice?.id ?? 'none'}`,
  });
  app.post<{ Params: { channel: string } }>(
    '/api/:channel',
    { onRequest: [csrfCheck(options.origins), requireDevice(options.devices), perDevice] },
    async (request, reply) => {
      const { channel } = request.params;
      if (!isChannel(channel)) return refuse(reply, 404, 'not_found', MESSAGES.unknownChannel);
      if (isKioskOnly(channel)) return refuse(reply, 403, 'forbidden', MESSAGES.kioskOnly);
      const device = request.pairedDevice;
      const origin = ownOrigin(request, options.origins);
      if (!device || !origin) return refuse(reply, 403, 'forbidden_sender', MESSAGES.csrf); // the hooks above made sure
      const handler = options.handlers[channel] as (payload: unknown, ctx: CallContext) => Promise<unknown>;
      const result = await handler(request.body ?? {}, { senderUrl: `${origin}/`, caller: deviceCaller(device) });
      return reply.code(200).header('content-type', 'application/json; charset=utf-8').send(result);
    },
  );
}
