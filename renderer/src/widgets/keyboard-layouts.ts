/**
 * On-screen keyboard layouts for simple-keyboard, per language and field kind.
 * Names are typed by clients the way they write them (José, Peña, Zoë, Ngô Thị Hằng, Алёна,
 * محمد, 김민준), so every shipped language reaches its own letters without a physical keyboard:
 * Spanish and French accents on their own row, Russian ЙЦУКЕН, Arabic in the standard Arabic
 * arrangement (drawn right to left: layerDirection), Korean dubeolsik jamo that
 * keyboard-compose.ts assembles into syllables, Vietnamese vowels plus tone keys that join the
 * vowel typed before them. Chinese names are typed in pinyin on the English layout; a hardware
 * keyboard with the OS input method works too (the field never interferes with composition).
 * Keyboards for non-Latin scripts have Latin layers one key away ({latin}).
 *
 * Adding a language: add its text layout to TEXT_LAYOUTS under its primary language subtag
 * (a layer per name; rows of space-separated keys; `{bksp}`, `{done}` and, where the script
 * has case, `{shift}` as below). Keep every row at 11 keys or fewer (Delete counts as one and
 * a half) so it fits a 768 px tablet at 48 px a key. Email, phone and number pads are shared
 * by every language: addresses are typed in Latin letters whatever the client's script. So is
 * the code pad (`code`) the admin's form editor uses for ids, flag codes and conditions.
 */
import type { KeyboardLayoutObject } from 'simple-keyboard';
import { languageDirection } from '../i18n/direction.ts';

export type KeyboardKind = 'text' | 'email' | 'phone' | 'number' | 'code';

/** The widest row a layout may have (counting Delete as 1.5 keys): see keyboard.css. */
export const MAX_ROW_UNITS = 11.5;

const EN_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l \'', '{shift} z x c v b n m , . -', '{accents} {space} {done}'],
  shift: ['! ? ( ) / & : ; " # {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L \'', '{shift} Z X C V B N M , . -', '{accents} {space} {done}'],
  accents: ['á é í ó ú ü ñ ç {bksp}', 'Á É Í Ó Ú Ü Ñ Ç', 'à è ì ò ù â ê ô', 'ä ë ï ö ß ã õ ø', '{abc} {space} {done}'],
};

const ES_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l ñ', '{shift} z x c v b n m , . -', 'á é í ó ú ü', '{accents} {space} {done}'],
  shift: ['! ¡ ? ¿ ( ) / & : ; {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L Ñ', '{shift} Z X C V B N M , . -', 'Á É Í Ó Ú Ü', '{accents} {space} {done}'],
  accents: ['à è ì ò ù ç {bksp}', 'À È Ì Ò Ù Ç', 'â ê î ô û \' "', 'ä ë ï ö ã õ', '{abc} {space} {done}'],
};

/** English letters as extra layers of a non-Latin keyboard; {abc} returns to the native letters. */
const LATIN_LAYERS: KeyboardLayoutObject = {
  latin: (EN_TEXT.default ?? []).map((row) => row.replace('{accents}', '{abc}')),
  latinShift: (EN_TEXT.shift ?? []).map((row) => row.replace('{accents}', '{abc}')),
};

const FR_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l \'', '{shift} z x c v b n m , . -', 'é è ê à â ç ù ô î ë ï', '{accents} {space} {done}'],
  shift: ['! ? ( ) / & : ; « » {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L \'', '{shift} Z X C V B N M , . -', 'É È Ê À Â Ç Ù Ô Î Ë Ï', '{accents} {space} {done}'],
  accents: ['œ æ û ü ÿ ñ {bksp}', 'Œ Æ Û Ü Ÿ Ñ', 'á í ó ú ä ö', '" # @', '{abc} {space} {done}'],
};

/**
 * ЙЦУКЕН, the standard Russian arrangement. Its first row has 12 letters, more than a tablet row
 * holds at 48 px a key, so х and ъ move down beside ё, which names such as Алёна are spelled with.
 */
const RU_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'й ц у к е н г ш щ з', 'ф ы в а п р о л д ж э', '{shift} я ч с м и т ь б ю', 'х ъ ё - , . \'', '{latin} {space} {done}'],
  shift: ['! ? ( ) / & : ; " № {bksp}', 'Й Ц У К Е Н Г Ш Щ З', 'Ф Ы В А П Р О Л Д Ж Э', '{shift} Я Ч С М И Т Ь Б Ю', 'Х Ъ Ё - , . \'', '{latin} {space} {done}'],
  ...LATIN_LAYERS,
};

/**
 * The standard Arabic arrangement (ض first, drawn on the right: the keyboard is right to left),
 * rows kept to 11 letters, with the hamza forms and lam-alef that names use (أحمد, مؤمن, لانا).
 * Arabic has no case, so no Shift.
 */
const AR_TEXT: KeyboardLayoutObject = {
  default: ['١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠ {bksp}', 'ض ص ث ق ف غ ع ه خ ح ج', 'ش س ي ب ل ا ت ن م ك ط', 'ذ ء ؤ ر لا ى ة و ز ظ د', 'ئ أ إ آ - ، .', '{latin} {space} {done}'],
  ...LATIN_LAYERS,
};

