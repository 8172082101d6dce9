/**
 * Headers and request checks every response and request of the clinic server gets.
 *
 * - Security headers: HSTS, the kiosk's strict CSP (core/csp.ts WEB_APP_CSP: the same policy
 *   but `connect-src 'self'` for window.kiosk's fetch), nosniff, no referrer, no framing,
 *   same-origin opener and resource policy, no powerful features, no caching of API answers.
 * - CSRF: every POST must carry an Origin equal to one of the server's own origins AND the
 *   custom header `X-Kiosk-Request: 1` (a cross-site form cannot set it; a cross-site fetch
 *   with it needs a CORS preflight this server never grants). The Host must be one of the
 *   server's names too (DNS rebinding).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WEB_APP_CSP } from '../core/csp.ts';

export const CSRF_HEADER = 'x-kiosk-request';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=31536000',
  'content-security-policy': WEB_APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()',
};

export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  // Answers and pages may hold health data (the API) or must pick up a new build (the app shell).
  if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
}

/** The origin this request came from when it is one of ours; null otherwise. */
export function ownOrigin(request: FastifyRequest, origins: readonly string[]): string | null {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origins.includes(origin) ? origin : null;
}

/** True when `host` (the Host header) names this server: one of its origins' host[:port]. */
export function isOwnHost(host: string | undefined, origins: readonly string[]): boolean {
  if (!host) return false;
  return origins.some((o) => new URL(o).host === host.toLowerCase());
}

/** The CSRF defence: Origin is ours and the custom header is present. */
export function passesCsrf(request: FastifyRequest, origins: readonly string[]): boolean {
  return ownOrigin(request, origins) !== null && request.headers[CSRF_HEADER] === '1';
}
