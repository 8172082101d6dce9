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
