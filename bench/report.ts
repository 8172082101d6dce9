/**
 * The results table: one Markdown row per figure, with the issue's target beside it and
 * "pass"/"miss" as a word (so the table reads the same without colour and pastes into
 * bench/README.md as is).
 */
import type { Summary } from './stats.ts';

export type Verdict = 'pass' | 'miss' | '';

export interface Row {
  readonly area: string;
  readonly measure: string;
  readonly n: string;
  readonly median: string;
  readonly p95: string;
  readonly target: string;
  readonly result: Verdict;
}

/** Which statistic a target applies to, and its limit. */
export interface Target {
  readonly on: 'median' | 'p95';
  readonly belowMs: number;
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
/** Memory in MiB (1,048,576 bytes), as the soaks print it. */
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;

/** "pass" when `value` is strictly below `limit`; a missing figure (NaN) is a miss, never a pass. */
export function verdict(value: number, limit: number): Verdict {
  return Number.isFinite(value) && value < limit ? 'pass' : 'miss';
}

/** A timing row from a summary, judged against `target` when there is one. */
export function timingRow(area: string, measure: string, s: Summary, target?: Target): Row {
  return {
    area,
    measure,
    n: String(s.n),
    median: ms(s.median),
    p95: ms(s.p95),
    target: target ? `${target.on} < ${target.belowMs} ms` : '',
    result: target ? verdict(target.on === 'median' ? s.median : s.p95, target.belowMs) : '',
  };
}

/** Renders rows as a Markdown table with padded columns. */
export function renderTable(rows: readonly Row[]): string {
  const header: Row = { area: 'area', measure: 'measure', n: 'n', median: 'median', p95: 'p95', target: 'target', result: '' };
  const cells = (r: Row) => [r.area, r.measure, r.n, r.median, r.p95, r.target, r.result === '' && r === header ? 'result' : r.result];
  const all = [header, ...rows].map(cells);
  const widths = all[0]?.map((_, i) => Math.max(...all.map((c) => (c[i] ?? '').length))) ?? [];
  const line = (c: readonly string[]) => `| ${c.map((v, i) => (i >= 2 && i <= 4 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i >= 2 && i <= 4 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  const [head, ...body] = all;
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
}
