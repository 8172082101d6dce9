import { describe, expect, it } from 'vitest';
import { keyboardLayout, type KeyboardKind } from './keyboard-layouts.ts';

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
});
