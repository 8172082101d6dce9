/**
 * The acknowledgement rule: a therapist may acknowledge a submission only after ticking
 * every stop and clearance flag as read. Modify and info flags are shown but need no tick.
 */
import type { Severity } from '../../api/contract.ts';

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
export function checkAcknowledgement(flags: readonly { readonly code: string; readonly severity: Severity }[], flagsRead: readonly string[]): AcknowledgeCheck {
  const read = new Set(flagsRead);
  const missing = [...new Set(flags.filter((f) => mustTick(f.severity) && !read.has(f.code)).map((f) => f.code))];
  if (missing.length === 0) return { ok: true };
  const n = missing.length;
  return {
    ok: false,
    missing,
    message: `${n} stop or clearance flag${n === 1 ? ' is' : 's are'} not ticked as read yet. Tick each one before acknowledging.`,
  };
}
