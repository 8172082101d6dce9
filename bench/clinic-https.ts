/**
 * The "tablet" side of the clinic-network bench (bench/clinic-load.ts): what a paired browser
 * does, from Node. Each device connects from its own loopback address (127.0.0.N, as each tablet
 * has its own LAN address), so the server's per-address limits apply per device as in a clinic.
 * Every connection verifies the server's certificate against the clinic CA.
 *
 *   pairBrowser -> cookie; staffCall(channel) -> Result; openQueueStream -> one SSE stream,
 *   the arrival time of every `event: queue` on the shared wall clock (wallNow).
 */
import { request, type RequestOptions } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';

/**
 * Milliseconds on the clock every process on this machine shares, the server's included (its
 * audit entries' times are Date-based): Date.now(), millisecond resolution.
 */
export const wallNow = (): number => Date.now();

export interface Endpoint {
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  readonly caPem: string;
  /** The device's own source address (127.0.0.N). */
  readonly localAddress: string;
}

export interface Answer {
  readonly status: number;
  readonly setCookie: readonly string[];
  readonly body: unknown;
}

function options(ep: Endpoint, method: string, headers: Record<string, string>): RequestOptions {
  return { method, headers, ca: ep.caPem, agent: false, localAddress: ep.localAddress };
}

/** A POST as the web app sends it (JSON, the CSRF header, its own origin, the device cookie). */
export function post(ep: Endpoint, path: string, payload: unknown, cookie?: string): Promise<Answer> {
  const body = JSON.stringify(payload ?? {});
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kiosk-request': '1', origin: ep.origin, ...(cookie ? { cookie } : {}) };
  return new Promise((resolve, reject) => {
    const req = request(`${ep.origin}${path}`, options(ep, 'POST', headers), (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // left as text: the caller reports it
        }
        resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

type Ok<T> = { ok: true; value: T };
const isOk = <T>(body: unknown): body is Ok<T> => typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true;

/** The value of an ok Result, or throws with the server's own message (never a payload). */
export async function staffCall<T>(ep: Endpoint, channel: string, payload: unknown, cookie: string): Promise<T> {
  const answer = await post(ep, `/api/${channel}`, payload, cookie);
  if (isOk<T>(answer.body)) return answer.body.value;
  const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
  throw new Error(`${channel} refused (HTTP ${answer.status}, ${error?.code ?? 'no code'}): ${error?.message ?? String(answer.body).slice(0, 120)}`);
}

/** Redeems a browser pairing code; the device cookie header value. */
export async function pairBrowser(ep: Endpoint, code: string, name: string): Promise<string> {
  const answer = await post(ep, '/pair', { code, name });
  const cookie = answer.setCookie[0]?.split(';')[0];
  if (!isOk(answer.body) || !cookie) throw new Error(`pairing ${name} failed (HTTP ${answer.status}): ${JSON.stringify(answer.body).slice(0, 200)}`);
  return cookie;
}

/** One connection of a queue stream: from the moment it was open (the server's first comment) to its end. */
export interface StreamSegment {
  readonly from: number;
  to: number | null;
  /** Wall-clock arrival time of each `event: queue` on this connection, in order. */
  readonly events: number[];
}

export interface QueueStream {
  readonly segments: readonly StreamSegment[];
  /** Every event on every connection, in order. */
  events(): number[];
  /** Resolves once the first connection is open. */
  readonly opened: Promise<void>;
  /** Why each connection the server (or the network) ended before close() was called. */
  readonly drops: readonly string[];
  close(): void;
}

/** What EventSource waits before reconnecting: the server's `retry:` (server/events-route.ts). */
const RETRY_MS = 3_000;

/**
 * GET /api/events with the device cookie, held open and reopened as a browser's EventSource does
 * (after RETRY_MS when the server ends it or the connection fails). `onEvent` after each queue
 * event; `onReopen` after a reconnection (the web app then reloads the queue once).
 */
export function openQueueStream(ep: Endpoint, cookie: string, onEvent?: () => void, onReopen?: () => void): QueueStream {
  const segments: StreamSegment[] = [];
  const drops: string[] = [];
  let closing = false;
  let req: ClientRequest | null = null;
  let res: IncomingMessage | null = null;
  let retry: NodeJS.Timeout | undefined;
  let markOpened: () => void = () => {};
  let failFirst: (error: Error) => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    markOpened = resolve;
    failFirst = reject;
  });
  const connect = () => {
    let segment: StreamSegment | null = null;
    let over = false;
    const dropped = (why: string) => {
      if (over) return;
      over = true;
      if (segment) segment.to = wallNow();
      if (closing) return;
      drops.push(why);
      if (segments.length === 0) return failFirst(new Error(`the live queue could not be opened: ${why}`));
      retry = setTimeout(connect, RETRY_MS);
    };
    req = request(`${ep.origin}/api/events`, options(ep, 'GET', { accept: 'text/event-stream', cookie }), (r) => {
      res = r;
      if (r.statusCode !== 200) {
        r.resume();
        return dropped(`refused (HTTP ${r.statusCode ?? 0})`);
      }
      r.setEncoding('utf8');
      let buffer = '';
      r.on('data', (chunk: string) => {
        const at = wallNow();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (segment && frame.split('\n').some((line) => line === 'event: queue')) {
            segment.events.push(at);
            onEvent?.();
          } else if (!segment && frame.includes(': connected')) {
            segment = { from: at, to: null, events: [] };
            segments.push(segment);
            if (segments.length === 1) markOpened();
            else onReopen?.();
          }
          end = buffer.indexOf('\n\n');
        }
      });
      r.on('end', () => dropped('the server ended the stream'));
      r.on('error', (error: Error) => dropped(error.message));
    });
    req.on('error', (error: Error) => dropped(error.message));
    req.end();
  };
  connect();
  return {
    segments,
    events: () => segments.flatMap((s) => s.events),
    opened,
    drops,
    close() {
      closing = true;
      clearTimeout(retry);
      (res as IncomingMessage | null)?.destroy();
      (req as ClientRequest | null)?.destroy();
    },
  };
}
