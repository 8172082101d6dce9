/**
 * The acknowledgement rule: a therapist may acknowledge a submission only after ticking
 * every stop and clearance flag as read, and, when there is such a flag, recording what
 * happened with the client (the outcome; `other` with a short note). Modify and info flags
 * are shown but need no tick and no outcome.
 */
import type { AcknowledgementOutcome, Severity } from '../../api/contract.ts';

/** Severities whose flags must each be ticked before acknowledging. */
export const MUST_TICK: readonly Severity[] = ['stop', 'clearance'];

export function mustTick(severity: Severity): boolean {
  return MUST_TICK.includes(severity);
}

export type AcknowledgeCheck = { readonly ok: true } | { readonly ok: false; readonly missing: readonly string[]; readonly message: string };

/**
 * Checks `flagsRead` (flag codes) against the submission's flags. Unknown codes are
 * ignored: a tick for a flag that is not there cannot stand in for one that is.
 */
export function checkAcknowledgement(
  flags: readonly { readonly code: string; readonly severity: Severity }[],
  flagsRead: readonly string[],
  outcome?: AcknowledgementOutcome | { readonly code: AcknowledgementOutcome['code']; readonly note?: string | null | undefined },
): AcknowledgeCheck {
  const read = new Set(flagsRead);
  const missing = [...new Set(flags.filter((f) => mustTick(f.severity) && !read.has(f.code)).map((f) => f.code))];
  if (missing.length > 0) {
    const n = missing.length;
    return {
      ok: false,
      missing,
      message: `${n} stop or clearance flag${n === 1 ? ' is' : 's are'} not ticked as read yet. Tick each one before acknowledging.`,
    };
  }
  if (needsOutcome(flags) && !outcome) return { ok: false, missing: [], message: 'Choose what happened with this client (for example "Not treated, referred") before acknowledging.' };
  if (outcome?.code === 'other' && !outcome.note?.trim()) return { ok: false, missing: [], message: 'Write a short note when the outcome is "Other".' };
  return { ok: true };
}

/** True when acknowledging needs an outcome: the submission has a stop or clearance flag. */
export function needsOutcome(flags: readonly { readonly severity: Severity }[]): boolean {
  return flags.some((f) => mustTick(f.severity));
}
