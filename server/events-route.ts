/**
 * `GET /api/events`: Server-Sent Events for a paired device with a live staff session. Each
 * queue change (an intake stored, an acknowledgement) sends `event: queue` with no data: the
 * web app reloads the queue through `queue:list` like any call, so the stream itself carries
 * nothing a staff session would not be allowed to read. The stream closes within seconds once
 * its device is revoked or its staff session ends: at once when the core says a session ended
 * (log-off, lock, a revoked device: `onAccessChanged`), and by a check of the device and the
 * session every few seconds (an idle log-off has no moment of its own); a check that gets no
 * answer counts as a refusal. The stream never extends the session (the idle log-off still applies).
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
  /** Comment line this often: keeps proxies and NAT from dropping an idle stream. */
  readonly heartbeatMs?: number;
}

const HEARTBEAT_MS = 15_000;
/** The device and the session are checked at least this often (and at each heartbeat, event and session end). */
const ACCESS_CHECK_MS = 5_000;

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
    let checking: Promise<boolean> | null = null;
    const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    const checkEveryMs = Math.min(heartbeatMs, ACCESS_CHECK_MS);
    const askAccess = async () => {
      const now = await authenticateDevice(options.devices, credential);
      return now !== null && now !== 'unavailable' && options.sessions.current(callerId) !== null;
    };
    /** One check at a time; no answer within ACCESS_CHECK_MS is a refusal (a hung database keeps nothing open). */
    const stillAllowed = (): Promise<boolean> => {
      checking ??= new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ACCESS_CHECK_MS);
        timer.unref();
        askAccess().then(resolve, () => resolve(false)).finally(() => clearTimeout(timer));
      }).finally(() => {
        checking = null;
      });
      return checking;
    };
    const close = () => {
      if (closed) return;
      closed = true;
      offQueue();
      offAccess();
      clearInterval(heartbeat);
      clearInterval(recheck);
      open.delete(raw);
      raw.end();
    };
    const check = async (): Promise<boolean> => {
      if (closed) return false;
      const allowed = await stillAllowed();
      if (!allowed) close();
      return allowed && !closed;
    };
    const send = async (chunk: string) => {
      if (await check()) raw.write(chunk);
    };
    const offQueue = options.events.onQueueChanged(() => void send('event: queue\ndata: {}\n\n'));
    const offAccess = options.events.onAccessChanged(() => void check());
    const heartbeat = setInterval(() => void send(': ping\n\n'), heartbeatMs);
    const recheck = setInterval(() => void check(), checkEveryMs);
    heartbeat.unref();
    recheck.unref();
    request.raw.on('close', close);
    raw.on('error', close);
  });
}
