/**
 * Dates, times and numbers as people read them: Intl in the reader's language, one format
 * per kind, shared by the staff and admin screens (renderer/src/i18n/format.ts), the client
 * flow's answers and the signed PDF (core/pdf), so a visit reads the same on every screen
 * and on paper. Pure: Intl only, no clock (callers pass `now`).
 */

export type Instant = string | number | Date;

/** The kinds of value and the one Intl format each has everywhere. */
export const INTL_FORMATS = {
  /** A calendar day: "Dec 1, 2026" (en-US), "1 Dec 2026" (en-GB), "1 dic 2026" (es). */
  date: { dateStyle: 'medium' },
  /** A day and a time of day: "Dec 1, 2026, 9:05 AM". */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** A time of day: "9:05 AM". */
  time: { timeStyle: 'short' },
} as const satisfies Readonly<Record<string, Intl.DateTimeFormatOptions>>;

export type InstantKind = keyof typeof INTL_FORMATS;

export interface Formatter {
  /** The locale the formats use (a BCP 47 tag). */
  readonly locale: string;
  /** A calendar day. A YYYY-MM-DD string is that calendar day wherever the reader is. */
  readonly date: (value: Instant) => string;
  /** A day and a time of day. */
  readonly dateTime: (value: Instant) => string;
  /** A time of day. */
  readonly time: (value: Instant) => string;
  /** From `now`: "in 3 days", "yesterday", "5 minutes ago". */
  readonly relative: (value: Instant, now?: Date) => string;
  readonly number: (value: number) => string;
  /** A language's name in the reader's language ("es" -> "Spanish", "espagnol", "스페인어"); the code itself when unknown. */
  readonly language: (code: string) => string;
}

/** Shown where a value is missing or not a valid instant (the screens' existing dash). */
export const NO_VALUE = '–';

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

/** A locale Intl accepts: `locale` itself, else English (a damaged setting never throws at a reader). */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function createFormatter(locale: string): Formatter {
  const cached = cache.get(locale);
  if (cached) return cached;
  const safe = safeLocale(locale);
  const date = new Intl.DateTimeFormat(safe, INTL_FORMATS.date);
  const dateTime = new Intl.DateTimeFormat(safe, INTL_FORMATS.dateTime);
  const time = new Intl.DateTimeFormat(safe, INTL_FORMATS.time);
  const relative = new Intl.RelativeTimeFormat(safe, { numeric: 'auto' });
  const number = new Intl.NumberFormat(safe);
  const languages = new Intl.DisplayNames(safe, { type: 'language', fallback: 'code' });
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
    language: (code) => {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code; // not a well-formed language code
      }
    },
  };
  cache.set(locale, formatter);
  return formatter;
}
