import { describe, expect, it } from 'vitest';
import { mb, renderTable, signedMb, timingRow, verdict } from './report.ts';
import { summarize } from './stats.ts';

describe('verdict', () => {
  const cases: readonly { label: string; value: number; limit: number; expected: string }[] = [
    { label: 'under the target -> pass', value: 49.9, limit: 50, expected: 'pass' },
    { label: 'exactly on the target -> miss ("under" means strictly below)', value: 50, limit: 50, expected: 'miss' },
    { label: 'over the target -> miss', value: 51, limit: 50, expected: 'miss' },
    { label: 'no samples (NaN) -> miss, never a silent pass', value: Number.NaN, limit: 50, expected: 'miss' },
  ];
  for (const c of cases) it(c.label, () => expect(verdict(c.value, c.limit)).toBe(c.expected));
});

describe('timingRow', () => {
  it('judges the statistic the target names: a fast median does not hide a slow p95', () => {
    const s = summarize([10, 10, 10, 10, 10, 10, 10, 10, 10, 90]);
    expect(timingRow('renderer', 'Next', s, { on: 'median', belowMs: 50 }).result).toBe('pass');
    expect(timingRow('renderer', 'Next', s, { on: 'p95', belowMs: 50 }).result).toBe('miss');
  });
  it('without a target there is no verdict', () => {
    expect(timingRow('pdf', 'stage', summarize([1])).result).toBe('');
  });
});

describe('renderTable', () => {
  it('prints a header, a rule and one line per row, with the verdict word', () => {
    const table = renderTable([timingRow('submit', 'tap -> done painted', summarize([120, 140]), { on: 'median', belowMs: 300 })]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/\| area +\| measure/);
    expect(lines[2]).toContain('130.0 ms');
    expect(lines[2]).toContain('median < 300 ms');
    expect(lines[2]).toMatch(/\| pass +\|$/);
  });
});

describe('memory figures', () => {
  it.each([
    ['MiB, two decimals', mb(3.7 * 1024 * 1024), '3.70 MB'],
    ['growth carries its sign', signedMb(450 * 1024), '+0.44 MB'],
    ['shrinking shows a minus', signedMb(-1024 * 1024), '-1.00 MB'],
  ])('%s', (_label, text, expected) => expect(text).toBe(expected));
});
