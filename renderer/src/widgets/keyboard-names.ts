/**
 * What a screen reader says for each on-screen key. Most keys are named by what they show (a
 * letter, a digit, the word on a wide key). Keys that compose or are drawn with a symbol get a
 * spoken name in the keyboard's own language, because their face says nothing useful aloud:
 * - Vietnamese tone keys show a combining mark on a dotted circle (◌́): named "dấu sắc" and so on.
 * - Korean jamo compose into syllables: named as Korean readers call them (ㄱ "기역", ㅏ "아").
 * - Arabic lam-alef (لا) types two letters: "لام ألف".
 * - The layer keys (á é ñ, ABC) start with what they show and say where they lead.
 * keyboard-names.test.ts checks every layout: every key named, no two keys on one layer alike.
 */
import { VI_TONES } from './keyboard-layouts.ts';

/** The layer and wide keys' words, in the keyboard's (the chrome's) language. */
export interface KeyWords {
  readonly backspace: string;
  readonly space: string;
  readonly shift: string;
  /** The code pad's Caps key (capitals stay on). */
  readonly capsLock: string;
  readonly done: string;
  readonly accentsName: string;
  readonly latinName: string;
  readonly lettersName: string;
}

const [SAC, HUYEN, HOI, NGA, NANG] = VI_TONES;

/** Names of composing keys, by the layout's language (primary subtag), in that language. */
const COMPOSE_KEY_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  vi: { [SAC]: 'dấu sắc', [HUYEN]: 'dấu huyền', [HOI]: 'dấu hỏi', [NGA]: 'dấu ngã', [NANG]: 'dấu nặng' },
  ko: {
    ㄱ: '기역', ㄲ: '쌍기역', ㄴ: '니은', ㄷ: '디귿', ㄸ: '쌍디귿', ㄹ: '리을', ㅁ: '미음', ㅂ: '비읍', ㅃ: '쌍비읍', ㅅ: '시옷',
    ㅆ: '쌍시옷', ㅇ: '이응', ㅈ: '지읒', ㅉ: '쌍지읒', ㅊ: '치읓', ㅋ: '키읔', ㅌ: '티읕', ㅍ: '피읖', ㅎ: '히읗',
    ㅏ: '아', ㅐ: '애', ㅑ: '야', ㅒ: '얘', ㅓ: '어', ㅔ: '에', ㅕ: '여', ㅖ: '예', ㅗ: '오', ㅛ: '요', ㅜ: '우', ㅠ: '유', ㅡ: '으', ㅣ: '이',
  },
  ar: { لا: 'لام ألف' },
};

/** The spoken name of `key` on a keyboard for `lang` (the layout's language). */
export function keyName(lang: string, key: string, words: KeyWords): string {
  switch (key) {
    case '{bksp}':
      return words.backspace;
    case '{space}':
      return words.space;
    case '{shift}':
      return words.shift;
    case '{caps}':
      return words.capsLock;
    case '{done}':
      return words.done;
    case '{accents}':
      return words.accentsName;
    case '{latin}':
      return words.latinName;
    case '{abc}':
      return words.lettersName;
    default:
      return COMPOSE_KEY_NAMES[lang.split('-')[0] ?? lang]?.[key] ?? key;
  }
}

/**
 * simple-keyboard `buttonAttributes` giving an aria-label to each key of `keys` whose spoken name
 * is not what it shows (wide keys already show their word; letters and digits are their own name).
 */
export function keyNameAttributes(lang: string, keys: readonly string[], words: KeyWords): { attribute: string; value: string; buttons: string }[] {
  const SHOWN_AS_WORD = new Set(['{bksp}', '{space}', '{shift}', '{caps}', '{done}']);
  return [...new Set(keys)]
    .filter((key) => !SHOWN_AS_WORD.has(key) && keyName(lang, key, words) !== key)
    .map((key) => ({ attribute: 'aria-label', value: keyName(lang, key, words), buttons: key }));
}
