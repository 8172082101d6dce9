/**
 * The summary's own staff-facing words. The form supplies questions, answers, flag
 * titles and guidance in its languages; these are the headings around them.
 */
import type { Severity } from '../../forms/engine/index.ts';
import type { SummaryLabels } from './summary-types.ts';

const EN: SummaryLabels = {
  documentTitle: 'Client intake summary',
  flagsHeading: 'Screening flags',
  noFlags: 'No screening flags were raised.',
  verdicts: {
    refer: 'Do not treat today: refer',
    clearance: 'Physician clearance needed',
    modify: 'Treat with changes',
    clear: 'No restrictions',
  },
  dateOfBirth: 'Date of birth',
  age: 'Age',
  visit: 'Visit',
  bodyMap: 'Where it hurts',
  noRegions: 'No areas marked',
  keyFacts: 'Pain and preferences',
  answers: 'All answers',
  consent: 'Consent',
  signature: 'Signature',
  noSignature: 'No signature was drawn.',
  form: 'Form',
  version: 'version',
  submission: 'Submission',
  language: 'Language',
  because: 'Because',
  guardian: 'Parent or guardian',
  guardianSignature: "Parent or guardian's signature",
  clientSignature: "Client's signature",
  pageOf: 'Page {n} of {m}',
};

const ES: SummaryLabels = {
  documentTitle: 'Resumen de admisión del cliente',
  flagsHeading: 'Alertas de evaluación',
  noFlags: 'No se generó ninguna alerta.',
  verdicts: {
    refer: 'No tratar hoy: derivar',
    clearance: 'Se necesita la autorización de un médico',
    modify: 'Tratar con cambios',
    clear: 'Sin restricciones',
  },
  dateOfBirth: 'Fecha de nacimiento',
  age: 'Edad',
  visit: 'Visita',
  bodyMap: 'Dónde le duele',
  noRegions: 'Ninguna zona marcada',
  keyFacts: 'Dolor y preferencias',
  answers: 'Todas las respuestas',
  consent: 'Consentimiento',
  signature: 'Firma',
  noSignature: 'No se dibujó ninguna firma.',
  form: 'Formulario',
  version: 'versión',
  submission: 'Envío',
  language: 'Idioma',
  because: 'Motivo',
  guardian: 'Padre, madre o tutor',
  guardianSignature: 'Firma del padre, la madre o el tutor',
  clientSignature: 'Firma del cliente',
  pageOf: 'Página {n} de {m}',
};

const LABELS: Readonly<Record<string, SummaryLabels>> = { en: EN, es: ES };

const SEVERITY_WORDS: Readonly<Record<string, Readonly<Record<Severity, string>>>> = {
  en: { stop: 'STOP', clearance: 'CLEARANCE', modify: 'MODIFY', info: 'INFO' },
  es: { stop: 'ALTO', clearance: 'AUTORIZACIÓN', modify: 'MODIFICAR', info: 'INFORMACIÓN' },
};

const PAIN_WORDS: Readonly<Record<string, readonly [string, string, string, string]>> = {
  en: ['no pain', 'mild', 'moderate', 'severe'],
  es: ['sin dolor', 'leve', 'moderado', 'intenso'],
};

function base(lang: string): string {
  return lang.split('-')[0] ?? lang;
}

/** Headings in `lang`, English when we have no translation. */
export function summaryLabels(lang: string): SummaryLabels {
  return LABELS[base(lang)] ?? EN;
}

export function severityWord(severity: Severity, lang: string): string {
  return (SEVERITY_WORDS[base(lang)] ?? SEVERITY_WORDS.en ?? { stop: 'STOP', clearance: 'CLEARANCE', modify: 'MODIFY', info: 'INFO' })[severity];
}

/** A word for a 0-10 pain score: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe (the usual NRS bands). */
export function painWord(score: number, lang: string): string {
  const words = PAIN_WORDS[base(lang)] ?? PAIN_WORDS.en ?? ['no pain', 'mild', 'moderate', 'severe'];
  if (score <= 0) return words[0];
  if (score <= 3) return words[1];
  if (score <= 6) return words[2];
  return words[3];
}
