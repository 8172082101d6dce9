import { describe, expect, it } from 'vitest';
import { inLocalRange, localIsoDate, queueOrder, shiftIsoDate, widenedRange } from './queue-view.ts';

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

  it('asks main for one extra day each side, then keeps only the local days', () => {
    expect(widenedRange('2026-03-20', '2026-03-20')).toEqual({ from: '2026-03-19', to: '2026-03-21' });
    const noon = new Date(2026, 2, 20, 12, 0);
    const dayBefore = new Date(2026, 2, 19, 23, 59);
    expect(inLocalRange({ createdAt: noon.toISOString() }, '2026-03-20', '2026-03-20')).toBe(true);
    expect(inLocalRange({ createdAt: dayBefore.toISOString() }, '2026-03-20', '2026-03-20')).toBe(false);
    expect(localIsoDate(noon)).toBe('2026-03-20');
  });
});
