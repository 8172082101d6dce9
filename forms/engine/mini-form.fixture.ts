/** A small two-language form exercising every question type, for the engine's tests. */
import { parseFormDefinition } from './load.ts';
import type { FormDefinition } from './types.ts';

const t = (en: string, es: string): { en: string; es: string } => ({ en, es });

/** A fresh, mutable copy of the raw definition (tests break it on purpose). */
export function miniDefinition(): Record<string, unknown> & { steps: Array<Record<string, unknown> & { questions: Array<Record<string, unknown>> }>; rules: Array<Record<string, unknown>> } {
  return {
    id: 'mini',
    version: 3,
    title: t('Mini', 'Mini'),
    languages: ['en', 'es'],
    defaultLanguage: 'en',
    identity: { name: ['name'], dateOfBirth: 'dob' },
    steps: [
      {
        id: 'basics',
        title: t('Basics', 'Datos'),
        questions: [
          { id: 'name', type: 'short_text', label: t('Name', 'Nombre'), required: true, maxLength: 20 },
          { id: 'dob', type: 'date', label: t('Born', 'Nacimiento'), required: true, min: 'today-120y', max: 'today' },
          { id: 'email', type: 'email', label: t('Email', 'Correo') },
          { id: 'phone', type: 'phone', label: t('Phone', 'Teléfono') },
          { id: 'code', type: 'short_text', label: t('Code', 'Código'), pattern: { regex: '^[A-Z]{3}$', message: t('Three capital letters.', 'Tres letras mayúsculas.') } },
          { id: 'notes', type: 'long_text', label: t('Notes', 'Notas'), maxLength: 10 },
        ],
      },
      {
        id: 'body',
        title: t('Body', 'Cuerpo'),
        questions: [
          { id: 'pain', type: 'scale', label: t('Pain', 'Dolor'), required: true, min: 0, max: 10 },
          { id: 'areas', type: 'body_map', label: t('Areas', 'Zonas'), regions: ['neck', 'lower_back', 'legs'] },
          {
            id: 'conditions',
            type: 'multiple_choice',
            label: t('Conditions', 'Afecciones'),
            maxSelected: 2,
            options: [
              { id: 'disc', label: t('Disc', 'Disco') },
              { id: 'sciatica', label: t('Sciatica', 'Ciática') },
              { id: 'scoliosis', label: t('Scoliosis', 'Escoliosis') },
              { id: 'none', label: t('None', 'Ninguna'), exclusive: true },
            ],
          },
          {
            id: 'duration',
            type: 'single_choice',
            label: t('How long', 'Cuánto tiempo'),
            options: [
              { id: 'acute', label: t('Under 6 weeks', 'Menos de 6 semanas') },
              { id: 'chronic', label: t('Over 3 months', 'Más de 3 meses') },
            ],
          },
          { id: 'surgery_date', type: 'date', label: t('Surgery', 'Operación'), max: 'today' },
          { id: 'pregnant', type: 'yes_no', label: t('Pregnant?', '¿Embarazada?') },
          { id: 'weeks', type: 'number', label: t('Weeks', 'Semanas'), required: true, min: 1, max: 42, integer: true, visibleIf: 'pregnant == yes', unit: t('weeks', 'semanas') },
          { id: 'high_risk', type: 'yes_no', label: t('High risk?', '¿Alto riesgo?'), required: true, visibleIf: 'pregnant == yes and weeks >= 12' },
        ],
      },
      {
        id: 'sign',
        title: t('Sign', 'Firma'),
        questions: [
          { id: 'agree', type: 'consent', label: t('I agree', 'Acepto'), required: true, text: t('Not medical care.', 'No es atención médica.') },
          { id: 'sig', type: 'signature', label: t('Sign', 'Firme'), required: true },
        ],
      },
    ],
    rules: [
      { code: 'HIGH_RISK', severity: 'clearance', when: 'pregnant == yes and high_risk == yes', title: t('High risk', 'Alto riesgo'), guidance: t('Clearance.', 'Autorización.') },
      { code: 'PAIN', severity: 'info', when: 'pain >= 8', title: t('Pain', 'Dolor'), guidance: t('Severe.', 'Intenso.') },
    ],
  };
}

/** The mini form, loaded; throws with the errors if a change broke it. */
export function miniForm(): FormDefinition {
  const result = parseFormDefinition(miniDefinition());
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.form;
}
