/**
 * Order statistics for benchmark samples. Percentiles use the nearest-rank method: the
 * reported figure is always one of the measured samples, never an interpolation.
 */

/** Median and p95 of one series, with its size and spread. */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Nearest-rank percentile (0 < p <= 100) of samples that are already sorted ascending; NaN when empty. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * Median: the mean of the two middle samples for an even count (the usual definition),
 * so a two-sample series does not report its smaller value as "typical".
 */
export function medianOfSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return n % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** Summarises unsorted samples; every field is NaN (and n 0) for an empty series. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: medianOfSorted(sorted),
    p95: percentileOfSorted(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Runs `fn` `warmup + runs` times and returns the `runs` durations in milliseconds (warm-up runs dropped). */
export async function timeRuns(runs: number, warmup: number, fn: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    await fn(i);
    const elapsed = performance.now() - t0;
    if (i >= warmup) samples.push(elapsed);
  }
  return samples;
}
