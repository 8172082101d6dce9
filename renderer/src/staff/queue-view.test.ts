import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDayRange, localIsoDate, queueOrder, shiftIsoDate } from './queue-view.ts';

describe('queueOrder', () => {
  it('unacknowledged first, newest first within each group', () => {
    const items = [
      { id: 'ack-new', status: 'acknowledged', createdAt: '2026-03-20T11:00:00.000Z' },
      { id: 'new-old', status: 'new', createdAt: '2026-03-20T08:00:00.000Z' },
      { id: 'ack-old', status: 'acknowledged', createdAt: '2026-03-20T07:00:00.000Z' },
      { id: 'new-new', status: 'new', createdAt: '2026-03-20T10:00:00.000Z' },
    ] as const;
    expect(queueOrder(items).map((i) => i.id)).toEqual(['new-new', 'new-old', 'ack-new', 'ack-old']);
  });
});

describe('local dates', () => {
  it.each([
    ['one day back across a month end', '2026-03-01', -1, '2026-02-28'],
    ['one day on across a year end', '2025-12-31', 1, '2026-01-01'],
  ] as const)('%s', (_label, from, days, expected) => {
    expect(shiftIsoDate(from, days)).toBe(expected);
  });

});

describe("localDayRange: the kiosk's local days as instants", () => {
  // Node reads TZ again whenever it changes, so each case runs in its own time zone.
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['UTC', 'UTC', '2026-03-20', '2026-03-20', '2026-03-20T00:00:00.000Z', '2026-03-21T00:00:00.000Z'],
    ['Los Angeles: today spans two UTC dates', 'America/Los_Angeles', '2026-03-20', '2026-03-20', '2026-03-20T07:00:00.000Z', '2026-03-21T07:00:00.000Z'],
    ['Auckland, a week', 'Pacific/Auckland', '2026-03-16', '2026-03-22', '2026-03-15T11:00:00.000Z', '2026-03-22T11:00:00.000Z'],
    ['New York, the 23-hour day clocks go forward', 'America/New_York', '2026-03-08', '2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['Berlin, the 25-hour day clocks go back', 'Europe/Berlin', '2026-10-25', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
  ] as const)('%s', (_label, tz, from, to, since, before) => {
    vi.stubEnv('TZ', tz);
    expect(localDayRange(from, to)).toEqual({ since, before });
    // A visit late in the local evening belongs to that local day.
    const lateEvening = new Date(`${to}T23:30:00`);
    expect(localIsoDate(lateEvening)).toBe(to);
    expect(lateEvening.toISOString() >= since && lateEvening.toISOString() < before).toBe(true);
  });
});
