// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStaffI18n, initI18n } from '../i18n/index.ts';
import { ar } from '../i18n/ar.ts';
import { en } from '../i18n/en.ts';
import { es } from '../i18n/es.ts';
import { fr } from '../i18n/fr.ts';
import { ko } from '../i18n/ko.ts';
import { ru } from '../i18n/ru.ts';
import { vi } from '../i18n/vi.ts';
import { zh } from '../i18n/zh.ts';
import { keyboardLayout, rowKeys, VI_TONES, type KeyboardKind } from './keyboard-layouts.ts';
import { keyName, type KeyWords } from './keyboard-names.ts';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const CHROME = { en, es, fr, zh, vi, ko, ar, ru } as const;
const KINDS: readonly KeyboardKind[] = ['text', 'email', 'phone', 'number', 'code'];

/** The words keys are named with, from each language's own chrome (what OnScreenKeyboard passes). */
const wordsOf = (lang: keyof typeof CHROME): KeyWords => {
  const k = CHROME[lang].keyboard;
  return { backspace: k.backspace, space: k.space, shift: k.shift, capsLock: k.capsLock, done: k.done, accentsName: k.accentsName, latinName: k.latinName, lettersName: k.lettersName };
};

const LAYERS = (Object.keys(CHROME) as (keyof typeof CHROME)[]).flatMap((lang) =>
  KINDS.flatMap((kind) => Object.entries(keyboardLayout(lang, kind)).map(([layer, rows]) => ({ label: `${lang}/${kind}/${layer}`, lang, keys: rows.flatMap(rowKeys) }))),
);

describe('every on-screen key has a spoken name', () => {
  it.each(LAYERS)('$label: every key named with words, no two keys alike', ({ lang, keys }) => {
    const names = keys.map((key) => ({ key, name: keyName(lang, key, wordsOf(lang)) }));
    // Something a screen reader says: not empty, not a bare combining mark or dotted circle, no raw {code}.
    expect(names.filter(({ name }) => !/[^\p{M}\u25cc\s]/u.test(name) || /^\{.*\}$/u.test(name))).toEqual([]);
    // Keys on one layer all type something different, so no two may sound the same.
    const seen = new Map<string, string>();
    const clashes = names.flatMap(({ key, name }) => {
      const other = seen.get(name);
      seen.set(name, key);
      return other !== undefined && other !== key ? [`${other} and ${key} are both "${name}"`] : [];
    });
    expect(clashes).toEqual([]);
  });

  it.each([
    { key: VI_TONES[0], name: 'dấu sắc' },
    { key: VI_TONES[1], name: 'dấu huyền' },
    { key: VI_TONES[2], name: 'dấu hỏi' },
    { key: VI_TONES[3], name: 'dấu ngã' },
    { key: VI_TONES[4], name: 'dấu nặng' },
  ])('the Vietnamese tone key $name is spoken by its Vietnamese name', ({ key, name }) => {
    expect(keyName('vi', key, wordsOf('vi'))).toBe(name);
  });

  it.each((Object.keys(CHROME) as (keyof typeof CHROME)[]).map((lang) => ({ lang })))('$lang: the layer keys’ names start with what they show (voice control users say what they see)', ({ lang }) => {
    const words = wordsOf(lang);
    expect(words.accentsName.startsWith('á é ñ')).toBe(true);
    expect(words.latinName.startsWith('ABC')).toBe(true);
    expect(words.lettersName.startsWith(CHROME[lang].keyboard.letters)).toBe(true);
  });
});

describe('the rendered keyboard speaks those names', () => {
  // The form editor's code pad, in every chrome language: Caps, Delete, Space and Done by their words, symbols by themselves.
  it.each((Object.keys(CHROME) as (keyof typeof CHROME)[]).map((lang) => ({ lang })))('$lang: the code pad names its wide keys in the chrome language', ({ lang }) => {
    render(
      <I18nextProvider i18n={createStaffI18n(lang)}>
        <OnScreenKeyboard kind="code" lang={lang} value="" onChange={() => undefined} onDone={() => undefined} />
      </I18nextProvider>,
    );
    const k = CHROME[lang].keyboard;
    for (const name of [k.capsLock, k.backspace, k.space, k.done, '_', '<', '>', '=', '(', ')', '!', '&', '|', "'", '"', '.']) {
      expect(screen.getByRole('button', { name }), name).toBeTruthy();
    }
  });

  it.each([
    { label: 'Vietnamese tone keys', lang: 'vi', names: ['dấu sắc', 'dấu huyền', 'dấu hỏi', 'dấu ngã', 'dấu nặng', 'Xóa', 'Xong'] },
    { label: 'Korean jamo', lang: 'ko', names: ['기역', '아', '이', 'ABC: 로마자'] },
    { label: 'Arabic lam-alef and the Latin key', lang: 'ar', names: ['لام ألف', 'ABC: الحروف اللاتينية'] },
    { label: 'English accents key', lang: 'en', names: ['á é ñ: accented letters', 'q'] },
  ])('$label', ({ lang, names }) => {
    render(
      <I18nextProvider i18n={createStaffI18n(lang)}>
        <OnScreenKeyboard kind="text" lang={lang} value="" onChange={() => undefined} onDone={() => undefined} />
      </I18nextProvider>,
    );
    for (const name of names) expect(screen.getByRole('button', { name }), name).toBeTruthy();
  });
});
