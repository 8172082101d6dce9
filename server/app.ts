/**
 * The clinic server's HTTPS application: a thin host over one core's handler table.
 *
 *   buildServerApp({ handlers, devices, sessions, events, origins, tls, webRoot }) -> Fastify
 *
 * Layers of every request, in order: the Host must be one of the server's names; a limit per
 * address; then per route: CSRF (Origin + X-Kiosk-Request on every POST), a paired device, a
 * limit per device; a JSON body of at most MAX_PAYLOAD_BYTES; the core's own boundary
 * (core/handler.ts) after that. Slow clients: headers within HEADERS_TIMEOUT_MS, the whole
 * request within REQUEST_TIMEOUT_MS. Security headers on everything (security.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { StaffSession } from '../api/contract.ts';
import type { DeviceRegistry } from '../core/devices/registry.ts';
import type { CoreEvents } from '../core/events/queue-events.ts';
import { MAX_PAYLOAD_BYTES, type HandlerTable } from '../core/handler.ts';
import { registerApiRoutes } from './api-routes.ts';
import { registerEventRoute } from './events-route.ts';
import { MESSAGES, refuse } from './http-errors.ts';
import type { ServerLog } from './log.ts';
import { registerPairingRoutes } from './pairing-routes.ts';
import { applySecurityHeaders, isOwnHost } from './security.ts';

export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** The staff web app's page in the renderer build (vite.config.ts). */
export const WEB_APP_PAGE = 'web.html';

export interface ServerLimits {
  readonly perAddressPerMinute: number;
  readonly perDevicePerMinute: number;
  readonly pairPerAddressPerMinute: number;
}

export const DEFAULT_LIMITS: ServerLimits = { perAddressPerMinute: 1_200, perDevicePerMinute: 600, pairPerAddressPerMinute: 10 };

export interface ServerAppOptions {
  readonly handlers: HandlerTable;
  readonly devices: DeviceRegistry;
  readonly sessions: { current(callerId: string): StaffSession | null };
  readonly events: CoreEvents;
  /** The server's own origins (a live list: see origins.ts). */
  readonly origins: readonly string[];
  readonly tls: { readonly key: string; readonly cert: string };
  /** The built renderer (dist/renderer); null serves the API only. */
  readonly webRoot: string | null;
  readonly log: ServerLog;
  readonly limits?: Partial<ServerLimits>;
  readonly heartbeatMs?: number;
  /** Tests only: a shorter deadline for the request headers (default HEADERS_TIMEOUT_MS). */
  readonly headersTimeoutMs?: number;
}

export async function buildServerApp(options: ServerAppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const headersTimeoutMs = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const app = Fastify({
    // https.createServer takes http.Server options too: how long headers may take, and how
    // often Node looks for connections past it (its default, 30 s, would let a slow-loris
    // client hold a socket that long after its deadline).
    https: {
      key: options.tls.key,
      cert: options.tls.cert,
      minVersion: 'TLSv1.2',
      headersTimeout: headersTimeoutMs,
      connectionsCheckingInterval: Math.min(2_000, headersTimeoutMs),
    } as Record<string, unknown> as { key: string; cert: string },
    logger: false,
    bodyLimit: MAX_PAYLOAD_BYTES,
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeoutMs),
    connectionTimeout: 0,
    keepAliveTimeout: 5_000,
    trustProxy: false,
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  // Slow-loris: a client that dribbles its headers is cut off (Node's default is 60 s).
  app.server.headersTimeout = headersTimeoutMs;
  app.decorateRequest('pairedDevice', null);

  app.addHook('onRequest', async (request, reply) => {
    applySecurityHeaders(request, reply);
    if (!isOwnHost(request.headers.host, options.origins)) return refuse(reply, 421, 'forbidden_sender', 'This server does not answer for that host name.');
  });
  await app.register(rateLimit, {
    global: true,
    max: limits.perAddressPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'rate_limited', retryAfterMs: context.ttl }),
  });
  app.addHook('onResponse', async (request, reply) => {
    const channel = (request.params as { channel?: unknown } | undefined)?.channel;
    options.log.info('request', {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      ...(typeof channel === 'string' && /^[a-z]+:[A-Za-z]+$/.test(channel) ? { channel } : {}),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });
  app.setErrorHandler((error: FastifyError & { retryAfterMs?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) {
      const retryAt = new Date(Date.now() + (error.retryAfterMs ?? 60_000)).toISOString();
      return refuse(reply, 429, 'rate_limited', MESSAGES.rateLimited, retryAt);
    }
    if (status === 413) return refuse(reply, 413, 'invalid_request', MESSAGES.tooLarge);
    if (status === 415) return refuse(reply, 415, 'invalid_request', MESSAGES.mediaType);
    if (status >= 400 && status < 500) return refuse(reply, 400, 'invalid_request', MESSAGES.badJson);
    options.log.warn('internal', { code: typeof error.code === 'string' ? error.code : 'unknown' });
    return refuse(reply, 500, 'internal', MESSAGES.internal);
  });
  app.setNotFoundHandler((_request, reply) => refuse(reply, 404, 'not_found', MESSAGES.notFound));

  await registerPairingRoutes(app, { devices: options.devices, origins: options.origins, perAddressPerMinute: limits.pairPerAddressPerMinute });
  await registerEventRoute(app, { devices: options.devices, sessions: options.sessions, events: options.events, heartbeatMs: options.heartbeatMs });
  await registerApiRoutes(app, { handlers: options.handlers, devices: options.devices, origins: options.origins, perDevicePerMinute: limits.perDevicePerMinute });

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, WEB_APP_PAGE))) {
    // The build's assets; the kiosk's own page (index.html) is not served: no client intake here.
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      wildcard: true,
      dotfiles: 'deny',
      allowedPath: (path) => path !== '/index.html',
      cacheControl: false,
    });
    app.get('/', (_request, reply) => reply.sendFile(WEB_APP_PAGE));
  } else if (webRoot) {
    // The API still answers; browsers get a 404 until the web app is built.
    options.log.warn('webapp.missing', { hint: 'run npm run build:renderer' });
  }
  return app;
}
