/**
 * One JSON POST over HTTPS to the clinic server, verified against the clinic CA only (the
 * agent's `ca`; Node's usual hostname check), with a deadline for the whole exchange and a
 * bound on the answer's size. Shared by the kiosk's transport (https-transport.ts) and its
 * pairing (pairing.ts). The answer is parsed as an api/result.ts Result; anything else (no
 * connection, a timeout, a certificate not from the clinic CA, a proxy's HTML page) throws an
 * Error whose message a person can read in the staff banner ("could not be reached (...)").
 */
import { request, type Agent } from 'node:https';
import { z } from 'zod';
import type { ApiErrorCode, Result } from '../../api/result.ts';

/** The header the clinic server's CSRF check wants on every POST (server/security.ts CSRF_HEADER). */
export const CSRF_HEADER = 'x-kiosk-request';
/** The clinic server's device cookie (server/device-auth.ts DEVICE_COOKIE). */
export const DEVICE_COOKIE = '__Host-kiosk-device';
/** Answers are small receipts; anything bigger is not the clinic server talking. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

// A Record keyed by the union: adding an error code to api/result.ts without it here fails to typecheck.
const CODES: Record<ApiErrorCode, true> = {
  invalid_request: true,
  forbidden_sender: true,
  unauthenticated: true,
  forbidden: true,
  locked_out: true,
  not_found: true,
  conflict: true,
  unavailable: true,
  not_paired: true,
  rate_limited: true,
  internal: true,
};

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(Object.keys(CODES) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string().min(1).max(1_000),
      issues: z.array(z.object({ path: z.string().max(500), message: z.string().max(1_000) })).max(100).optional(),
      retryAt: z.string().max(40).optional(),
    }),
  }),
]);

export interface PostOptions {
  readonly agent: Agent;
  readonly url: URL;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxResponseBytes?: number;
}

/** Sentences for what a person can do something about; the rest keep Node's short code. */
function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused: is the clinic server running?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the server address was not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the network does not reach the server';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was cut';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return "the server's certificate is not for this address";
    case 'CERT_HAS_EXPIRED':
      return "the server's certificate has expired";
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'CERT_SIGNATURE_FAILURE':
      return "the server's certificate is not from this clinic's CA";
    default:
      return error.code ? `connection error ${error.code}` : 'connection error';
  }
}

export class ServerAnswerError extends Error {
  override readonly name = 'ServerAnswerError';
}

/** One attempt: the parsed Result, or throws ServerAnswerError / the socket's error. */
function postOnce(options: PostOptions): Promise<{ result: Result<unknown>; status: number }> {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const body = JSON.stringify(options.body ?? {});
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      fn();
    };
    const req = request(
      options.url,
      {
        method: 'POST',
        agent: options.agent,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), accept: 'application/json', ...options.headers },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          req.destroy(new ServerAnswerError(`the answer was too large (HTTP ${status})`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) req.destroy(new ServerAnswerError(`the answer was too large (HTTP ${status})`));
          else chunks.push(chunk);
        });
        res.on('error', (error) => done(() => reject(error)));
        res.on('end', () =>
          done(() => {
            let json: unknown;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              reject(new ServerAnswerError(`the answer was not the clinic server's (HTTP ${status})`));
              return;
            }
            const parsed = resultSchema.safeParse(json);
            if (!parsed.success) reject(new ServerAnswerError(`the answer was not the clinic server's (HTTP ${status})`));
            else resolve({ result: parsed.data as Result<unknown>, status });
          }),
        );
      },
    );
    const deadline = setTimeout(() => req.destroy(new ServerAnswerError(`no answer within ${Math.max(1, Math.round(options.timeoutMs / 1000))} s`)), options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => done(() => reject(Object.assign(error, { reusedSocket: req.reusedSocket }))));
    req.end(body);
  });
}

/**
 * POSTs `body` as JSON and answers the server's Result, whatever the HTTP status (a refusal
 * before any handler, 401 not_paired or 429 rate_limited, carries one too). Throws when there
 * is no Result: the forwarder counts that as "the server could not be reached".
 *
 * A kept-alive socket the server closed just as it was reused (ECONNRESET before any answer) is
 * retried once on a new connection, as Node's documentation advises; the kiosk's calls are
 * idempotent (intake:forward by its submission id, a pairing code is single-use).
 */
export async function postJson(options: PostOptions): Promise<Result<unknown>> {
  try {
    return (await postOnce(options)).result;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
    if (!(e.reusedSocket && e.code === 'ECONNRESET')) throw readable(error);
  }
  try {
    return (await postOnce(options)).result;
  } catch (again) {
    throw readable(again);
  }
}

function readable(error: unknown): Error {
  if (error instanceof ServerAnswerError) return error;
  if (error instanceof Error) return new Error(describe(error as NodeJS.ErrnoException));
  return new Error('connection error');
}
