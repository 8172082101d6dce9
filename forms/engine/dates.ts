/**
 * Calendar dates as plain `YYYY-MM-DD` strings. "Today" is the kiosk's local calendar
 * day of `now`: a client who had surgery "12 weeks ago" means 12 weeks of calendar days.
 */
import type { DateUnit } from './expr/ast.ts';

/** A calendar date with a 1-based month. */
export interface CivilDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const MS_PER_DAY = 86_400_000;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30. */
export function parseIsoDate(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function toIsoDate(date: CivilDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** The local calendar day of an instant. */
export function civilToday(now: Date): CivilDate {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

/** The kiosk's local calendar day of an instant as `YYYY-MM-DD`: the visit date conditions and ages use. */
export function visitDateOf(now: Date): string {
  return toIsoDate(civilToday(now));
}

/** Days since 1970-01-01, for comparing and subtracting dates. */
export function dayNumber(date: CivilDate): number {
  return Date.UTC(date.y, date.m - 1, date.d) / MS_PER_DAY;
}

/** Adds (or with a negative amount subtracts) calendar units; month ends clamp (31 Mar - 1 month = 28/29 Feb). */
export function addUnits(date: CivilDate, amount: number, unit: DateUnit): CivilDate {
  switch (unit) {
    case 'day':
    case 'week': {
      const days = unit === 'week' ? amount * 7 : amount;
      const t = new Date((dayNumber(date) + days) * MS_PER_DAY);
      return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
    }
    case 'month':
    case 'year': {
      const months = unit === 'year' ? amount * 12 : amount;
      const index = date.y * 12 + (date.m - 1) + months;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
    }
  }
}

/** Completed years from `born` to `on` (a birthday on 29 Feb counts from 1 Mar in other years). */
export function yearsBetween(born: CivilDate, on: CivilDate): number {
  let years = on.y - born.y;
  if (on.m < born.m || (on.m === born.m && on.d < born.d)) years -= 1;
  return years;
}

/**
 * A person's age in completed years on a visit date, both `YYYY-MM-DD` (null when either is not a
 * real date). Pure calendar arithmetic, so the same on every machine and in every time zone: the
 * age goes up on the birthday itself; someone born on 29 February turns a year older on 1 March
 * in years without a 29 February.
 */
export function ageOn(dateOfBirth: string, visitDate: string): number | null {
  const born = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(visitDate);
  return born && on ? yearsBetween(born, on) : null;
}

const UNIT_LETTERS: Readonly<Record<string, DateUnit>> = { d: 'day', w: 'week', m: 'month', y: 'year' };

/** Resolves a date bound (`today`, `today-120y`, `2025-01-31`) against today. */
export function resolveDateBound(bound: string, today: CivilDate): CivilDate | null {
  if (bound === 'today') return today;
  const rel = /^today([+-])(\d{1,4})([dwmy])$/.exec(bound);
  if (rel) {
    const unit = UNIT_LETTERS[rel[3] ?? ''];
    if (!unit) return null;
    return addUnits(today, (rel[1] === '-' ? -1 : 1) * Number(rel[2]), unit);
  }
  return parseIsoDate(bound);
}

const MONTHS: Readonly<Record<string, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

/** "15 June 2025" / "15 de junio de 2025"; other languages get the unambiguous ISO form. */
export function formatCivilDate(date: CivilDate, lang: string): string {
  const base = lang.split('-')[0] ?? lang;
  const month = MONTHS[base]?.[date.m - 1];
  if (!month) return toIsoDate(date);
  return base === 'es' ? `${date.d} de ${month} de ${date.y}` : `${date.d} ${month} ${date.y}`;
}
