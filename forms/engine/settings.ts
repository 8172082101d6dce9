/**
 * Clinic settings a form's conditions can read, as `settings.<name>` (e.g.
 * `age(date_of_birth) < settings.ageOfConsent`). The kiosk sends them with the active form and
 * main uses its own copy on submit, so the renderer and main agree on what the client saw.
 * Every value is a number; the admin settings screen validates the ranges (core/settings).
 */
export interface FormSettings {
  /** The age in completed years from which a client consents alone; under it a guardian consents. */
  readonly ageOfConsent: number;
}

export const DEFAULT_FORM_SETTINGS: FormSettings = { ageOfConsent: 18 };

/** The names conditions may use, with a line of help for the expression editor. */
export const SETTING_VALUES: Readonly<Record<string, { readonly key: keyof FormSettings; readonly help: string }>> = {
  'settings.ageOfConsent': { key: 'ageOfConsent', help: "the clinic's age of consent in years (Settings; default 18)" },
};

/** The inclusive range an admin may set the age of consent to. */
export const AGE_OF_CONSENT_RANGE = { min: 14, max: 21 } as const;
