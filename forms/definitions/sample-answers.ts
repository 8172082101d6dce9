/**
 * A complete, valid set of answers to the default form with nothing to flag: the base
 * that tests (engine, core, PDF, benchmarks) change one answer at a time.
 */
import type { Answers, SignatureValue } from '../engine/index.ts';

/** A short wavy line: enough points and extent to pass the engine's minimum-signature rule. */
export const SAMPLE_SIGNATURE: SignatureValue = {
  width: 400,
  height: 150,
  strokes: [Array.from({ length: 16 }, (_, i) => ({ x: 10 + i * 8, y: 40 + (i % 4) * 10, t: i * 16 }))],
};

/** "No" to every screening question: the engine raises no flag for these answers. */
export const NO_FLAG_HEALTH_ANSWERS: Answers = {
  leg_pain: false,
  known_conditions: ['none'],
  doctor_referral: false,
  muscle_spasms: false,
  fever_infection: false,
  dvt_symptoms: false,
  bladder_bowel: false,
  sexual_function_change: false,
  weight_loss: false,
  night_pain: false,
  acute_injury: false,
  intoxicated: false,
  had_surgery: false,
  had_fracture: false,
  cancer_treatment: false,
  cancer_history: false,
  pregnant: false,
  dvt_history: false,
  osteoporosis: false,
  long_term_steroids: false,
  steroid_injection: false,
  high_blood_pressure: 'not_high',
  diabetes_numbness: false,
  lymphedema: false,
  varicose_veins: false,
  skin_problems: false,
  blood_thinners: false,
  allergies: false,
};

export const HEALTHY_CLIENT_ANSWERS: Answers = {
  first_name: 'Ana',
  last_name: 'García',
  date_of_birth: '1980-04-02',
  phone: '+1 555 010 0199',
  emergency_name: 'Luis García',
  emergency_phone: '555-010-0123',
  pain_areas: ['lower_back'],
  pain_level: 4,
  pain_duration: 'subacute',
  pain_cause: 'strain_lifting',
  ...NO_FLAG_HEALTH_ANSWERS,
  massage_type: 'swedish',
  pressure: 'medium',
  goals: ['pain_relief'],
  consent: true,
  signature: SAMPLE_SIGNATURE,
};

/** A client of 15 on 15 June 2025 (the tests' visit date), under the default age of consent of 18. */
export const MINOR_DATE_OF_BIRTH = '2010-03-08';

/** A second signature, so a test can tell the guardian's strokes from the client's. */
export const GUARDIAN_SIGNATURE: SignatureValue = {
  width: 400,
  height: 150,
  strokes: [Array.from({ length: 20 }, (_, i) => ({ x: 20 + i * 12, y: 110 - (i % 5) * 14, t: i * 16 }))],
};

/** The guardian step of the default form, answered by a parent. */
export const GUARDIAN_ANSWERS: Answers = {
  guardian_name: 'Marta García',
  guardian_relationship: 'parent',
  guardian_phone: '+1 555 010 0144',
  guardian_consent: true,
  guardian_signature: GUARDIAN_SIGNATURE,
};

/** HEALTHY_CLIENT_ANSWERS for a 15-year-old whose parent consented and signed. */
export const MINOR_CLIENT_ANSWERS: Answers = { ...HEALTHY_CLIENT_ANSWERS, date_of_birth: MINOR_DATE_OF_BIRTH, ...GUARDIAN_ANSWERS };
