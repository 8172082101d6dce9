/**
 * From form + answers + flags to the summary's view model. Pure: no I/O, no clock.
 *
 * Languages: what the client saw (step titles, question texts, answers, consent text)
 * is in the client's language; what is for the therapist (headings, flags, page-1 key
 * facts, body-map legend) is in the form's default language, the clinic's own.
 *
 * Dates and times use the staff screens' formats (forms/engine/intl-format.ts: one Intl
 * format per kind), in the language of the part they stand in: a visit reads the same on
 * the queue, the detail screen and the paper.
 */
import {
  BODY_MAP,
  bodyMapRegionLabel,
  formatAnswer,
  isQuestionVisible,
  languageName,
  localize,
  SEVERITY_ORDER,
  ageOn as ageOnVisitDate,
  visibleSteps,
  visitDateOf,
  type FormSettings,
  type Answers,
  type AnswerValue,
  type Flag,
  type FormDefinition,
  type Question,
  type SignatureValue,
  type Step,
} from '../../forms/engine/index.ts';
import { createFormatter } from '../../forms/engine/intl-format.ts';
import { painWord, severityWord, summaryDirection, summaryLabels } from './labels.ts';
import type {
  SummaryBodyMap,
  SummaryConsent,
  SummaryField,
  SummaryFlag,
  SummaryGuardian,
  SummaryLabels,
  SummaryLogo,
  SummaryModel,
  SummarySection,
  SummarySignature,
} from './summary-types.ts';

export type * from './summary-types.ts';

/** Everything the summary is made from. */
export interface SummaryInput {
  readonly form: FormDefinition;
  readonly answers: Answers;
  readonly flags: readonly Flag[];
  /** The language the client filled the form in. */
  readonly language: string;
  readonly submissionId: string;
  readonly createdAt: Date;
  readonly clinicName: string;
  readonly clinicAddress?: string;
  /** The clinic's logo as a PNG or JPEG data URL (admin settings). */
  readonly clinicLogoDataUrl?: string | null;
  /** The clinic values the form's conditions read (age of consent), as on submit; the defaults when absent. */
  readonly formSettings?: FormSettings;
}

/** Builds the plain, localized view model renderSummaryPdf lays out. */
export function buildSummaryModel(input: SummaryInput): SummaryModel {
  const { form, answers, createdAt } = input;
  const clientLang = input.language;
  const staffLang = form.defaultLanguage;
  const labels = summaryLabels(staffLang);
  const steps = visibleSteps(form, answers, createdAt, input.formSettings);
  const shown = (q: Question) => isQuestionVisible(form, q.id, answers, createdAt, input.formSettings);
  const client = clientOf(form, answers, createdAt, staffLang);
  const guardian = guardianOf(form, steps, answers, shown, staffLang);
  const answerOf = (q: Question): AnswerValue => answers[q.id] ?? null;

  return {
    labels,
    direction: summaryDirection(staffLang),
    clinic: {
      name: input.clinicName,
      address: input.clinicAddress?.trim() ? input.clinicAddress.trim() : null,
      logo: logoOf(input.clinicLogoDataUrl ?? null),
    },
    client,
    visit: {
      iso: createdAt.toISOString(),
      text: createFormatter(staffLang).dateTime(createdAt),
      dateText: createFormatter(staffLang).date(createdAt),
    },
    flags: flagsOf(form, input.flags, staffLang),
    bodyMap: bodyMapOf(steps, answers, shown, staffLang, form.defaultLanguage),
    keyFacts: keyFactsOf(form, steps, answers, shown, staffLang),
    sections: steps
      .map((step): SummarySection => ({
        title: localize(step.title, clientLang, form.defaultLanguage),
        items: step.questions
          .filter((q) => shown(q) && q.type !== 'signature' && q.type !== 'consent')
          .map((q) => ({ label: localize(q.label, clientLang, form.defaultLanguage), value: answerText(form, q.id, answerOf(q), clientLang) })),
      }))
      .filter((s) => s.items.length > 0),
    consents: steps.flatMap((step) =>
      step.questions.flatMap((q): SummaryConsent[] =>
        q.type === 'consent' && shown(q)
          ? [{ title: localize(q.label, clientLang, form.defaultLanguage), text: localize(q.text, clientLang, form.defaultLanguage), answer: formatAnswer(form, q.id, answerOf(q), clientLang) }]
          : [],
      ),
    ),
    signatures: signaturesOf(steps, answers, shown, labels, client.name, guardian),
    guardian,
    form: { id: form.id, version: form.version, title: localize(form.title, staffLang, form.defaultLanguage) },
    // The client's language named in the labels' language: "es (Spanish)", "es (espagnol)".
    language: `${clientLang} (${languageNameIn(clientLang, staffLang)})`,
    submissionId: input.submissionId,
    createdAt,
  };
}

