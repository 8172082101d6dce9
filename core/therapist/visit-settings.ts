/**
 * The clinic values a record's form conditions read at the visit (the age of consent): the
 * detail lists the steps the client saw then, whatever the clinic has set since. Records keep
 * them (sealed with their metadata) from the intake on; a record stored before that does not,
 * and for it they are worked out from its answers.
 */
import { AGE_OF_CONSENT_RANGE, pruneHiddenAnswers, validateSubmission, type Answers, type FormDefinition, type FormSettings } from '../../forms/engine/index.ts';

export interface VisitSettingsInput {
  readonly form: FormDefinition;
  readonly answers: Answers;
  /** The visit instant the answers were checked at (the record's creation time). */
  readonly createdAt: string;
  /** What the record kept at intake; null for a record stored before it was kept. */
  readonly stored: FormSettings | null;
  /** The clinic's values today. */
  readonly today: FormSettings;
}

export type VisitSettings = { readonly settings: FormSettings; readonly source: 'stored' | 'answers' | 'today' };

/**
 * The values the visit was checked with. Stored: those. Otherwise the answers tell: on submit
 * the answers of hidden questions were dropped and every shown required question was answered,
 * so the values that fit a record are those under which none of its answers is hidden and none
 * of its shown questions is missing. Today's values when they fit (an adult fits every age of
 * consent), else the fitting age of consent nearest today's (a 17-year-old's guardian answers fit
 * 18, not 16; no guardian answers fit 17, not 18); today's when none fits (a form the engine now
 * reads differently), which is what the detail showed before records kept them.
 */
export function visitFormSettings(input: VisitSettingsInput): VisitSettings {
  if (input.stored) return { settings: input.stored, source: 'stored' };
  const at = new Date(input.createdAt);
  const fits = (settings: FormSettings) =>
    Object.keys(pruneHiddenAnswers(input.form, input.answers, at, settings)).length === Object.keys(input.answers).length &&
    validateSubmission(input.form, input.answers, at, settings).length === 0;
  const today = input.today;
  if (fits(today)) return { settings: today, source: 'today' };
  const ages: number[] = [];
  for (let age = AGE_OF_CONSENT_RANGE.min; age <= AGE_OF_CONSENT_RANGE.max; age++) if (age !== today.ageOfConsent) ages.push(age);
  // Nearest today's first; of two as near, the higher (a guardian asked for rather than not).
  ages.sort((a, b) => Math.abs(a - today.ageOfConsent) - Math.abs(b - today.ageOfConsent) || b - a);
  for (const ageOfConsent of ages) {
    const settings = { ...today, ageOfConsent };
    if (fits(settings)) return { settings, source: 'answers' };
  }
  return { settings: today, source: 'today' };
}
