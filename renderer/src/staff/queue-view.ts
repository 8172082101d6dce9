/**
 * The queue's client-side shaping of already-listed fields: local-day filtering and
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
 * The main process filters by UTC date; a local "today" can span two UTC dates. So the
 * query asks one day wider on each side and this keeps the items of the local days.
 */
export function widenedRange(from: string, to: string): { readonly from: string; readonly to: string } {
  return { from: shiftIsoDate(from, -1), to: shiftIsoDate(to, 1) };
}

export function inLocalRange(item: Pick<QueueItem, 'createdAt'>, from: string, to: string): boolean {
  const day = localIsoDate(new Date(item.createdAt));
  return day >= from && day <= to;
}

/** Unacknowledged first; within each group newest first. Does not mutate. */
export function queueOrder<T extends Pick<QueueItem, 'status' | 'createdAt'>>(items: readonly T[]): T[] {
  const rank = (s: T['status']) => (s === 'new' ? 0 : 1);
  return [...items].sort((a, b) => rank(a.status) - rank(b.status) || b.createdAt.localeCompare(a.createdAt));
}
