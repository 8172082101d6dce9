/**
 * The kiosk's Transport (transport.ts) to the clinic server over HTTPS:
 *
 *   POST <server origin>/api/<channel>   body: the channel's payload as JSON
 *   Origin: <server origin>              X-Kiosk-Request: 1        (the server's CSRF check)
 *   Cookie: __Host-kiosk-device=<credential>                      (the paired device)
 *
 * node:https with one keep-alive agent (a kiosk sends one intake at a time to one server; no
 * dependency is needed for that). The agent trusts the clinic CA ONLY (`ca`), with Node's
 * usual hostname check: a server certificate that does not chain to the clinic CA or is not
 * for the server's address is refused. The answer is the server's Result, whatever the status
 * (a 401 `not_paired` or a 429 carries one); no Result at all (refused connection, timeout, a
 * 502 page from something in between, an answer over the size bound) throws, which the
 * forwarder counts as "the server could not be reached".
 */
import { Agent } from 'node:https';
import type { Channel, Request, Responses } from '../../api/contract.ts';
import type { Result } from '../../api/result.ts';
import { CSRF_HEADER, DEFAULT_MAX_RESPONSE_BYTES, DEVICE_COOKIE, postJson } from './https-post.ts';
import type { Transport } from './transport.ts';

export interface HttpsTransportOptions {
  /** https://host[:port] of the clinic server (a path, if any, is ignored: the API is at /api/). */
  readonly serverUrl: string;
  /** The clinic root CA (PEM): the only certificate the connection trusts. */
  readonly caPem: string;
  /** The device credential, read when each call is made (the host keeps it sealed). */
  readonly credential: () => Promise<string>;
  /** The whole exchange (connect, TLS, request, answer); default 15 s. */
  readonly timeoutMs?: number;
  /** Largest answer accepted; default 256 KiB. */
  readonly maxResponseBytes?: number;
}

export interface HttpsTransport {
  readonly transport: Transport;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** The characters the server accepts in a credential (server/device-auth.ts): nothing that could end the cookie. */
const CREDENTIAL = /^[A-Za-z0-9._~+/=-]{1,512}$/;
const CHANNEL = /^[a-z]+:[A-Za-z]+$/;

/** The server's origin, or throws: https only. */
export function serverOrigin(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new Error('The clinic server address is not a web address.');
  }
  if (url.protocol !== 'https:') throw new Error('The clinic server address must start with https://.');
  return url.origin;
}

/** A keep-alive agent that trusts only the clinic CA. */
export function clinicAgent(caPem: string): Agent {
  // maxSockets 2: the forwarder sends one at a time; a second socket covers a call made while
  // the first is being torn down. Idle sockets are dropped after the server's own keep-alive
  // hint (Node reads its Keep-Alive header).
  return new Agent({ keepAlive: true, maxSockets: 2, ca: caPem, minVersion: 'TLSv1.2' });
}

export function createHttpsTransport(options: HttpsTransportOptions): HttpsTransport {
  const origin = serverOrigin(options.serverUrl);
  if (!options.caPem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('The clinic CA certificate is missing.');
  const agent = clinicAgent(options.caPem);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  const transport: Transport = async <C extends Channel>(channel: C, payload: Request<C>): Promise<Result<Responses[C]>> => {
    if (!CHANNEL.test(channel)) throw new Error('not a channel name');
    const credential = await options.credential();
    if (!CREDENTIAL.test(credential)) throw new Error('the stored device credential is not valid: pair this kiosk again');
    const result = await postJson({
      agent,
      url: new URL(`/api/${channel}`, origin),
      body: payload,
      headers: { origin, [CSRF_HEADER]: '1', cookie: `${DEVICE_COOKIE}=${credential}` },
      timeoutMs,
      maxResponseBytes,
    });
    // The shape is checked (https-post.ts); the value is the server's answer for this channel.
    return result as Result<Responses[C]>;
  };

  return {
    transport,
    close: async () => {
      agent.destroy();
    },
  };
}
