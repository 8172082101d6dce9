/**
 * One submission as the therapist reads it. Pure: the handler loads the record, the
 * earlier visits and the signature status; this only shapes them. Everything for the
 * therapist (flags, labels, answers) is in the form's default language, the clinic's
 * own; free text stays as the client typed it.
 */
import type { Acknowledgement, DetailField, DetailFlag, DetailSection, FlagTexts, SignatureStatus, SubmissionDetail } from '../../api/contract.ts';
import {
  formatAnswer,
  languageName,
  localize,
  SEVERITY_ORDER,
  visibleSteps,
  type Answers,
  type Flag,
  type FormDefinition,
  type FormSettings,
  type Question,
  type Step,
} from '../../forms/engine/index.ts';
import { createFormatter } from '../../forms/engine/intl-format.ts';
import { codePointLabel, undrawableCodePoints } from '../pdf/fonts.ts';
import { ageOn } from '../pdf/summary-model.ts';
import { mustTick } from './acknowledge.ts';
import { changesSinceLast, referralFlag, SPASM_QUESTIONS } from './changes.ts';
import { firstBodyMap, isPreferenceStep, painScale, painStep, visitFacts, type VisitRecord } from './visit-facts.ts';

/** What the handler hands over: the stored record and its form, never more than this client's data. */
export interface DetailInput {
  readonly submissionId: string;
  readonly createdAt: string;
  readonly clientName: string;
  readonly dateOfBirth: string | null;
  readonly language: string;
  readonly form: FormDefinition;
  readonly answers: Answers;
  readonly flags: readonly Flag[];
  readonly acknowledgement: Acknowledgement;
  readonly signature: SignatureStatus;
  /** The same client's newest earlier visits (name + date of birth), newest first. */
  readonly earlier: readonly VisitRecord[];
  /** How many earlier visits the kiosk holds for this client in all (`earlier` may be fewer). */
  readonly earlierTotal: number;
  /**
   * The clinic values the form's conditions read (age of consent) at the visit, as the record kept
   * them or as its answers show (therapist/visit-settings.ts): they decide which steps are listed,
   * so a later change of the age neither hides a minor's guardian step nor adds one nobody saw.
   */
  readonly formSettings?: FormSettings;
}

function questionLabel(form: FormDefinition, questionId: string, lang: string = form.defaultLanguage): string {
  for (const step of form.steps) {
    const q = step.questions.find((x) => x.id === questionId);
    if (q) return localize(q.label, lang, form.defaultLanguage);
  }
  return questionId;
}

/** One flag's words in `lang`, falling back to the form's default language where a text is missing. */
function flagTexts(form: FormDefinition, flag: Flag, lang: string): FlagTexts {
  const fallback = form.defaultLanguage;
  return {
    title: localize(flag.title, lang, fallback),
    guidance: localize(flag.guidance, lang, fallback),
    triggers: flag.triggers.map((t) => ({ question: questionLabel(form, t.questionId, lang), answer: formatAnswer(form, t.questionId, t.value, lang) })),
  };
}

function detailFlags(form: FormDefinition, flags: readonly Flag[]): DetailFlag[] {
  const lang = form.defaultLanguage;
  return flags.map((flag) => {
    const own = flagTexts(form, flag, lang);
    return {
      code: flag.code,
      severity: flag.severity,
      title: own.title,
      guidance: own.guidance,
      triggers: flag.triggers.map((t, i) => ({ questionId: t.questionId, question: own.triggers[i]?.question ?? t.questionId, answer: own.triggers[i]?.answer ?? '' })),
      language: lang,
      byLanguage: Object.fromEntries(form.languages.map((l) => [l, flagTexts(form, flag, l)] as const)),
      mustTick: mustTick(flag.severity),
      derived: false,
    };
  });
}

function bySeverity(flags: readonly DetailFlag[]): DetailFlag[] {
  const rank = (f: DetailFlag) => SEVERITY_ORDER.indexOf(f.severity);
  // Stable sort: the form's rule order survives within a severity, derived flags come last in theirs.
  return [...flags].sort((a, b) => rank(a) - rank(b));
}

