/**
 * "May I treat today?": one answer from a submission's flags. The summary PDF's banner and
 * the therapist's detail screen both call this, so the two can never disagree.
 */
import { assertNever } from './ids.ts';
import type { Severity } from './types.ts';

/**
 * refer = any stop flag (do not treat today: refer); clearance = any clearance flag
 * (physician clearance needed); modify = any modify flag (treat with changes);
 * clear = only info flags or none (no restrictions).
 */
export type TreatmentVerdict = 'refer' | 'clearance' | 'modify' | 'clear';

export const TREATMENT_VERDICTS: readonly TreatmentVerdict[] = ['refer', 'clearance', 'modify', 'clear'];

/** The most restrictive verdict any flag calls for. */
export function treatmentVerdict(flags: readonly { readonly severity: Severity }[]): TreatmentVerdict {
  const has = (severity: Severity): boolean => flags.some((f) => f.severity === severity);
  if (has('stop')) return 'refer';
  if (has('clearance')) return 'clearance';
  if (has('modify')) return 'modify';
  return 'clear';
}

/** The severity whose icon stands for a verdict; null for "no restrictions" (a tick instead). */
export function verdictSeverity(verdict: TreatmentVerdict): Severity | null {
  switch (verdict) {
    case 'refer':
      return 'stop';
    case 'clearance':
      return 'clearance';
    case 'modify':
      return 'modify';
    case 'clear':
      return null;
    default:
      return assertNever(verdict, 'verdict');
  }
}
