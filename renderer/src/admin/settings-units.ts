/**
 * The settings screen's human units: retention as years and months (main stores days), and
 * languages by name (main stores codes).
 */

/** A year and a month in days, on average over the calendar (7 years = 2557 days). */
const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** Main's limits on `retentionDays` (core/settings/store.ts); 99 years 11 months is the most that fits. */
export const RETENTION_LIMITS = { minDays: 30, maxDays: 36_500, maxYears: 99 } as const;

export interface RetentionParts {
  readonly years: number;
  readonly months: number;
}

export function retentionToDays({ years, months }: RetentionParts): number {
  return Math.round(years * DAYS_PER_YEAR + months * DAYS_PER_MONTH);
}

/** The nearest years and months to `days` (12 months carry into a year). */
export function daysToRetention(days: number): RetentionParts {
  let years = Math.floor(days / DAYS_PER_YEAR);
  let months = Math.round((days - years * DAYS_PER_YEAR) / DAYS_PER_MONTH);
  if (months === 12) {
    years += 1;
    months = 0;
  }
  return { years, months };
}

export interface LanguageChoice {
  readonly code: string;
  /** In the language itself ("Español"), for recognising it. */
  readonly nativeName: string;
  /** In the staff screens' language ("Spanish"); empty when it is the same as the native name. */
  readonly localName: string;
}

function displayName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The languages an admin can offer: those the kiosk has text for, then any already chosen
 * that it does not (kept so saving never drops one silently), each named two ways.
 */
export function languageChoices(available: readonly string[], chosen: readonly string[], staffLanguage: string, nativeName: (code: string) => string): LanguageChoice[] {
  const codes = [...new Set([...available, ...chosen])];
  return codes.map((code) => {
    const native = nativeName(code);
    const local = displayName(code, staffLanguage);
    return { code, nativeName: native, localName: local === native ? '' : local };
  });
}
