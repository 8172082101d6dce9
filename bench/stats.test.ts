import { describe, expect, it } from 'vitest';
import { medianOfSorted, percentileOfSorted, summarize, timeRuns } from './stats.ts';

describe('summarize', () => {
  const cases: readonly { label: string; samples: number[]; median: number; p95: number; min: number; max: number }[] = [
    { label: 'one sample -> it is every statistic', samples: [7], median: 7, p95: 7, min: 7, max: 7 },
    { label: 'odd count, unsorted input -> middle value', samples: [9, 1, 5], median: 5, p95: 9, min: 1, max: 9 },
    { label: 'even count -> mean of the two middle values', samples: [4, 1, 3, 2], median: 2.5, p95: 4, min: 1, max: 4 },
    { label: '1..100 -> p95 is the 95th value (nearest rank)', samples: Array.from({ length: 100 }, (_, i) => 100 - i), median: 50.5, p95: 95, min: 1, max: 100 },
    { label: '20 samples, one slow outlier -> p95 is the 19th value, not the outlier', samples: [...Array.from({ length: 19 }, () => 10), 500], median: 10, p95: 10, min: 10, max: 500 },
    { label: '10 samples, one slow outlier -> p95 is the outlier (too few samples to hide it)', samples: [500, ...Array.from({ length: 9 }, () => 10)], median: 10, p95: 500, min: 10, max: 500 },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const s = summarize(c.samples);
      expect(s).toEqual({ n: c.samples.length, median: c.median, p95: c.p95, min: c.min, max: c.max });
    });
  }

  it('empty series -> NaN, not zero (a missing figure must not look fast)', () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(s.median).toBeNaN();
    expect(s.p95).toBeNaN();
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('percentileOfSorted / medianOfSorted', () => {
  it('p100 is the maximum, p1 of 10 samples is the minimum', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOfSorted(sorted, 100)).toBe(10);
    expect(percentileOfSorted(sorted, 1)).toBe(1);
    expect(medianOfSorted(sorted)).toBe(5.5);
  });
});

describe('timeRuns', () => {
  it('drops the warm-up runs and returns one duration per measured run', async () => {
    const seen: number[] = [];
    const samples = await timeRuns(3, 2, (i) => seen.push(i));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(samples).toHaveLength(3);
    for (const ms of samples) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
