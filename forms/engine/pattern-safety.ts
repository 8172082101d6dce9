/**
 * Refusing admin patterns that can backtrack catastrophically. JavaScript's RegExp
 * backtracks: `^([a-z]+)+$` took 6.8 s on a 30-letter answer and froze the core. scslre
 * (the analysis behind eslint-plugin-regexp's no-super-linear-backtracking rule) finds
 * super-linear backtracking statically, in pure JavaScript, so renderer and main refuse
 * the same patterns when a definition is validated. Every report is refused, not only
 * the exponential ones: scslre rates `(a|a)*$` "polynomial" although V8 takes seconds on
 * 24 letters, and a pattern runs on every keystroke of the client's answer.
 */
import { analyse } from 'scslre';

/** Why `source` (compiled with the `u` flag) is unsafe to match, or null when it is fine. */
export function unsafePatternReason(source: string): string | null {
  let reports;
  try {
    reports = analyse({ source, flags: 'u' }, { maxReports: 1 }).reports;
  } catch {
    // The pattern does not parse; load.ts reports that on its own.
    return null;
  }
  const report = reports[0];
  if (!report) return null;
  const quantifier = report.type === 'Trade' ? report.startQuant.raw : report.quant.raw;
  const fix = report.fix();
  const hint = fix ? ` Rewrite it, for example as /${fix.source}/.` : ' Rewrite it without a repeat inside a repeat, or two repeats that can match the same text.';
  return `the pattern can take a very long time to check some answers (the repeat "${quantifier}" can match the same text in many ways).${hint}`;
}