function clientOf(form: FormDefinition, answers: Answers, createdAt: Date, lang: string): SummaryModel['client'] {
  const name = form.identity.name
    .map((id) => answers[id])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim())
    .join(' ');
  const dobId = form.identity.dateOfBirth;
  const dob = dobId ? answers[dobId] : undefined;
  if (!dobId || typeof dob !== 'string' || dob === '') return { name, dateOfBirth: null, age: null };
  return { name, dateOfBirth: answerText(form, dobId, dob, lang), age: ageOn(dob, createdAt) };
}

/** formatAnswer, except a date answer is a calendar day in the one date format of every screen. */
function answerText(form: FormDefinition, questionId: string, value: AnswerValue, lang: string): string {
  const q = form.steps.flatMap((s) => s.questions).find((candidate) => candidate.id === questionId);
  if (q?.type === 'date' && typeof value === 'string' && CALENDAR_DAY.test(value)) return createFormatter(lang).date(value);
  return formatAnswer(form, questionId, value, lang);
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whole years from an ISO birth date to the visit's local calendar date (the engine's ageOn, as the form's conditions count). */
export function ageOn(isoBirthDate: string, on: Date): number | null {
  const age = ageOnVisitDate(isoBirthDate, visitDateOf(on));
  return age !== null && age >= 0 ? age : null;
}

function flagsOf(form: FormDefinition, flags: readonly Flag[], lang: string): SummaryFlag[] {
  const questions = new Map(form.steps.flatMap((s) => s.questions.map((q) => [q.id as string, q] as const)));
  return [...flags]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
    .map((flag) => ({
      severity: flag.severity,
      severityWord: severityWord(flag.severity, lang),
      title: localize(flag.title, lang, form.defaultLanguage),
      guidance: localize(flag.guidance, lang, form.defaultLanguage),
      triggers: flag.triggers.map((t) => {
        const q = questions.get(t.questionId);
        const question = q ? localize(q.label, lang, form.defaultLanguage) : t.questionId;
        return `${question} → ${answerText(form, t.questionId, t.value, lang)}`;
      }),
    }));
}

/**
 * The figure shows the form's first body-map question (where it hurts). Later body maps
 * (areas to avoid, varicose veins...) mean something else; they stay in words, in the
 * key facts and the answers, rather than sharing one ambiguous drawing.
 */
function bodyMapOf(
  steps: readonly Step[],
  answers: Answers,
  shown: (q: Question) => boolean,
  lang: string,
  fallback: string,
): SummaryBodyMap | null {
  const question = steps.flatMap((s) => s.questions).find((q) => q.type === 'body_map' && shown(q));
  if (!question) return null;
  const value = answers[question.id];
  const marked = Array.isArray(value) ? [...new Set(value.filter((id): id is string => typeof id === 'string'))] : [];
  const marker = (id: string) => (marked.includes(id) ? marked.indexOf(id) + 1 : null);
  const words = summaryLabels(lang);
  const views = (['front', 'back'] as const).map((key) => ({
    key,
    label: words[key],
    outline: BODY_MAP.views[key].outline,
    regions: BODY_MAP.views[key].regions.map((r) => ({ id: r.id, path: r.path, marker: marker(r.id) })),
  }));
  return {
    viewBox: BODY_MAP.viewBox,
    views,
    legend: marked.map((id, i) => ({ marker: i + 1, label: localize(bodyMapRegionLabel(id), lang, fallback) || id })),
  };
}

/** A language's name in the reader's language; the engine's English name where Intl has none. */
function languageNameIn(code: string, reader: string): string {
  const name = createFormatter(reader).language(code);
  return name === code ? languageName(code) : name;
}

/**
 * Page-1 facts, found by the form's structure rather than fixed ids so admins can
 * rename questions: the scale (pain) and single-choice questions (duration, cause) of
 * the step holding the first body map, then every answer of a step whose id mentions
 * "preference".
 */
function keyFactsOf(form: FormDefinition, steps: readonly Step[], answers: Answers, shown: (q: Question) => boolean, lang: string): SummaryField[] {
  const facts: SummaryField[] = [];
  const fact = (q: Question) => {
    const value = answers[q.id] ?? null;
    let text = answerText(form, q.id, value, lang);
    if (q.type === 'scale' && typeof value === 'number' && q.min === 0 && q.max === 10) text = `${text} (${painWord(value, lang)})`;
    facts.push({ label: localize(q.label, lang, form.defaultLanguage), value: text });
  };
  const painStep = steps.find((step) => step.questions.some((q) => q.type === 'body_map' && shown(q)));
  for (const q of painStep?.questions ?? []) if (shown(q) && (q.type === 'scale' || q.type === 'single_choice')) fact(q);
  for (const step of steps) {
    if (/preference/i.test(step.id)) for (const q of step.questions) if (shown(q)) fact(q);
  }
  return facts;
}

/** A step for the parent or guardian of a minor: found by its id, as the key facts find "preference" steps. */
const GUARDIAN_STEP = /guardian/i;

/**
 * The guardian's answers for page 1: every visible, answered question of a guardian step but its
 * consent and signature (those have their own places), in the staff language.
 */
function guardianOf(form: FormDefinition, steps: readonly Step[], answers: Answers, shown: (q: Question) => boolean, lang: string): SummaryGuardian | null {
  const fields = steps
    .filter((step) => GUARDIAN_STEP.test(step.id))
    .flatMap((step) => step.questions)
    .filter((q) => shown(q) && q.type !== 'signature' && q.type !== 'consent' && answers[q.id] !== undefined && answers[q.id] !== null)
    .map((q) => ({ label: localize(q.label, lang, form.defaultLanguage), value: answerText(form, q.id, answers[q.id] ?? null, lang) }))
    .filter((f) => f.value.trim() !== '');
  if (fields.length === 0) return null;
  return { fields, line: fields.map((f) => f.value).join(' · ') };
}

/** Every visible drawn signature: a guardian step's is the guardian's, any other the client's. */
function signaturesOf(
  steps: readonly Step[],
  answers: Answers,
  shown: (q: Question) => boolean,
  labels: SummaryLabels,
  clientName: string,
  guardian: SummaryGuardian | null,
): SummarySignature[] {
  return steps.flatMap((step) =>
    step.questions.flatMap((q): SummarySignature[] => {
      const value = answers[q.id];
      if (q.type !== 'signature' || !shown(q) || !isSignatureValue(value) || value.strokes.length === 0) return [];
      return GUARDIAN_STEP.test(step.id)
        ? [{ role: 'guardian', label: labels.guardianSignature, signer: guardian?.fields[0]?.value ?? '', value }]
        : [{ role: 'client', label: labels.clientSignature, signer: clientName, value }];
    }),
  );
}

function isSignatureValue(value: AnswerValue | undefined): value is SignatureValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'strokes' in value;
}

/** A PNG/JPEG data URL as bytes pdf-lib can embed; anything else is ignored (no logo). */
export function logoOf(dataUrl: string | null): SummaryLogo | null {
  const match = dataUrl ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl) : null;
  if (!match || !match[2]) return null;
  return { kind: match[1] === 'png' ? 'png' : 'jpeg', bytes: new Uint8Array(Buffer.from(match[2], 'base64')) };
}
