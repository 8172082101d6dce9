import { describe, expect, it } from 'vitest';
import { birthYears, offeredYears, daysInMonth, monthNames, parseIsoDate, toIsoDate } from './date-parts.ts';

describe('toIsoDate', () => {
  const cases = [
    { label: 'all parts -> padded ISO date', parts: { year: 1984, month: 3, day: 7 }, expected: '1984-03-07' },
    { label: 'missing day -> null', parts: { year: 1984, month: 3, day: null }, expected: null },
    { label: 'missing month -> null', parts: { year: 1984, month: null, day: 7 }, expected: null },
    { label: '31 April does not exist -> null', parts: { year: 1984, month: 4, day: 31 }, expected: null },
    { label: '29 February in a leap year -> valid', parts: { year: 2000, month: 2, day: 29 }, expected: '2000-02-29' },
    { label: '29 February in a common year -> null', parts: { year: 2001, month: 2, day: 29 }, expected: null },
  ] as const;
  it.each(cases)('$label', ({ parts, expected }) => {
    expect(toIsoDate(parts)).toBe(expected);
  });
});

describe('parseIsoDate', () => {
  it.each([
    { label: 'ISO date -> parts', value: '1990-12-31', expected: { year: 1990, month: 12, day: 31 } },
    { label: 'not a date -> empty', value: 'yesterday', expected: { year: null, month: null, day: null } },
    { label: 'not a string -> empty', value: 42, expected: { year: null, month: null, day: null } },
  ])('$label', ({ value, expected }) => {
    expect(parseIsoDate(value)).toEqual(expected);
  });
});

describe('date helpers', () => {
  it('offers 29 days in February before the year is known, so no valid birthday is hidden', () => {
    expect(daysInMonth(null, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
  });
  it('lists birth years newest first, this year included', () => {
    const years = birthYears(new Date(2026, 5, 1), 3);
    expect(years).toEqual([2026, 2025, 2024, 2023]);
  });
  it('names months in the chosen language', () => {
    expect(monthNames('en')[0]).toBe('January');
    expect(monthNames('es')[11]).toBe('diciembre');
  });
});

describe('offeredYears', () => {
  const today = new Date(2026, 5, 15);
  it.each([
    { label: 'date of birth up to 120 years back', min: 'today-120y', max: 'today', first: 2026, last: 1906, count: 121 },
    { label: 'a surgery in the last two years', min: 'today-2y', max: 'today', first: 2026, last: 2024, count: 3 },
    { label: 'fixed ISO bounds', min: '2000-01-01', max: '2005-12-31', first: 2005, last: 2000, count: 6 },
    { label: 'no bounds: this year and 110 before', min: undefined, max: undefined, first: 2026, last: 1916, count: 111 },
  ])('$label', ({ min, max, first, last, count }) => {
    const years = offeredYears(today, min, max);
    expect(years[0]).toBe(first);
    expect(years[years.length - 1]).toBe(last);
    expect(years).toHaveLength(count);
  });
});
