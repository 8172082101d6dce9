/**
 * The summary's own words in every language the kiosk ships: each language has every
 * label (a missing or empty one fails here), and they are translations, not English
 * copies; the layout direction follows the labels' language.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_LANGUAGES } from '../../forms/engine/messages.ts';
import { LABEL_TEXTS } from './label-texts.ts';
import { painWord, severityWord, summaryDirection, summaryLabels } from './labels.ts';

/** Every leaf of a labels object as "path = text". */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, String(value)]];
}

const english = new Map(leaves(LABEL_TEXTS.en));

/** Words that are the same in a language as in English (cognates, "version", "Page"...). */
const SHARED_WITH_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  fr: ['signature', 'version', 'severity.info'],
  es: [],
};

/** Languages in their own script: every label must use it. */
const SCRIPT: Readonly<Record<string, RegExp>> = {
  zh: /\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe.each(BUILTIN_LANGUAGES)('summary labels in %s', (lang) => {
  const own = LABEL_TEXTS[lang];

  it('has every label English has, none empty, no extra ones', () => {
    expect(own, `no labels for ${lang}`).toBeDefined();
    const entries = leaves(own);
    expect(entries.map(([k]) => k).sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of entries) expect(text.trim(), key).not.toBe('');
  });

  it.runIf(lang !== 'en')('is translated: no label is an English copy (except the shared words listed)', () => {
    const shared = new Set(SHARED_WITH_ENGLISH[lang] ?? []);
    const copies = leaves(own).filter(([key, text]) => !shared.has(key) && text === english.get(key));
    expect(copies).toEqual([]);
  });

  it.runIf(SCRIPT[lang] !== undefined)('is written in its own script', () => {
    for (const [key, text] of leaves(own)) expect(text, key).toMatch(SCRIPT[lang] ?? /./);
  });

  it('"page N of M" keeps both numbers', () => {
    expect(own?.pageOf).toContain('{n}');
    expect(own?.pageOf).toContain('{m}');
  });
});

describe('choosing labels', () => {
  it.each([
    { lang: 'fr', heading: 'Alertes de dépistage', stop: 'ARRÊT', pain: 'modérée', direction: 'ltr' },
    { lang: 'zh-CN', heading: '筛查警示', stop: '停止', pain: '中度', direction: 'ltr' },
    { lang: 'ar', heading: 'تنبيهات الفحص', stop: 'توقف', pain: 'متوسط', direction: 'rtl' },
    { lang: 'ar-EG', heading: 'تنبيهات الفحص', stop: 'توقف', pain: 'متوسط', direction: 'rtl' },
    { lang: 'de', heading: 'Screening flags', stop: 'STOP', pain: 'moderate', direction: 'ltr' },
  ])('$lang -> "$heading", right to left: $direction', ({ lang, heading, stop, pain, direction }) => {
    expect(summaryLabels(lang).flagsHeading).toBe(heading);
    expect(severityWord('stop', lang)).toBe(stop);
    expect(painWord(5, lang)).toBe(pain);
    expect(summaryDirection(lang)).toBe(direction);
  });
});
