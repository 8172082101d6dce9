/**
 * `GET /api/events`: Server-Sent Events for a paired device with a live staff session. Each
 * queue change (an intake stored, an acknowledgement) sends `event: queue` with no data: the
 * web app reloads the queue through `queue:list` like any call, so the stream itself carries
 * nothing a staff session would not be allowed to read. The device and the session are checked
 * again before every event and every heartbeat: a revoked device or an ended session closes it.
 * The stream never extends the session (the idle log-off still applies).
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { StaffSession } from '../api/contract.ts';
import type { DeviceRegistry } from '../core/devices/registry.ts';
import type { CoreEvents } from '../core/events/queue-events.ts';
import { authenticateDevice, credentialOf, deviceCaller, requireDevice } from './device-auth.ts';
import { refuse } from './http-errors.ts';
import { SECURITY_HEADERS } from './security.ts';

export interface EventRouteOptions {
  readonly devices: DeviceRegistry;
  readonly sessions: { current(callerId: string): StaffSession | null };
  readonly events: CoreEvents;
  /** Comment line this often: keeps proxies and NAT from dropping an idle stream, and re-checks access. */
  readonly heartbeatMs?: number;
}

export const EVENTS_PATH = '/api/events';

export async function registerEventRoute(app: FastifyInstance, options: EventRouteOptions): Promise<void> {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
  });
  app.get(EVENTS_PATH, { onRequest: [requireDevice(options.devices)] }, async (request, reply) => {
    const device = request.pairedDevice;
    const credential = credentialOf(request);
    if (!device || !credential) return refuse(reply, 401, 'not_paired', 'This device is not paired with the clinic server.');
    const callerId = deviceCaller(device).id;
    if (!options.sessions.current(callerId)) return refuse(reply, 401, 'unauthenticated', 'Sign in with your PIN to see the live queue.');

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write('retry: 3000\n: connected\n\n');
    open.add(raw);

    let closed = false;
    const stillAllowed = async () => {
      const now = await authenticateDevice(options.devices, credential);
      return now !== null && now !== 'unavailable' && options.sessions.current(callerId) !== null;
    };
    const close = () => {
      if (closed) return;
      closed = true;
      off();
      clearInterval(heartbeat);
      open.delete(raw);
      raw.end();
    };
    const send = async (chunk: string) => {
      if (closed) return;
      if (!(await stillAllowed())) return close();
      raw.write(chunk);
    };
    const off = options.events.onQueueChanged(() => void send('event: queue\ndata: {}\n\n'));
    const heartbeat = setInterval(() => void send(': ping\n\n'), options.heartbeatMs ?? 15_000);
    heartbeat.unref();
    request.raw.on('close', close);
    raw.on('error', close);
  });
}