/** Dubeolsik (2-set), the standard Korean arrangement: jamo here, syllables assembled on input. */
const KO_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'ㅂ ㅈ ㄷ ㄱ ㅅ ㅛ ㅕ ㅑ ㅐ ㅔ', 'ㅁ ㄴ ㅇ ㄹ ㅎ ㅗ ㅓ ㅏ ㅣ', '{shift} ㅋ ㅌ ㅊ ㅍ ㅠ ㅜ ㅡ , . -', '{latin} {space} {done}'],
  shift: ['! ? ( ) / & : ; " # {bksp}', 'ㅃ ㅉ ㄸ ㄲ ㅆ ㅛ ㅕ ㅑ ㅒ ㅖ', 'ㅁ ㄴ ㅇ ㄹ ㅎ ㅗ ㅓ ㅏ ㅣ', '{shift} ㅋ ㅌ ㅊ ㅍ ㅠ ㅜ ㅡ , . -', '{latin} {space} {done}'],
  ...LATIN_LAYERS,
};

/** The five Vietnamese tone marks as combining characters (sắc, huyền, hỏi, ngã, nặng). */
export const VI_TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/**
 * Latin letters with the Vietnamese vowels and đ on their own row, and a row of tone keys: a tone
 * key puts its mark on the vowel just typed (a + ́ = á, ê + ̃ = ễ), the way Telex and VNI users add
 * the tone after the vowel (keyboard-compose.ts).
 */
const VI_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l \'', '{shift} z x c v b n m , . -', 'ă â ê ô ơ ư đ', VI_TONES.join(' '), '{space} {done}'],
  shift: ['! ? ( ) / & : ; " # {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L \'', '{shift} Z X C V B N M , . -', 'Ă Â Ê Ô Ơ Ư Đ', VI_TONES.join(' '), '{space} {done}'],
};

/** Text layouts by primary language subtag; anything else (Chinese: pinyin) gets English. */
const TEXT_LAYOUTS: Readonly<Record<string, KeyboardLayoutObject>> = { en: EN_TEXT, es: ES_TEXT, fr: FR_TEXT, ru: RU_TEXT, ar: AR_TEXT, ko: KO_TEXT, vi: VI_TEXT };



/**
 * Email addresses: Latin letters, digits and the characters addresses use, each once;
 * no space and no accents. Capitals stay one Shift away (some clients type them).
 */
const EMAIL: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m', '@ . _ - .com {done}'],
  shift: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M', '@ . _ - .com {done}'],
};

/**
 * Ids (question, step and option ids, flag codes), conditions and other code-like admin fields:
 * Latin letters, digits, `_ . , - : / \` and the condition language's `< > = ( ) ' " ! & |`,
 * each once, and a space. Capitals stay on while Caps is on ({caps}: flag codes such as
 * FEVER_INFECTION are all capitals), unlike a name's one-shot Shift.
 */
const CODE_SYMBOLS = `< > = ( ) ' " ! & | \\`;
const CODE: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p -', 'a s d f g h j k l _ :', '{caps} z x c v b n m . , /', CODE_SYMBOLS, '{space} {done}'],
  caps: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P -', 'A S D F G H J K L _ :', '{caps} Z X C V B N M . , /', CODE_SYMBOLS, '{space} {done}'],
};

const PHONE: KeyboardLayoutObject = {
  default: ['1 2 3', '4 5 6', '7 8 9', '+ 0 {bksp}', '( ) - {space}', '{done}'],
};

const NUMBER: KeyboardLayoutObject = {
  default: ['1 2 3', '4 5 6', '7 8 9', '. 0 {bksp}', '{done}'],
};

export function textLayout(lang: string): KeyboardLayoutObject {
  return TEXT_LAYOUTS[lang.split('-')[0] ?? ''] ?? EN_TEXT;
}

export function keyboardLayout(lang: string, kind: KeyboardKind): KeyboardLayoutObject {
  switch (kind) {
    case 'text':
      return textLayout(lang);
    case 'email':
      return EMAIL;
    case 'phone':
      return PHONE;
    case 'number':
      return NUMBER;
    case 'code':
      return CODE;
  }
}

/** The keys of one row, as simple-keyboard reads them. */
export const rowKeys = (row: string): readonly string[] => row.split(' ');

/** Layers left after one character (names: capital first letter, then lower case). */
export const ONE_SHOT_LAYERS: ReadonlySet<string> = new Set(['shift', 'latinShift']);

/** The direction a layer is drawn in: the Latin layer of an Arabic keyboard is left to right. */
export function layerDirection(lang: string, kind: KeyboardKind, layer: string): 'ltr' | 'rtl' {
  return kind === 'text' && languageDirection(lang) === 'rtl' && !layer.startsWith('latin') ? 'rtl' : 'ltr';
}

/**
 * The layer a key press leads to. {shift} toggles capitals (in the Latin layers too), {latin}
 * switches a non-Latin keyboard to Latin letters (for a name a client writes in Latin letters),
 * {abc} returns to the language's own letters; one shifted letter returns to lower case;
 * {caps} (the code pad) keeps capitals on until it is pressed again.
 */
export function nextLayer(current: string, button: string): string {
  switch (button) {
    case '{shift}':
      if (current === 'latin') return 'latinShift';
      if (current === 'latinShift') return 'latin';
      return current === 'shift' ? 'default' : 'shift';
    case '{caps}':
      return current === 'caps' ? 'default' : 'caps';
    case '{accents}':
      return 'accents';
    case '{latin}':
      return 'latin';
    case '{abc}':
      return 'default';
    default:
      if (ONE_SHOT_LAYERS.has(current) && !button.startsWith('{')) return current === 'latinShift' ? 'latin' : 'default';
      return current;
  }
}
