/**
 * The few facts of one visit that matter when comparing visits: pain areas, pain level,
 * conditions (raised flags and ticked condition options). Found by the form's structure
 * rather than fixed question ids, so an admin's renamed questions still compare.
 */
import {
  bodyMapRegionLabel,
  localize,
  visibleSteps,
  type Answers,
  type Flag,
  type FormDefinition,
  type FormSettings,
  type Question,
  type QuestionOf,
  type Step,
} from '../../forms/engine/index.ts';

/** Options that mean "nothing ticked" rather than a condition ("none of these"). */
const NONE_OPTION = /^none/i;

export interface VisitFacts {
  readonly submissionId: string;
  readonly createdAt: string;
  /** Key -> label in the staff language. Keys: `flag:<code>` or `option:<questionId>:<optionId>`. */
  readonly conditions: ReadonlyMap<string, string>;
  /** Region id -> label, from the first body map (where it hurts). */
  readonly areas: ReadonlyMap<string, string>;
  readonly pain: number | null;
  readonly painQuestionId: string | null;
  /** Answers kept for the referral rule (spasm questions). */
  readonly answers: Answers;
}

export interface VisitRecord {
  readonly submissionId: string;
  readonly createdAt: string;
  readonly form: FormDefinition;
  readonly answers: Answers;
  readonly flags: readonly Flag[];
  /** The clinic values the visit was checked with (visit-settings.ts); the engine's defaults when absent. */
  readonly formSettings?: FormSettings;
}

/** Steps that describe the client's back and health (not identity, preferences or consent). */
export function isPreferenceStep(step: Pick<Step, 'id'>): boolean {
  return /preference/i.test(step.id);
}

/** The step holding the first visible body map: where the pain questions live. */
export function painStep(steps: readonly Step[]): Step | undefined {
  return steps.find((s) => s.questions.some((q) => q.type === 'body_map'));
}

export function firstBodyMap(steps: readonly Step[]): QuestionOf<'body_map'> | undefined {
  return painStep(steps)?.questions.find((q): q is QuestionOf<'body_map'> => q.type === 'body_map');
}

/** The pain scale: the first 0-10 scale of the pain step. */
export function painScale(steps: readonly Step[]): QuestionOf<'scale'> | undefined {
  return painStep(steps)?.questions.find((q): q is QuestionOf<'scale'> => q.type === 'scale');
}

function isConditionQuestion(q: Question): q is QuestionOf<'multiple_choice'> {
  return q.type === 'multiple_choice';
}

/** Extracts the comparable facts of one visit; labels in the form's default language. */
export function visitFacts(visit: VisitRecord): VisitFacts {
  const { form, answers } = visit;
  const lang = form.defaultLanguage;
  const at = new Date(visit.createdAt);
  const steps = visibleSteps(form, answers, at, visit.formSettings);
  const conditions = new Map<string, string>();
  for (const flag of visit.flags) conditions.set(`flag:${flag.code}`, localize(flag.title, lang, form.defaultLanguage));
  const backStep = painStep(steps);
  if (backStep) {
    for (const q of backStep.questions) {
      // visibleSteps keeps visible questions only, so a hidden branch's leftovers never count.
      if (!isConditionQuestion(q)) continue;
      const value = answers[q.id];
      if (!Array.isArray(value)) continue;
      for (const optionId of value) {
        if (NONE_OPTION.test(optionId)) continue;
        const option = q.options.find((o) => o.id === optionId);
        conditions.set(`option:${q.id}:${optionId}`, option ? localize(option.label, lang, form.defaultLanguage) : optionId);
      }
    }
  }
  const areas = new Map<string, string>();
  const map = firstBodyMap(steps);
  const regions = map ? answers[map.id] : undefined;
  if (Array.isArray(regions)) {
    for (const id of regions) areas.set(id, localize(bodyMapRegionLabel(id), lang, form.defaultLanguage) || id);
  }
  const scale = painScale(steps);
  const pain = scale ? answers[scale.id] : undefined;
  return {
    submissionId: visit.submissionId,
    createdAt: visit.createdAt,
    conditions,
    areas,
    pain: typeof pain === 'number' ? pain : null,
    painQuestionId: scale?.id ?? null,
    answers,
  };
}
