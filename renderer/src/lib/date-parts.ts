/**
 * Date of birth without a keyboard: the answer is 'YYYY-MM-DD', entered as three
 * separate day / month / year choices that may be filled in any order.
 */

export interface DateParts {
  readonly year: number | null;
  readonly month: number | null; // 1-12
  readonly day: number | null;
}

export const EMPTY_DATE: DateParts = { year: null, month: null, day: null };

export function daysInMonth(year: number | null, month: number | null): number {
  if (month === null) return 31;
  // Day 0 of the next month is the last day of this one; a leap year is assumed until the year is known.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

export function parseIsoDate(value: unknown): DateParts {
  if (typeof value !== 'string') return EMPTY_DATE;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return EMPTY_DATE;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The ISO date once all three parts are chosen and form a real date; otherwise null. */
export function toIsoDate(parts: DateParts): string | null {
  const { year, month, day } = parts;
  if (year === null || month === null || day === null) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Years offered for a date of birth: this year back to `span` years ago, newest first. */
export function birthYears(today: Date, span = 110): number[] {
  const last = today.getFullYear();
  return Array.from({ length: span + 1 }, (_, i) => last - i);
}

/**
 * The year a form's date bound ('YYYY-MM-DD', 'today', 'today-120y', 'today+2w'...) falls in,
 * so the year panel offers only years that can pass validation. Null when there is no bound.
 */
export function boundYear(bound: string | undefined, today: Date): number | null {
  if (bound === undefined) return null;
  const iso = /^(\d{4})-\d{2}-\d{2}$/.exec(bound);
  if (iso) return Number(iso[1]);
  const rel = /^today(?:([+-])(\d{1,4})([dwmy]))?$/.exec(bound);
  if (!rel) return null;
  const sign = rel[1] === '-' ? -1 : 1;
  const n = Number(rel[2] ?? 0) * sign;
  const d = new Date(today);
  switch (rel[3]) {
    case 'y':
      d.setFullYear(d.getFullYear() + n);
      break;
    case 'm':
      d.setMonth(d.getMonth() + n);
      break;
    case 'w':
      d.setDate(d.getDate() + 7 * n);
      break;
    case 'd':
      d.setDate(d.getDate() + n);
      break;
    default:
      break;
  }
  return d.getFullYear();
}

/** Years to offer, newest first, between the form's bounds (a date of birth by default: 110 years). */
export function offeredYears(today: Date, min: string | undefined, max: string | undefined): number[] {
  const last = boundYear(max, today) ?? today.getFullYear();
  const first = boundYear(min, today) ?? last - 110;
  return Array.from({ length: Math.max(0, last - first) + 1 }, (_, i) => last - i);
}

/** Localised month names, January first. */
export function monthNames(lang: string): string[] {
  const fmt = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => fmt.format(new Date(Date.UTC(2000, i, 1))));
}
