/**
 * Test-only fixtures for the summary PDF: a small bilingual intake form shaped like the
 * default one, and answer sets for the cases the issue names.
 */
import { NO_FLAG_HEALTH_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { parseFormDefinition, type Answers, type FormDefinition, type SignatureValue } from '../../forms/engine/index.ts';
import type { BoundRequest } from './intake-binding.ts';
import type { SummaryInput } from './summary-model.ts';

const t = (en: string, es: string) => ({ en, es });

const definition = {
  id: 'pdf-fixture-intake',
  version: 3,
  title: t('Massage intake', 'Admisión para masaje'),
  languages: ['en', 'es'],
  defaultLanguage: 'en',
  identity: { name: ['first_name', 'last_name'], dateOfBirth: 'date_of_birth' },
  steps: [
    {
      id: 'about_you',
      title: t('About you', 'Sobre usted'),
      questions: [
        { id: 'first_name', type: 'short_text', label: t('First name', 'Nombre'), required: true },
        { id: 'last_name', type: 'short_text', label: t('Last name', 'Apellidos'), required: true },
        { id: 'date_of_birth', type: 'date', label: t('Date of birth', 'Fecha de nacimiento'), required: true },
        { id: 'phone', type: 'phone', label: t('Phone', 'Teléfono') },
        { id: 'email', type: 'email', label: t('Email', 'Correo electrónico') },
      ],
    },
    {
      id: 'your_back',
      title: t('Your back', 'Su espalda'),
      questions: [
        { id: 'pain_areas', type: 'body_map', label: t('Where does it hurt?', '¿Dónde le duele?') },
        { id: 'pain_level', type: 'scale', min: 0, max: 10, label: t('How strong is the pain?', '¿Qué tan fuerte es el dolor?') },
        {
          id: 'pain_duration',
          type: 'single_choice',
          label: t('How long have you had it?', '¿Desde cuándo lo tiene?'),
          options: [
            { id: 'acute', label: t('Under 6 weeks', 'Menos de 6 semanas') },
            { id: 'subacute', label: t('6 to 12 weeks', 'De 6 a 12 semanas') },
            { id: 'chronic', label: t('More than 3 months', 'Más de 3 meses') },
          ],
        },
        {
          id: 'pain_cause',
          type: 'single_choice',
          label: t('What caused it?', '¿Qué lo causó?'),
          options: [
            { id: 'lifting', label: t('Strain or lifting', 'Esfuerzo o levantar peso') },
            { id: 'fall', label: t('Fall or accident', 'Caída o accidente') },
            { id: 'unknown', label: t('Unknown', 'Desconocido') },
          ],
        },
        {
          id: 'conditions',
          type: 'multiple_choice',
          label: t('Known conditions', 'Afecciones conocidas'),
          options: [
            { id: 'herniated_disc', label: t('Herniated disc', 'Hernia de disco') },
            { id: 'sciatica', label: t('Sciatica', 'Ciática') },
            { id: 'scoliosis', label: t('Scoliosis', 'Escoliosis') },
          ],
        },
        { id: 'pain_story', type: 'long_text', label: t('Tell us more about your pain', 'Cuéntenos más sobre su dolor') },
      ],
    },
    {
      id: 'health',
      title: t('Health screening', 'Evaluación de salud'),
      questions: [
        { id: 'fever', type: 'yes_no', label: t('Do you have a fever or an infection today?', '¿Tiene fiebre o una infección hoy?') },
        { id: 'recent_surgery', type: 'yes_no', label: t('Surgery in the last 12 weeks?', '¿Cirugía en las últimas 12 semanas?') },
        { id: 'osteoporosis', type: 'yes_no', label: t('Osteoporosis?', '¿Osteoporosis?') },
        { id: 'blood_thinners', type: 'yes_no', label: t('Do you take blood thinners?', '¿Toma anticoagulantes?') },
        {
          id: 'medications',
          type: 'long_text',
          label: t('Medications you take', 'Medicamentos que toma'),
          visibleIf: 'blood_thinners == yes',
        },
      ],
    },
    {
      id: 'preferences',
      title: t('Preferences', 'Preferencias'),
      questions: [
        {
          id: 'massage_type',
          type: 'single_choice',
          label: t('Massage type', 'Tipo de masaje'),
          options: [
            { id: 'swedish', label: t('Swedish', 'Sueco') },
            { id: 'deep_tissue', label: t('Deep tissue', 'Tejido profundo') },
            { id: 'therapist_decides', label: t('Therapist decides', 'Lo decide el terapeuta') },
          ],
        },
        {
          id: 'pressure',
          type: 'single_choice',
          label: t('Pressure', 'Presión'),
          options: [
            { id: 'light', label: t('Light', 'Ligera') },
            { id: 'medium', label: t('Medium', 'Media') },
            { id: 'firm', label: t('Firm', 'Firme') },
          ],
        },
        { id: 'avoid_areas', type: 'short_text', label: t('Areas to avoid', 'Zonas que evitar') },
      ],
    },
    {
      id: 'consent',
      title: t('Consent', 'Consentimiento'),
      questions: [
        {
          id: 'consent_treatment',
          type: 'consent',
          label: t('Consent to treatment', 'Consentimiento para el tratamiento'),
          required: true,
          text: t(
            'I understand that massage therapy is not a substitute for medical care. I have answered truthfully and will tell my therapist about any change in my health.',
            'Entiendo que la masoterapia no sustituye la atención médica. He respondido con sinceridad e informaré a mi terapeuta de cualquier cambio en mi salud.',
          ),
        },
        { id: 'signature', type: 'signature', label: t('Signature', 'Firma'), required: true },
      ],
    },
  ],
  rules: [
    {
      code: 'FEVER',
      severity: 'stop',
      when: 'fever == yes',
      title: t('Fever or acute infection', 'Fiebre o infección aguda'),
      guidance: t('Do not treat today. Reschedule once well.', 'No tratar hoy. Reprogramar cuando esté bien.'),
      clientMessage: t('Please speak to the front desk.', 'Hable con recepción, por favor.'),
    },
    {
      code: 'RECENT_SURGERY',
      severity: 'clearance',
      when: 'recent_surgery == yes',
      title: t('Surgery in the last 12 weeks', 'Cirugía en las últimas 12 semanas'),
      guidance: t('Physician clearance needed before treatment.', 'Se necesita autorización médica.'),
    },
    {
      code: 'SEVERE_PAIN',
      severity: 'clearance',
      when: 'pain_level >= 8',
      title: t('Severe pain not assessed by a doctor', 'Dolor intenso no evaluado por un médico'),
      guidance: t('Ask for a medical assessment first.', 'Pida primero una evaluación médica.'),
    },
    {
      code: 'OSTEOPOROSIS',
      severity: 'modify',
      when: 'osteoporosis == yes',
      title: t('Osteoporosis', 'Osteoporosis'),
      guidance: t('Light pressure only; no deep tissue or joint mobilisation.', 'Solo presión ligera; sin tejido profundo ni movilización articular.'),
    },
    {
      code: 'BLOOD_THINNERS',
      severity: 'modify',
      when: 'blood_thinners == yes',
      title: t('Blood thinners', 'Anticoagulantes'),
      guidance: t('Light pressure; watch for bruising.', 'Presión ligera; vigilar hematomas.'),
    },
    {
      code: 'HERNIATED_DISC',
      severity: 'info',
      when: 'conditions contains herniated_disc',
      title: t('Herniated disc', 'Hernia de disco'),
      guidance: t('Avoid strong pressure over the spine.', 'Evitar presión fuerte sobre la columna.'),
    },
  ],
};

function load(): FormDefinition {
  const result = parseFormDefinition(definition);
  if (!result.ok) throw new Error(`Fixture form is invalid: ${JSON.stringify(result.errors)}`);
  return result.form;
}

export const FIXTURE_FORM: FormDefinition = load();

/** A wavy signature with a dot, in a 600 x 200 pad. */
export const SIGNATURE: SignatureValue = {
  width: 600,
  height: 200,
  strokes: [
    Array.from({ length: 40 }, (_, i) => ({ x: 40 + i * 12, y: 100 + Math.sin(i / 3) * 40, t: i * 16 })),
    [{ x: 540, y: 60, t: 900 }],
  ],
};

const base: Answers = {
  first_name: 'Maria',
  last_name: 'Gonzalez',
  date_of_birth: '1980-05-02',
  phone: '+1 555 0100',
  email: 'maria@example.org',
  pain_areas: ['lower_back', 'neck'],
  pain_level: 4,
  pain_duration: 'subacute',
  pain_cause: 'lifting',
  conditions: [],
  pain_story: 'It started when I moved house.',
  fever: false,
  recent_surgery: false,
  osteoporosis: false,
  blood_thinners: false,
  massage_type: 'swedish',
  pressure: 'medium',
  avoid_areas: 'Feet',
  consent_treatment: true,
  signature: SIGNATURE,
};

const LONG_STORY = Array.from(
  { length: 60 },
  (_, i) =>
    `Episode ${i + 1}: the ache spreads from the lower back into the left leg after long drives, eases with heat and gentle stretching, and returns in the evening.`,
).join(' ');

export interface SummaryCase {
  readonly label: string;
  readonly answers: Answers;
  readonly language: string;
  /** The client name exactly as it must appear in the text layer. */
  readonly name: string;
  readonly minPages: number;
}

export const CASES: readonly SummaryCase[] = [
  { label: 'no flags', answers: base, language: 'en', name: 'Maria Gonzalez', minPages: 1 },
  {
    label: 'many flags',
    answers: { ...base, fever: true, recent_surgery: true, pain_level: 9, osteoporosis: true, blood_thinners: true, medications: 'Warfarin 5 mg', conditions: ['herniated_disc', 'sciatica'] },
    language: 'en',
    name: 'Maria Gonzalez',
    minPages: 1,
  },
  {
    label: 'Spanish',
    answers: { ...base, first_name: 'José', last_name: 'Núñez Peña', osteoporosis: true, pain_story: 'Me duele desde la mudanza; empeora por la mañana.' },
    language: 'es',
    name: 'José Núñez Peña',
    minPages: 1,
  },
  { label: 'three pages', answers: { ...base, pain_story: LONG_STORY, blood_thinners: true, medications: LONG_STORY.slice(0, 1500) }, language: 'en', name: 'Maria Gonzalez', minPages: 3 },
  {
    label: 'non-Latin name',
    answers: { ...base, first_name: 'Zoë', last_name: 'Łukasz-Nguyễn 王', recent_surgery: true },
    language: 'en',
    name: 'Zoë Łukasz-Nguyễn 王',
    minPages: 1,
  },
];

/** A typical client of the shipped default form (massage-intake): one modify flag, two info flags. */
export const DEFAULT_FORM_ANSWERS: Answers = {
  first_name: 'Ana',
  last_name: 'Ríos',
  date_of_birth: '1975-03-14',
  phone: '+1 555 0199',
  email: 'ana@example.org',
  emergency_name: 'Luis Ríos',
  emergency_phone: '+1 555 0142',
  emergency_relationship: 'Brother',
  pain_areas: ['lower_back', 'hips_glutes', 'legs'],
  pain_level: 6,
  pain_duration: 'chronic',
  pain_cause: 'strain_lifting',
  ...NO_FLAG_HEALTH_ANSWERS,
  leg_pain: true,
  known_conditions: ['sciatica'],
  doctor_referral: true,
  osteoporosis: true,
  other_health: 'Desk job, sit for eight hours a day.',
  massage_type: 'therapist_decides',
  pressure: 'medium',
  avoid_areas: ['neck'],
  goals: ['pain_relief', 'mobility'],
  consent: true,
  signature: SIGNATURE,
};

/** The client's request a summary input stands for, as intake:submit would have received it (for the intake binding). */
export function requestOfSummary(input: SummaryInput): BoundRequest {
  return { submissionId: input.submissionId, formId: input.form.id, formVersion: input.form.version, language: input.language, startedAt: input.createdAt.toISOString(), answers: input.answers };
}
