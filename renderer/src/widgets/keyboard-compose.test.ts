import { describe, expect, it } from 'vitest';
import { composeKeyPress } from './keyboard-compose.ts';

/** Types keys one by one the way simple-keyboard reports them (append, or delete the last character). */
function typeKeys(lang: string, keys: readonly string[], start = ''): string {
  let value = start;
  for (const key of keys) {
    const raw = key === '{bksp}' ? Array.from(value).slice(0, -1).join('') : value + key;
    value = composeKeyPress(lang, value, raw);
  }
  return value;
}

describe('on-screen keyboard composition', () => {
  it.each([
    { label: 'Korean ㄱ ㅣ ㅁ assembles into 김', lang: 'ko', keys: ['ㄱ', 'ㅣ', 'ㅁ'], want: '김' },
    { label: 'Korean full name 김민준 (ㄴㅈ passes through ㄵ and splits again)', lang: 'ko', keys: ['ㄱ', 'ㅣ', 'ㅁ', 'ㅁ', 'ㅣ', 'ㄴ', 'ㅈ', 'ㅜ', 'ㄴ'], want: '김민준' },
    { label: 'Korean final consonant moves to the next syllable (김 + ㅏ = 기마)', lang: 'ko', keys: ['ㄱ', 'ㅣ', 'ㅁ', 'ㅏ'], want: '기마' },
    { label: 'Korean compound vowel (ㅗ + ㅏ = 와)', lang: 'ko', keys: ['ㅇ', 'ㅗ', 'ㅏ'], want: '와' },
    { label: 'Korean Delete takes back one jamo', lang: 'ko', keys: ['ㄱ', 'ㅣ', 'ㅁ', '{bksp}'], want: '기' },
    { label: 'Korean Delete twice leaves the first consonant', lang: 'ko', keys: ['ㄱ', 'ㅣ', 'ㅁ', '{bksp}', '{bksp}'], want: 'ㄱ' },
    { label: 'Korean after a space starts a new syllable', lang: 'ko', keys: ['ㅇ', 'ㅣ', ' ', 'ㅂ', 'ㅏ', 'ㄱ'], want: '이 박' },
    { label: 'Korean Latin letters pass through', lang: 'ko', keys: ['K', 'i', 'm'], want: 'Kim' },
    { label: 'Vietnamese tone after a vowel (a + sắc = á)', lang: 'vi', keys: ['a', '\u0301'], want: 'á' },
    { label: 'Vietnamese Nguyễn: ê + ngã = ễ', lang: 'vi', keys: ['N', 'g', 'u', 'y', 'ê', '\u0303', 'n'], want: 'Nguyễn' },
    { label: 'Vietnamese nặng on ư (Hằng-style stacking: ư + nặng = ự)', lang: 'vi', keys: ['T', 'ư', '\u0323'], want: 'Tự' },
    { label: 'Vietnamese a second tone replaces the first (á + huyền = à)', lang: 'vi', keys: ['a', '\u0301', '\u0300'], want: 'à' },
    { label: 'Vietnamese tone after a consonant does nothing', lang: 'vi', keys: ['n', '\u0301'], want: 'n' },
    { label: 'Vietnamese tone on an empty field does nothing', lang: 'vi', keys: ['\u0309'], want: '' },
    { label: 'Russian keeps simple-keyboard\'s result', lang: 'ru', keys: ['А', 'л', 'ё', 'н', 'а'], want: 'Алёна' },
    { label: 'Arabic keeps simple-keyboard\'s result', lang: 'ar', keys: ['م', 'ح', 'م', 'د'], want: 'محمد' },
    { label: 'English Delete removes one letter', lang: 'en', keys: ['Z', 'o', 'ë', '{bksp}'], want: 'Zo' },
  ])('$label', ({ lang, keys, want }) => {
    const got = typeKeys(lang, keys);
    expect(got).toBe(want);
    expect(got).toBe(got.normalize('NFC'));
  });
});
