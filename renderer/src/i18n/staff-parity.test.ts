/**
 * Every shipped language has the whole staff and admin text: each English key, the same
 * run-time values ({{name}}) in each text, and every plural form the language's CLDR rules
 * use (Arabic needs six, Russian four), so no reader meets an English fallback or a raw key.
 */
import { describe, expect, it } from 'vitest';
import { STAFF_RESOURCES, STAFF_SCREEN_LANGUAGES } from './staff-resources.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Leaf keys as dotted paths, with their text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? ''))].sort();
/** A plural form may spell the number out ("one entry"), so {{count}} is optional there. */
const withoutCount = (names: readonly string[]) => names.filter((n) => n !== 'count');

const NAMESPACES = ['staff', 'admin'] as const;
const others = STAFF_SCREEN_LANGUAGES.filter((l) => l !== 'en');

it('ships the eight staff screen languages', () => {
  expect([...STAFF_SCREEN_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ko', 'ru', 'vi', 'zh']);
});

describe.each(NAMESPACES)('namespace %s in every shipped language', (ns) => {
  const english = leaves(STAFF_RESOURCES.en[ns] as Tree);
  const englishBases = new Map<string, string>();
  for (const [key, text] of english) englishBases.set(key.replace(PLURAL, ''), text);

  it.each(others)('%s has every English key and no key English lacks', (lang) => {
    const translated = leaves(STAFF_RESOURCES[lang][ns] as Tree);
    const missing = [...english.keys()].filter((k) => !translated.has(k));
    const unknown = [...translated.keys()].filter((k) => !english.has(k) && !(PLURAL.test(k) && english.has(k.replace(PLURAL, '_other'))));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each(others)('%s keeps the same {{placeholders}} in every text', (lang) => {
    const translated = leaves(STAFF_RESOURCES[lang][ns] as Tree);
    const wrong = [...translated].flatMap(([key, text]) => {
      const plural = PLURAL.test(key);
      const englishText = plural ? (english.get(key.replace(PLURAL, '_other')) ?? '') : (english.get(key) ?? '');
      const want = plural ? withoutCount(placeholders(englishText)) : placeholders(englishText);
      const have = plural ? withoutCount(placeholders(text)) : placeholders(text);
      return JSON.stringify(want) === JSON.stringify(have) ? [] : [`${key}: ${JSON.stringify(have)} instead of ${JSON.stringify(want)}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each(others)('%s has each plural form its language uses', (lang) => {
    const translated = leaves(STAFF_RESOURCES[lang][ns] as Tree);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const pluralBases = [...english.keys()].filter((k) => k.endsWith('_other')).map((k) => k.replace(/_other$/, ''));
    expect(pluralBases.length).toBeGreaterThan(0);
    const missing = pluralBases.flatMap((base) => categories.filter((c) => !translated.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
    expect(missing).toEqual([]);
  });

  it.each(others)('%s is translated, not English copied (most texts differ)', (lang) => {
    const translated = leaves(STAFF_RESOURCES[lang][ns] as Tree);
    const same = [...english].filter(([key, text]) => /\p{L}{3,}/u.test(text) && translated.get(key) === text).map(([key]) => key);
    expect(same.length / english.size).toBeLessThan(0.1);
  });
});
