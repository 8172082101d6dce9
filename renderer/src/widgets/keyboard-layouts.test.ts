import { describe, expect, it } from 'vitest';
import { keyboardLayout, layerDirection, MAX_ROW_UNITS, nextLayer, rowKeys, type KeyboardKind } from './keyboard-layouts.ts';

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
    { label: 'French text has its accents and ç on the first layer', lang: 'fr', kind: 'text', must: ['é', 'è', 'ê', 'à', 'ç', 'ù', 'ô', 'î', 'ë', 'ï', 'œ', 'É'] },
    { label: 'Russian text is ЙЦУКЕН with all 33 letters', lang: 'ru', kind: 'text', must: [...'йцукенгшщзхъфывапролджэячсмитьбюё', ...'ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ'] },
    { label: 'Arabic text has the 28 letters, hamza forms and Latin letters one tap away', lang: 'ar', kind: 'text', must: [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', 'ء', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ة', 'ى', '{latin}', 'a', 'Z'] },
    { label: 'Korean text is dubeolsik jamo, tense consonants on shift', lang: 'ko', kind: 'text', must: [...'ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡ', 'ㅃ', 'ㅉ', 'ㄸ', 'ㄲ', 'ㅆ', 'ㅒ', 'ㅖ'] },
    { label: 'Vietnamese text has ă â ê ô ơ ư đ and the five tone keys', lang: 'vi', kind: 'text', must: ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Đ', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] },
    { label: 'Chinese text is the Latin layout (names in pinyin)', lang: 'zh', kind: 'text', must: ['q', 'z', 'Q', 'ü'] },
    { label: 'Arabic email is Latin', lang: 'ar', kind: 'email', must: ['@', 'a', 'z'] },
    {
      label: 'the code pad has what ids and conditions are written with',
      lang: 'en',
      kind: 'code',
      must: [...'abcdefghijklmnopqrstuvwxyz', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...'0123456789', '_', '.', ',', '-', '<', '>', '=', '(', ')', "'", '"', '!', '&', '|', '{space}', '{caps}'],
    },
    { label: 'the code pad is the same Latin pad whatever the chrome language', lang: 'ar', kind: 'code', must: ['a', 'Z', '_', '=', '('] },
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
    for (const lang of ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru']) {
      for (const kind of ['text', 'email', 'phone', 'number', 'code'] as const) {
        const keys = keysOf(lang, kind);
        expect(keys, `${lang}/${kind}`).toContain('{done}');
        expect(keys, `${lang}/${kind}`).toContain('{bksp}');
      }
    }
  });

  const KINDS = ['text', 'email', 'phone', 'number', 'code'] as const;
  const LAYERS = ['en', 'es', 'es-MX', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'].flatMap((lang) =>
    KINDS.flatMap((kind) => Object.entries(keyboardLayout(lang, kind)).map(([layer, rows]) => ({ label: `${lang}/${kind}/${layer}`, rows }))),
  );

  it.each(LAYERS)('$label: every key has a name and appears once', ({ rows }) => {
    const keys = rows.flatMap(rowKeys);
    // An empty key renders as a button with no accessible name (axe button-name).
    expect(keys.filter((k) => k.trim() === '')).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  // Wide keys as keyboard.css sizes them (flex-grow); a row wider than this no longer fits 768 px at 48 px a key.
  const WIDTH: Readonly<Record<string, number>> = { '{bksp}': 1.5, '{shift}': 1.5, '{caps}': 1.5, '{accents}': 1.5, '{abc}': 1.5, '{latin}': 1.5, '{space}': 5, '{done}': 2 };
  it.each(LAYERS)('$label: no row is wider than a tablet can show', ({ rows }) => {
    for (const row of rows) {
      const units = rowKeys(row).reduce((sum, k) => sum + (WIDTH[k] ?? 1), 0);
      expect(units, row).toBeLessThanOrEqual(MAX_ROW_UNITS);
    }
  });
});

describe('on-screen keyboard layers and direction', () => {
  it.each([
    { label: 'shift toggles capitals', current: 'default', button: '{shift}', want: 'shift' },
    { label: 'one capital then lower case', current: 'shift', button: 'A', want: 'default' },
    { label: 'a non-Latin keyboard switches to Latin letters', current: 'default', button: '{latin}', want: 'latin' },
    { label: 'shift in the Latin layer gives Latin capitals', current: 'latin', button: '{shift}', want: 'latinShift' },
    { label: 'one Latin capital then Latin lower case', current: 'latinShift', button: 'K', want: 'latin' },
    { label: 'the letters key returns to the native letters', current: 'latin', button: '{abc}', want: 'default' },
    { label: 'a letter in the accents layer stays there', current: 'accents', button: 'é', want: 'accents' },
    { label: 'Caps turns capitals on', current: 'default', button: '{caps}', want: 'caps' },
    { label: 'capitals stay on after a letter (FEVER_INFECTION)', current: 'caps', button: 'F', want: 'caps' },
    { label: 'Caps again turns them off', current: 'caps', button: '{caps}', want: 'default' },
  ])('$label', ({ current, button, want }) => {
    expect(nextLayer(current, button)).toBe(want);
  });

  it.each([
    { label: 'every layer a key leads to exists in that language', langs: ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'] },
  ])('$label', ({ langs }) => {
    for (const lang of langs) {
      for (const kind of ['text', 'code'] as const) {
        const layout = keyboardLayout(lang, kind);
        for (const [name, rows] of Object.entries(layout)) {
          for (const button of rows.flatMap((r) => r.split(' '))) {
            expect(layout[nextLayer(name, button)], `${lang}/${kind}/${name}/${button}`).toBeDefined();
          }
        }
      }
    }
  });

  it.each([
    { label: 'Arabic letters are drawn right to left', lang: 'ar', kind: 'text', layer: 'default', want: 'rtl' },
    { label: 'Arabic Latin layer is left to right', lang: 'ar', kind: 'text', layer: 'latin', want: 'ltr' },
    { label: 'Arabic email is left to right', lang: 'ar', kind: 'email', layer: 'default', want: 'ltr' },
    { label: 'Arabic phone pad is left to right', lang: 'ar', kind: 'phone', layer: 'default', want: 'ltr' },
    { label: 'Russian is left to right', lang: 'ru', kind: 'text', layer: 'default', want: 'ltr' },
  ] as const)('$label', ({ lang, kind, layer, want }) => {
    expect(layerDirection(lang, kind, layer)).toBe(want);
  });
});
