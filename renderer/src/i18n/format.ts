/**
 * Dates, times and numbers for the staff and admin screens: Intl in the reader's language,
 * one format per kind, so a visit reads the same in the queue, the detail and the audit log.
 */

export type Instant = string | number | Date;

export interface Formatter {
  /** The locale the formats use (a BCP 47 tag). */
  readonly locale: string;
  /** A calendar day: "Dec 1, 2026" (en-US), "1 Dec 2026" (en-GB), "1 dic 2026" (es). A YYYY-MM-DD string is that local day. */
  readonly date: (value: Instant) => string;
  /** A day and a time of day: "Dec 1, 2026, 9:05 AM". */
  readonly dateTime: (value: Instant) => string;
  /** A time of day: "9:05 AM". */
  readonly time: (value: Instant) => string;
  /** From `now`: "in 3 days", "yesterday", "5 minutes ago". */
  readonly relative: (value: Instant, now?: Date) => string;
  readonly number: (value: number) => string;
}

/** Shown where a value is missing or not a valid instant (the screens' existing dash). */
export const NO_VALUE = '–';

/**
 * The locale for `language`: the first of the browser's preferred locales in that language
 * (an "en" reader on an en-GB machine gets day-month dates), else the language itself.
 */
export function resolveLocale(language: string, preferred: readonly string[]): string {
  const base = language.split('-')[0]?.toLowerCase() ?? language;
  if (language.includes('-')) return language;
  const regional = preferred.find((tag) => tag.split('-')[0]?.toLowerCase() === base);
  return regional ?? language;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (value: Instant): Date | null => {
  // A calendar day (a date of birth) is that day wherever the reader is: read it as local
  // midnight, not UTC midnight (which is the day before west of Greenwich).
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && DAY_ONLY.test(value) ? `${value}T00:00:00` : value);
  return Number.isNaN(date.getTime()) ? null : date;
};

// Relative units, largest first, with the seconds each spans (months and years on average).
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365.25 * 86_400],
  ['month', 30.44 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

const cache = new Map<string, Formatter>();

export function createFormatter(locale: string): Formatter {
  const cached = cache.get(locale);
  if (cached) return cached;
  let safe = locale;
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    safe = 'en';
  }
  const date = new Intl.DateTimeFormat(safe, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(safe, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(safe, { timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(safe, { numeric: 'auto' });
  const number = new Intl.NumberFormat(safe);
  const using = (format: Intl.DateTimeFormat) => (value: Instant) => {
    const d = toDate(value);
    return d ? format.format(d) : NO_VALUE;
  };
  const formatter: Formatter = {
    locale: safe,
    date: using(date),
    dateTime: using(dateTime),
    time: using(time),
    relative: (value, now = new Date()) => {
      const d = toDate(value);
      if (!d) return NO_VALUE;
      const seconds = (d.getTime() - now.getTime()) / 1000;
      // The largest unit with at least one whole step ("in 2 weeks", not "in 14 days").
      const [unit, span] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
      return relative.format(Math.round(seconds / span), unit);
    },
    number: (value) => (Number.isFinite(value) ? number.format(value) : NO_VALUE),
  };
  cache.set(locale, formatter);
  return formatter;
}
