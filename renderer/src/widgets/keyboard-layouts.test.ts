import { describe, expect, it } from 'vitest';
import { keyboardLayout, MAX_ROW_UNITS, rowKeys, type KeyboardKind } from './keyboard-layouts.ts';

const keysOf = (lang: string, kind: KeyboardKind) =>
  new Set(
    Object.values(keyboardLayout(lang, kind))
      .flat()
      .flatMap((row) => row.split(' ')),
  );

describe('on-screen keyboard layouts', () => {
  it.each([
    { label: 'Spanish text has ñ and accented vowels on the first layer', lang: 'es', kind: 'text', must: ['ñ', 'Ñ', 'á', 'é', 'í', 'ó', 'ú', 'ü', '¿', '¡'] },
    { label: 'English text still reaches accents for names like José', lang: 'en', kind: 'text', must: ['é', 'ñ', 'ç', '{accents}', '{abc}'] },
    { label: 'email has @ and dot, and no space', lang: 'en', kind: 'email', must: ['@', '.', '_', '-'] },
    { label: 'phone is a numeric pad with +', lang: 'es', kind: 'phone', must: ['0', '1', '9', '+', '{bksp}'] },
    { label: 'number is a numeric pad', lang: 'en', kind: 'number', must: ['0', '5', '9', '{bksp}', '{done}'] },
  ] as const)('$label', ({ lang, kind, must }) => {
    const keys = keysOf(lang, kind);
    for (const k of must) expect(keys, k).toContain(k);
  });

  it.each([
    { label: 'email', kind: 'email' },
    { label: 'phone', kind: 'phone' },
  ] as const)('$label has no letters with accents or spaces that an address or number cannot hold', ({ kind }) => {
    const keys = keysOf('es', kind);
    expect(keys.has('ñ')).toBe(false);
    expect(keys.has('á')).toBe(false);
  });

  it('every layout lets the client finish with Done and correct with Delete', () => {
    for (const lang of ['en', 'es']) {
      for (const kind of ['text', 'email', 'phone', 'number'] as const) {
        const keys = keysOf(lang, kind);
        expect(keys, `${lang}/${kind}`).toContain('{done}');
        expect(keys, `${lang}/${kind}`).toContain('{bksp}');
      }
    }
  });

  const KINDS = ['text', 'email', 'phone', 'number'] as const;
  const LAYERS = ['en', 'es', 'es-MX', 'fr'].flatMap((lang) =>
    KINDS.flatMap((kind) => Object.entries(keyboardLayout(lang, kind)).map(([layer, rows]) => ({ label: `${lang}/${kind}/${layer}`, rows }))),
  );

  it.each(LAYERS)('$label: every key has a name and appears once', ({ rows }) => {
    const keys = rows.flatMap(rowKeys);
    // An empty key renders as a button with no accessible name (axe button-name).
    expect(keys.filter((k) => k.trim() === '')).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  // Wide keys as keyboard.css sizes them (flex-grow); a row wider than this no longer fits 768 px at 48 px a key.
  const WIDTH: Readonly<Record<string, number>> = { '{bksp}': 1.5, '{shift}': 1.5, '{accents}': 1.5, '{abc}': 1.5, '{space}': 5, '{done}': 2 };
  it.each(LAYERS)('$label: no row is wider than a tablet can show', ({ rows }) => {
    for (const row of rows) {
      const units = rowKeys(row).reduce((sum, k) => sum + (WIDTH[k] ?? 1), 0);
      expect(units, row).toBeLessThanOrEqual(MAX_ROW_UNITS);
    }
  });
});
