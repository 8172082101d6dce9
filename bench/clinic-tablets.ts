/**
 * The clinic's staff side for bench/clinic-load.ts, over HTTPS: the front-desk PC pairs with the
 * first code, creates the first admin (staff:setup) and the pairing codes for everything else
 * (admin:createPairingCode), as an admin does in Admin > Devices. Then `tablets` browsers pair,
 * sign in with a PIN and hold the live queue open (GET /api/events), each from its own loopback
 * address. With `reload`, a tablet does what the web app's queue screen does on events, with
 * the web app's own coalescing (renderer/src/data/coalesce-reloads.ts): reloads today's queue
 * (queue:list, limit 500), a burst of events within 300 ms as one reload, one reload at a time
 * (events during a reload ask for exactly one more), and after reopening a stream the server
 * ended; it notes when each intake first appears in it.
 */
import type { QueueItem } from '../api/contract.ts';
import { createReloadCoalescer } from '../renderer/src/data/coalesce-reloads.ts';
import { LIVE_RELOAD_MAX_WAIT_MS, LIVE_RELOAD_WINDOW_MS } from '../renderer/src/data/live-reload-timing.ts';
import { openQueueStream, pairBrowser, staffCall, wallNow, type Endpoint, type QueueStream } from './clinic-https.ts';

const PIN = '73915024';

export interface Clinic {
  /** The front-desk PC's endpoint and cookie (an admin is signed in on it). */
  readonly admin: { readonly ep: Endpoint; readonly cookie: string };
  pairingCode(kind: 'browser' | 'kiosk'): Promise<string>;
}

export interface Tablet {
  readonly stream: QueueStream;
  /** When each submission id first appeared in a reloaded queue (wall clock, ms). */
  readonly seen: Map<string, number>;
  /** Reloads done, and reloads refused (the error codes, e.g. rate_limited). */
  readonly reloads: { done: number; failed: Map<string, number> };
  /** Resolves when no reload is running or asked for. */
  idle(): Promise<void>;
}

/** 127.0.0.N for device `n` (1-based; 127.0.0.1 is left to the kiosks and the server). */
export const loopback = (n: number): string => `127.0.0.${n + 1}`;

export async function setUpClinic(origin: string, caPem: string, firstCode: string): Promise<Clinic> {
  const ep: Endpoint = { origin, caPem, localAddress: loopback(1) };
  const cookie = await pairBrowser(ep, firstCode, 'Front desk PC');
  await staffCall(ep, 'staff:setup', { name: 'Bench Admin', pin: PIN }, cookie);
  // A run can outlast the default 5-minute log-off; the tablets' streams end with their sessions.
  await staffCall(ep, 'admin:updateSettings', { autoLogoffMinutes: 60 }, cookie);
  return {
    admin: { ep, cookie },
    pairingCode: async (kind) => (await staffCall<{ code: string }>(ep, 'admin:createPairingCode', { kind }, cookie)).code,
  };
}

function todayRange(now = new Date()): { since: string; before: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { since: start.toISOString(), before: end.toISOString() };
}

export async function openTablet(clinic: Clinic, n: number, reload: boolean): Promise<Tablet> {
  const ep: Endpoint = { ...clinic.admin.ep, localAddress: loopback(n) };
  const cookie = await pairBrowser(ep, await clinic.pairingCode('browser'), `Room ${n} tablet`);
  const roster = await staffCall<{ staffId: string }[]>(ep, 'staff:roster', {}, cookie);
  const staffId = roster[0]?.staffId;
  if (!staffId) throw new Error('the staff roster is empty');
  await staffCall(ep, 'staff:login', { staffId, pin: PIN }, cookie);
  const seen = new Map<string, number>();
  const reloads = { done: 0, failed: new Map<string, number>() };
  const reloadOnce = async () => {
    try {
      const { items } = await staffCall<{ items: readonly QueueItem[] }>(ep, 'queue:list', { ...todayRange(), status: 'all', limit: 500 }, cookie);
      const at = wallNow();
      for (const item of items) if (!seen.has(item.submissionId)) seen.set(item.submissionId, at);
      reloads.done++;
    } catch (error) {
      const code = /\(HTTP \d+, ([a-z_]+)\)/.exec(String(error))?.[1] ?? 'no answer';
      reloads.failed.set(code, (reloads.failed.get(code) ?? 0) + 1);
    }
  };
  const coalescer = createReloadCoalescer({ reload: reloadOnce, windowMs: LIVE_RELOAD_WINDOW_MS, maxWaitMs: LIVE_RELOAD_MAX_WAIT_MS });
  const requestReload = coalescer.changed;
  const stream = openQueueStream(ep, cookie, reload ? requestReload : undefined, reload ? requestReload : undefined);
  await stream.opened;
  return { stream, seen, reloads, idle: coalescer.idle };
}
