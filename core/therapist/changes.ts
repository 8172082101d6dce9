/**
 * Returning clients: what changed since the previous visit, and the clinic's referral
 * advice. The seed texts say spasms usually respond within about four sessions over six
 * weeks, and "should the muscle spasms not respond to therapy after two massages, it may
 * be advisable to seek an alternative therapy" — so no improvement across two or more
 * recent sessions becomes an info flag for the therapist.
 */
import type { ChangesSinceLast, DetailFlag, FlagTrigger, PainChange } from '../../api/contract.ts';
import type { Flag } from '../../forms/engine/index.ts';
import type { VisitFacts } from './visit-facts.ts';

/** Earlier visits older than this are a different episode, not "sessions for this problem". */
export const REFERRAL_WINDOW_DAYS = 90;
/** Sessions without improvement after which referral is advised (the seeds say two). */
export const REFERRAL_AFTER_SESSIONS = 2;
export const REFERRAL_FLAG_CODE = 'KIOSK_CONSIDER_REFERRAL';

/**
 * Questions of the default form (forms/definitions/default-intake.json) that report
 * spasms and their response to earlier sessions; other forms may lack them, and the
 * rule then relies on the kiosk's own history alone.
 */
export const SPASM_QUESTIONS = { spasms: 'muscle_spasms', sessions: 'spasm_sessions', improved: 'spasms_improved' } as const;

const DAY_MS = 86_400_000;

function painTrend(before: number | null, now: number | null): PainChange['trend'] {
  if (before === null || now === null) return 'unknown';
  if (now < before) return 'better';
  if (now > before) return 'worse';
  return 'same';
}

function added(now: ReadonlyMap<string, string>, before: ReadonlyMap<string, string>): string[] {
  return [...now].filter(([key]) => !before.has(key)).map(([, label]) => label);
}

/**
 * Compares this visit with the newest earlier one. `earlier` is newest first (as the
 * repository's findEarlier returns it) and may be only the newest few of `earlierTotal`;
 * null when there is no earlier visit.
 */
export function changesSinceLast(current: VisitFacts, earlier: readonly VisitFacts[], earlierTotal: number): ChangesSinceLast | null {
  const previous = earlier[0];
  if (!previous) return null;
  return {
    previousSubmissionId: previous.submissionId,
    previousVisitAt: previous.createdAt,
    earlierVisits: earlierTotal,
    newConditions: added(current.conditions, previous.conditions),
    resolvedConditions: added(previous.conditions, current.conditions),
    pain: { before: previous.pain, now: current.pain, trend: painTrend(previous.pain, current.pain) },
    newAreas: added(current.areas, previous.areas),
    resolvedAreas: added(previous.areas, current.areas),
  };
}

export interface ReferralLabels {
  /** The pain question's label, for the trigger line. */
  readonly painQuestion: string;
  readonly spasmQuestion: string;
  /** Formats a 0-10 pain value ("6 / 10"). */
  readonly painText: (value: number) => string;
  readonly dateText: (iso: string) => string;
}

/**
 * The "consider referral" info flag, or null. Raised when, counting this visit, the
 * client has had at least REFERRAL_AFTER_SESSIONS earlier sessions in the window and
 * either the pain is no lower than it was at the first of them, or spasms were reported
 * at each of them and still are; or when the answers themselves say the spasms did not
 * improve after two or more sessions and the form's own rules did not already say so.
 */
export function referralFlag(current: VisitFacts, earlier: readonly VisitFacts[], formFlags: readonly Flag[], labels: ReferralLabels): DetailFlag | null {
  const now = Date.parse(current.createdAt);
  const recent = earlier.filter((v) => now - Date.parse(v.createdAt) <= REFERRAL_WINDOW_DAYS * DAY_MS);
  const triggers: FlagTrigger[] = [];
  const reasons: string[] = [];

  const sessions = recent.slice(0, REFERRAL_AFTER_SESSIONS);
  const first = sessions[sessions.length - 1];
  if (sessions.length >= REFERRAL_AFTER_SESSIONS && first) {
    if (first.pain !== null && current.pain !== null && current.pain >= first.pain && current.painQuestionId) {
      const history = [...sessions].reverse().map((v) => `${labels.painText(v.pain ?? 0)} (${labels.dateText(v.createdAt)})`);
      triggers.push({ questionId: current.painQuestionId, question: labels.painQuestion, answer: `${history.join(' → ')} → ${labels.painText(current.pain)} (today)` });
      reasons.push(`pain is no better after ${sessions.length} sessions here`);
    }
    const spasmsEveryTime = [current, ...sessions].every((v) => v.answers[SPASM_QUESTIONS.spasms] === true);
    if (spasmsEveryTime) {
      triggers.push({ questionId: SPASM_QUESTIONS.spasms, question: labels.spasmQuestion, answer: `Yes at each of the last ${sessions.length + 1} visits` });
      reasons.push(`spasms reported at each of the last ${sessions.length + 1} visits`);
    }
  }

  const sessionsSoFar = current.answers[SPASM_QUESTIONS.sessions];
  const saidNotImproved = current.answers[SPASM_QUESTIONS.improved] === false && typeof sessionsSoFar === 'number' && sessionsSoFar >= REFERRAL_AFTER_SESSIONS;
  // The default form has its own rule for this answer (SPASMS_NOT_IMPROVING); one flag is enough.
  const formSaidIt = formFlags.some((f) => f.triggers.some((t) => t.questionId === SPASM_QUESTIONS.improved));
  if (saidNotImproved && !formSaidIt) {
    triggers.push({ questionId: SPASM_QUESTIONS.improved, question: 'Spasms better since earlier sessions?', answer: 'No' });
    reasons.push(`the client reports no improvement after ${String(sessionsSoFar)} sessions`);
  }

  if (reasons.length === 0) return null;
  return {
    code: REFERRAL_FLAG_CODE,
    severity: 'info',
    title: 'Consider referral',
    guidance:
      `Not responding to massage: ${reasons.join('; ')}. ` +
      'Spasms usually respond within about four sessions over six weeks; without improvement after two, consider referral to a doctor or an alternative therapy.',
    triggers,
    // The kiosk's own words for this flag are English.
    language: 'en',
    byLanguage: {},
    mustTick: false,
    derived: true,
  };
}
