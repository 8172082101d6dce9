import { describe, expect, it } from 'vitest';
import { ageOn, civilToday, toIsoDate } from './dates.ts';

describe('ageOn: completed years on the visit date', () => {
  it.each([
    ['the day before the 18th birthday', '2008-06-15', '2026-06-14', 17],
    ['the 18th birthday itself', '2008-06-15', '2026-06-15', 18],
    ['the day after the 18th birthday', '2008-06-15', '2026-06-16', 18],
    ['born 29 Feb: 28 Feb of a common year is still the day before', '2008-02-29', '2026-02-28', 17],
    ['born 29 Feb: 1 Mar of a common year is the birthday', '2008-02-29', '2026-03-01', 18],
    ['born 29 Feb: 29 Feb of a leap year is the birthday', '2008-02-29', '2028-02-29', 20],
    ['born 29 Feb: 28 Feb of a leap year is the day before', '2008-02-29', '2028-02-28', 19],
    ['born 28 Feb: a leap year 29 Feb is after the birthday', '2010-02-28', '2028-02-29', 18],
    ['born 31 Dec, visit 1 Jan', '2010-12-31', '2011-01-01', 0],
    ['born on the visit date', '2026-06-15', '2026-06-15', 0],
    ['a date of birth that is not a real date', '2010-02-30', '2026-06-15', null],
    ['a visit date that is not a date', '2010-02-01', 'today', null],
  ] as const)('%s', (_label, born, visit, expected) => {
    expect(ageOn(born, visit)).toBe(expected);
  });

  it('reads the visit date from the kiosk clock as a calendar day, whatever the hour', () => {
    // Late in the evening before the birthday and the first minute of it, as the kiosk's wall clock shows them.
    expect(ageOn('2008-06-15', toIsoDate(civilToday(new Date(2026, 5, 14, 23, 59))))).toBe(17);
    expect(ageOn('2008-06-15', toIsoDate(civilToday(new Date(2026, 5, 15, 0, 0))))).toBe(18);
  });
});
