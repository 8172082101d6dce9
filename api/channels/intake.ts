/** Channels the client flow uses: no staff session needed (the intake itself only from a kiosk). */
import { z } from 'zod';
import type { FormDefinition, FormSettings } from '../../forms/engine/index.ts';
import { empty, language, LIMITS, id, submissionId, type ChannelSpec } from './common.ts';

const point = z.object({ x: z.number().finite(), y: z.number().finite(), t: z.number().finite() }).strict();
export const signatureSchema = z
  .object({
    width: z.number().positive().max(10_000),
    height: z.number().positive().max(10_000),
    strokes: z.array(z.array(point).max(LIMITS.pointsPerStroke)).max(LIMITS.strokes),
  })
  .strict()
  .refine((s) => s.strokes.reduce((n, st) => n + st.length, 0) <= LIMITS.pointsTotal, 'The signature has too many points.');

export const answerValueSchema = z.union([
  z.string().max(LIMITS.longText),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(LIMITS.idLength)).max(LIMITS.choices),
  signatureSchema,
  z.null(),
]);

export const answersSchema = z
  .record(z.string().max(LIMITS.idLength), answerValueSchema)
  .refine((a) => Object.keys(a).length <= LIMITS.answers, 'Too many answers.');

/** What the client's page sends on submit; the clinic server gets the same object forwarded by a kiosk. */
export const intakeRequestSchema = z
  .object({
    submissionId,
    formId: id,
    formVersion: z.number().int().positive(),
    language,
    answers: answersSchema,
    startedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export const intakeSpecs = {
  'kiosk:getConfig': { access: 'public', request: empty },
  'form:getActive': { access: 'public', request: empty },
  'intake:submit': { access: 'kiosk', request: intakeRequestSchema },
} as const satisfies Record<string, ChannelSpec>;

export const intakeChannels = {
  'kiosk:getConfig': 'getConfig',
  'form:getActive': 'getActiveForm',
  'intake:submit': 'submitIntake',
} as const;

export interface KioskConfig {
  readonly clinicName: string;
  /** PNG/JPEG data URL set by the admin; null when the clinic has none. */
  readonly logoDataUrl: string | null;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** Idle time before the "Still there?" prompt. */
  readonly idleWarningMs: number;
  /** Countdown shown in the prompt before the full reset. */
  readonly idleCountdownMs: number;
  /** How long the done screen stays before resetting itself. */
  readonly doneResetMs: number;
  /** The clinic values the form's conditions read (`settings.ageOfConsent`); main uses the same on submit. */
  readonly formSettings: FormSettings;
}

export interface ActiveForm {
  readonly form: FormDefinition;
}

export interface SubmitReceipt {
  readonly submissionId: string;
  /** True when this id had already been stored: the retry was absorbed, nothing stored twice. */
  readonly duplicate: boolean;
  /** A stop flag was raised: the client is asked to speak to the front desk (no clinical detail). */
  readonly needsFrontDesk: boolean;
  /** Client-facing messages of the raised flags, in the client's language. */
  readonly clientMessages: readonly string[];
}

export interface IntakeResponses {
  'kiosk:getConfig': KioskConfig;
  'form:getActive': ActiveForm;
  'intake:submit': SubmitReceipt;
}
