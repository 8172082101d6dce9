/**
 * window.kiosk over HTTPS to the clinic server: each channel is POST /api/<channel> with the
 * payload as JSON, the custom CSRF header, and the device cookie (same origin, HttpOnly: this
 * code never sees it). Every answer, a refusal included, is the server's typed Result; only a
 * broken connection rejects (the data hooks show that as "could not be reached").
 * The live queue is one EventSource on /api/events, shared by every subscriber.
 */
import type { LiveUpdates } from '../../../api/bridge.ts';
import type { Channel } from '../../../api/contract.ts';
import type { Result } from '../../../api/result.ts';

const HEADERS = { 'content-type': 'application/json', 'x-kiosk-request': '1' } as const;

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, { method: 'POST', headers: HEADERS, credentials: 'same-origin', body: JSON.stringify(body ?? {}) });
  // Every answer of the server, 4xx included, is a typed Result; anything else is a broken connection.
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

const unpairedListeners = new Set<() => void>();

/**
 * Called whenever an answer says this browser is not a paired device (an admin revoked it, or it
 * never was): the web app closes the staff screens, and the client data on them, at once.
 */
export function onUnpaired(listener: () => void): () => void {
  unpairedListeners.add(listener);
  return () => {
    unpairedListeners.delete(listener);
  };
}

const isNotPaired = (answer: unknown): boolean => {
  const error = (answer as { ok?: unknown; error?: { code?: unknown } } | null)?.error;
  return (answer as { ok?: unknown } | null)?.ok === false && error?.code === 'not_paired';
};

export async function httpInvoke(channel: Channel, request: unknown): Promise<unknown> {
  const answer = await post(`/api/${channel}`, request);
  if (isNotPaired(answer)) for (const listener of [...unpairedListeners]) listener();
  return answer;
}

/** Redeems an admin's pairing code: the server sets the device cookie. */
export function pairDevice(code: string, name: string): Promise<Result<{ readonly deviceId: string }>> {
  return post('/pair', { code, name }) as Promise<Result<{ readonly deviceId: string }>>;
}

const RETRY_MS = 5_000;

/** One EventSource while anyone listens; closed when the last listener leaves. */
export function createQueueStream(url = '/api/events'): LiveUpdates {
  const listeners = new Set<() => void>();
  let source: EventSource | null = null;
  let retry: number | undefined;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const open = () => {
    window.clearTimeout(retry);
    if (listeners.size === 0 || source) return;
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    let opened = false;
    es.addEventListener('queue', notify);
    es.addEventListener('open', () => {
      // After a reconnect something may have changed meanwhile: reload once.
      if (opened) notify();
      opened = true;
    });
    es.addEventListener('error', () => {
      // Refused (no session yet, a lapsed one) or the server restarted: the browser gives up on a
      // refusal, so try again a little later while someone still listens.
      if (es.readyState === EventSource.CLOSED) {
        source = null;
        retry = window.setTimeout(open, RETRY_MS);
      }
    });
  };
  return {
    onQueueChanged(listener) {
      const entry = () => listener();
      listeners.add(entry);
      open();
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0) {
          window.clearTimeout(retry);
          source?.close();
          source = null;
        }
      };
    },
  };
}
