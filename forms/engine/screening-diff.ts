/**
 * What a draft changes in screening against the live version: rules added, removed, given
 * another severity, or given another condition. Rules are matched by code (a renamed code is
 * one rule removed and one added). The admin reads the result as sentences before publishing,
 * and the editor uses `weakensSafety` to ask before removing or weakening a stop or clearance
 * rule. Pure: no DOM, no I/O.
 */
import { SEVERITY_ORDER, type Severity } from './types.ts';

/** What the diff reads of a rule (a published rule or a half-edited draft's). */
export interface RuleShape {
  readonly code: string;
  readonly severity: Severity;
  readonly when: string;
}

export type ScreeningChange<R extends RuleShape = RuleShape> =
  | { readonly kind: 'removed'; readonly code: string; readonly before: R }
  | { readonly kind: 'severity'; readonly code: string; readonly before: R; readonly after: R }
  | { readonly kind: 'condition'; readonly code: string; readonly before: R; readonly after: R }
  | { readonly kind: 'added'; readonly code: string; readonly after: R };

/** Severities whose rules keep a client from being treated unchecked: removing or weakening one is confirmed. */
export function isSafetySeverity(severity: Severity): boolean {
  return severity === 'stop' || severity === 'clearance';
}

/** 0 for stop (the most severe) to 3 for info. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** True when `to` is less severe than `from`. */
export function isLowerSeverity(from: Severity, to: Severity): boolean {
  return severityRank(to) > severityRank(from);
}

/** Spacing does not change what a condition means: `a  and b` is `a and b`. */
export function sameCondition(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

/**
 * True when the change makes screening weaker for a stop or clearance rule: it is removed,
 * its severity goes down, or its condition changes (a changed condition may stop catching
 * the clients it caught).
 */
export function weakensSafety(change: ScreeningChange): boolean {
  switch (change.kind) {
    case 'removed':
      return isSafetySeverity(change.before.severity);
    case 'severity':
      return isSafetySeverity(change.before.severity) && isLowerSeverity(change.before.severity, change.after.severity);
    case 'condition':
      return isSafetySeverity(change.before.severity);
    case 'added':
      return false;
  }
}

const KIND_ORDER: Readonly<Record<ScreeningChange['kind'], number>> = { removed: 0, severity: 1, condition: 2, added: 3 };

/**
 * The changes from `live` to `draft`, safety weakenings first, then by kind (removed, severity,
 * condition, added) and by severity (stop first). A rule whose severity and condition both
 * changed gives two changes. Codes listed twice (a draft's mistake) count once, the first.
 */
export function diffScreening<R extends RuleShape>(live: readonly R[], draft: readonly R[]): ScreeningChange<R>[] {
  const byCode = (rules: readonly R[]) => {
    const map = new Map<string, R>();
    for (const r of rules) if (!map.has(r.code)) map.set(r.code, r);
    return map;
  };
  const before = byCode(live);
  const after = byCode(draft);
  const changes: ScreeningChange<R>[] = [];
  for (const [code, old] of before) {
    const now = after.get(code);
    if (!now) {
      changes.push({ kind: 'removed', code, before: old });
      continue;
    }
    if (now.severity !== old.severity) changes.push({ kind: 'severity', code, before: old, after: now });
    if (!sameCondition(now.when, old.when)) changes.push({ kind: 'condition', code, before: old, after: now });
  }
  for (const [code, now] of after) if (!before.has(code)) changes.push({ kind: 'added', code, after: now });
  const severityOf = (c: ScreeningChange<R>) => severityRank(c.kind === 'added' ? c.after.severity : c.before.severity);
  return changes.sort(
    (a, b) => Number(weakensSafety(b)) - Number(weakensSafety(a)) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || severityOf(a) - severityOf(b) || a.code.localeCompare(b.code),
  );
}