/**
 * A guardian step's answers (name, relationship, phone) in one line, as the PDF's page 1 shows
 * them; its consent and signature are left out (they are in the answers and on the PDF).
 */
function guardianLine(steps: readonly Step[], field: (q: Question) => DetailField): string | null {
  const values = steps
    .filter((s) => /guardian/i.test(s.id))
    .flatMap((s) => s.questions)
    .filter((q) => q.type !== 'signature' && q.type !== 'consent')
    .map((q) => field(q).value)
    .filter((v) => v.trim() !== '');
  return values.length > 0 ? values.join(' · ') : null;
}

/** Shapes one submission for the detail screen. */
export function buildSubmissionDetail(input: DetailInput): SubmissionDetail {
  const { form, answers } = input;
  const lang = form.defaultLanguage;
  const at = new Date(input.createdAt);
  const steps = visibleSteps(form, answers, at, input.formSettings);
  const field = (q: Question): DetailField => ({
    questionId: q.id,
    label: localize(q.label, lang, lang),
    value: formatAnswer(form, q.id, answers[q.id] ?? null, lang),
  });

  const map = firstBodyMap(steps);
  const marked = map ? answers[map.id] : undefined;
  const regionIds = Array.isArray(marked) ? [...new Set(marked)] : [];
  const scale = painScale(steps);
  const painValue = scale ? answers[scale.id] : undefined;
  const backStep = painStep(steps);

  const current = visitFacts({ submissionId: input.submissionId, createdAt: input.createdAt, form, answers, flags: input.flags, ...(input.formSettings ? { formSettings: input.formSettings } : {}) });
  const earlierFacts = input.earlier.map(visitFacts);
  const dateText = (iso: string) => createFormatter(lang).date(iso);
  const referral = referralFlag(current, earlierFacts, input.flags, {
    painQuestion: scale ? localize(scale.label, lang, lang) : 'Pain',
    spasmQuestion: questionLabel(form, SPASM_QUESTIONS.spasms),
    painText: (value) => `${value} / ${scale?.max ?? 10}`,
    dateText,
  });

  const dobId = form.identity.dateOfBirth;
  return {
    submissionId: input.submissionId,
    createdAt: input.createdAt,
    visitText: createFormatter(lang).dateTime(at), // the staff screens' and the PDF's format (intl-format.ts)
    clientName: input.clientName,
    // The same font coverage the PDF was drawn with (the bundled fonts, read on first use).
    undrawableInName: undrawableCodePoints(input.clientName).map(codePointLabel),
    dateOfBirth: input.dateOfBirth,
    dateOfBirthText: input.dateOfBirth && dobId ? formatAnswer(form, dobId, input.dateOfBirth, lang) : input.dateOfBirth,
    age: input.dateOfBirth ? ageOn(input.dateOfBirth, at) : null,
    guardian: guardianLine(steps, field),
    language: input.language,
    languageName: languageName(input.language),
    formId: form.id,
    formVersion: form.version,
    formTitle: localize(form.title, lang, lang),
    flags: bySeverity([...detailFlags(form, input.flags), ...(referral ? [referral] : [])]),
    bodyMap: map ? { questionId: map.id, label: localize(map.label, lang, lang), regionIds, regionLabels: [...current.areas.values()] } : null,
    pain:
      scale && typeof painValue === 'number'
        ? { label: localize(scale.label, lang, lang), value: painValue, max: scale.max, text: formatAnswer(form, scale.id, painValue, lang) }
        : null,
    painFacts: (backStep?.questions ?? []).filter((q) => q.type === 'single_choice').map(field),
    preferences: steps.filter(isPreferenceStep).flatMap((s) => s.questions.map(field)),
    sections: steps.map((s): DetailSection => ({ stepId: s.id, title: localize(s.title, lang, lang), items: s.questions.map(field) })),
    acknowledgement: input.acknowledgement,
    signature: input.signature,
    changes: changesSinceLast(current, earlierFacts, input.earlierTotal),
  };
}
