/**
 * Transport refusals: the same `{ ok: false, error: { code, message } }` shape a handler
 * answers, with a 4xx status. Handler answers are always 200 (api-routes.ts); these are for
 * what never reaches a handler (no paired device, CSRF, size, bad JSON, rate limit).
 */
import type { FastifyReply } from 'fastify';
import { fail, type ApiErrorCode } from '../api/result.ts';

export function refuse(reply: FastifyReply, status: number, code: ApiErrorCode, message: string, retryAt?: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(fail(code, message, retryAt ? { retryAt } : {}));
}

export const MESSAGES = {
  devicesUnavailable: 'The clinic server cannot check paired devices right now. Try again in a moment.',
  notPaired: 'This device is not paired with the clinic server. Ask an admin for a pairing code.',
  csrf: 'This request did not come from the clinic web app. Reload the page and try again.',
  tooLarge: 'The request is too large.',
  badJson: 'The request was not valid JSON.',
  mediaType: 'Requests to the clinic server must be JSON.',
  unknownChannel: 'The clinic server has no such request.',
  kioskOnly: 'This can only be done at the lobby kiosk.',
  rateLimited: 'Too many requests from this device. Wait a moment and try again.',
  notFound: 'There is nothing at this address.',
  internal: 'Something went wrong on the clinic server. Please try again.',
} as const;
