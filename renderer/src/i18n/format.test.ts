import { describe, expect, it, vi } from 'vitest';
import { createFormatter, NO_VALUE, resolveLocale } from './format.ts';

// 2026-03-04 09:05 UTC; the formats are compared with the time zone pinned by TZ below.
const AT = '2026-03-04T09:05:00.000Z';
vi.stubEnv('TZ', 'UTC');

describe('resolveLocale', () => {
  it.each([
    ['an English reader on an en-GB machine gets British dates', 'en', ['en-GB', 'fr-FR'], 'en-GB'],
    ['the first preferred locale of the language wins', 'es', ['fr-FR', 'es-MX', 'es-ES'], 'es-MX'],
    ['no preferred locale in the language: the language itself', 'es', ['en-US'], 'es'],
    ['a language that names its region is kept', 'en-AU', ['en-GB'], 'en-AU'],
    ['nothing preferred', 'vi', [], 'vi'],
  ] as const)('%s', (_label, language, preferred, expected) => {
    expect(resolveLocale(language, preferred)).toBe(expected);
  });
});

describe('createFormatter: one format per kind', () => {
  it.each([
    ['en-US date', 'en-US', 'date', 'Mar 4, 2026'],
    ['en-GB date', 'en-GB', 'date', '4 Mar 2026'],
    ['es date', 'es', 'date', '4 mar 2026'],
    ['en-US date and time', 'en-US', 'dateTime', 'Mar 4, 2026, 9:05 AM'],
    ['en-GB date and time', 'en-GB', 'dateTime', '4 Mar 2026, 09:05'],
    ['en-US time', 'en-US', 'time', '9:05 AM'],
    ['es time', 'es', 'time', '9:05'],
  ] as const)('%s', (_label, locale, kind, expected) => {
    // Intl may use a narrow no-break space before AM/PM; the reader sees a space.
    expect(createFormatter(locale)[kind](AT).replace(/[\u202f\u00a0]/g, ' ')).toBe(expected);
  });

  it.each([
    ['an ISO string', AT],
    ['epoch milliseconds', Date.parse(AT)],
    ['a Date', new Date(AT)],
  ] as const)('accepts %s', (_label, value) => {
    expect(createFormatter('en-US').date(value)).toBe('Mar 4, 2026');
  });

  it('reads a YYYY-MM-DD day as that local day, whatever the time zone', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    try {
      // A locale not used above, so its formats are made under this time zone.
      expect(createFormatter('en-US-u-nu-latn').date('1980-04-02')).toBe('Apr 2, 1980');
    } finally {
      vi.stubEnv('TZ', 'UTC');
    }
  });

  it.each([
    ['an unparseable string', 'not a date'],
    ['an empty string', ''],
    ['NaN', Number.NaN],
  ] as const)('shows a dash for %s', (_label, value) => {
    const f = createFormatter('en-US');
    expect([f.date(value), f.dateTime(value), f.time(value), f.relative(value)]).toEqual([NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE]);
  });

  const now = new Date(AT);
  const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  it.each([
    ['now', 0, 'en', 'now'],
    ['30 seconds ago', -30, 'en', '30 seconds ago'],
    ['in 5 minutes', 5 * 60, 'en', 'in 5 minutes'],
    ['3 hours ago', -3 * 3600, 'en', '3 hours ago'],
    ['tomorrow', 86_400, 'en', 'tomorrow'],
    ['in 3 days', 3 * 86_400, 'en', 'in 3 days'],
    ['two weeks on', 14 * 86_400, 'en', 'in 2 weeks'],
    ['in 2 months', 61 * 86_400, 'en', 'in 2 months'],
    ['next year', 366 * 86_400, 'en', 'next year'],
    ['Spanish: 3 days ago', -3 * 86_400, 'es', 'hace 3 días'],
  ] as const)('relative: %s', (_label, seconds, locale, expected) => {
    expect(createFormatter(locale).relative(later(seconds), now)).toBe(expected);
  });

  it.each([
    ['thousands in English', 'en-US', 12345.5, '12,345.5'],
    ['thousands in Spanish (Spain)', 'es-ES', 12345.5, '12.345,5'],
    ['not a number', 'en-US', Number.NaN, NO_VALUE],
  ] as const)('number: %s', (_label, locale, value, expected) => {
    expect(createFormatter(locale).number(value)).toBe(expected);
  });

  it('falls back to English for a malformed locale instead of throwing', () => {
    expect(createFormatter('not a locale!').locale).toBe('en');
  });
});

describe('the staff screens and the signed PDF share one formatter', () => {
  it('renderer/src/i18n/format.ts is forms/engine/intl-format.ts (core/pdf formats with it too)', async () => {
    const shared = await import('../../../forms/engine/intl-format.ts');
    expect(createFormatter).toBe(shared.createFormatter);
    expect(createFormatter('ko').dateTime(AT)).toBe(shared.createFormatter('ko').dateTime(AT));
  });
});

describe('createFormatter: language names in the reader\'s language', () => {
  it.each([
    ['English reader', 'en', 'es', 'Spanish'],
    ['Spanish reader', 'es', 'en', 'inglés'],
    ['Korean reader', 'ko', 'ar', '아랍어'],
    ['not a language code', 'en', '!!', '!!'],
  ] as const)('%s', (_label, locale, code, expected) => {
    expect(createFormatter(locale).language(code)).toBe(expected);
  });
});
