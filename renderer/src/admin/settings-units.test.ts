import { describe, expect, it } from 'vitest';
import { nativeLanguageName } from '../i18n/index.ts';
import { daysToRetention, languageChoices, RETENTION_LIMITS, retentionToDays } from './settings-units.ts';

describe('retention in years and months', () => {
  it.each([
    ['the 7-year default', 2557, { years: 7, months: 0 }],
    ['one month, the shortest allowed', 30, { years: 0, months: 1 }],
    ['ten years', 3653, { years: 10, months: 0 }],
    ['18 months', 548, { years: 1, months: 6 }],
  ])('%s: %i days reads as %o and converts back', (_label, days, parts) => {
    expect(daysToRetention(days)).toEqual(parts);
    expect(retentionToDays(parts)).toBe(days);
  });

  it.each([
    ['3650 days rounds to 10 years', 3650, { years: 10, months: 0 }],
    ['a remainder of almost 12 months carries into a year', 364, { years: 1, months: 0 }],
  ])('%s', (_label, days, parts) => {
    expect(daysToRetention(days)).toEqual(parts);
  });

  it('the largest years and months the form allows fit main’s limit, and the smallest is main’s minimum', () => {
    expect(retentionToDays({ years: RETENTION_LIMITS.maxYears, months: 11 })).toBeLessThanOrEqual(RETENTION_LIMITS.maxDays);
    expect(retentionToDays({ years: 0, months: 1 })).toBe(RETENTION_LIMITS.minDays);
  });
});

describe('language choices by name', () => {
  it('names each language in itself and in English, and keeps a chosen language the kiosk has no text for', () => {
    const choices = languageChoices(['en', 'es', 'ar'], ['es', 'pt'], 'en', nativeLanguageName);
    expect(choices).toEqual([
      { code: 'en', nativeName: 'English', localName: '' },
      { code: 'es', nativeName: 'Español', localName: 'Spanish' },
      { code: 'ar', nativeName: 'العربية', localName: 'Arabic' },
      { code: 'pt', nativeName: 'Português', localName: 'Portuguese' },
    ]);
  });
});
