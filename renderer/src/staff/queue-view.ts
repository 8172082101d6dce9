/**
 * The queue's client-side shaping: local days as the instants the query filters by, and
 * the order therapists asked for (unacknowledged first, then newest first).
 */
import type { QueueItem, Severity } from '../../../api/contract.ts';

export const SEVERITIES: readonly Severity[] = ['stop', 'clearance', 'modify', 'info'];

/** YYYY-MM-DD of `date` in the kiosk's local time zone. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `iso` (YYYY-MM-DD) moved by `days`. */
export function shiftIsoDate(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return localIsoDate(d);
}

/**
 * The local days `from`..`to` (YYYY-MM-DD, inclusive) as the instants queue:list filters by:
 * local midnight of the first day up to local midnight after the last. A local day is not
 * always 24 hours (daylight-saving changes), and it rarely matches a UTC date.
 */
export function localDayRange(from: string, to: string): { readonly since: string; readonly before: string } {
  return { since: new Date(`${from}T00:00:00`).toISOString(), before: new Date(`${shiftIsoDate(to, 1)}T00:00:00`).toISOString() };
}

/** Unacknowledged first; within each group newest first. Does not mutate. */
export function queueOrder<T extends Pick<QueueItem, 'status' | 'createdAt'>>(items: readonly T[]): T[] {
  const rank = (s: T['status']) => (s === 'new' ? 0 : 1);
  return [...items].sort((a, b) => rank(a.status) - rank(b.status) || b.createdAt.localeCompare(a.createdAt));
}
