/**
 * On-screen keyboard layouts for simple-keyboard, per language and field kind.
 * Names are typed by clients the way they write them (José, Peña, Zoë, Ngô Thị Hằng, Иванова,
 * محمد, 김민준), so every shipped language reaches its own letters without a physical keyboard:
 * Spanish and French accents on their own row, Russian ЙЦУКЕН, Arabic in the standard Arabic
 * arrangement (drawn right to left), Korean 2-beolsik jamo that keyboard-compose.ts assembles into
 * syllables, Vietnamese vowels plus tone keys that combine with the vowel typed before them.
 * Chinese names are typed in pinyin on the Latin layout (a hardware keyboard with the OS input
 * method works too: the field never interferes with composition events).
 * Email and phone fields are Latin/digits in every language.
 */
import type { KeyboardLayoutObject } from 'simple-keyboard';

export type KeyboardKind = 'text' | 'email' | 'phone' | 'number';

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

/** ЙЦУКЕН, the standard Russian arrangement, with ё (names such as Алёна are spelled with it). */
const RU_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'й ц у к е н г ш щ з х ъ', 'ф ы в а п р о л д ж э', '{shift} я ч с м и т ь б ю ё', '- , . \'', '{latin} {space} {done}'],
  shift: ['! ? ( ) / & : ; " № {bksp}', 'Й Ц У К Е Н Г Ш Щ З Х Ъ', 'Ф Ы В А П Р О Л Д Ж Э', '{shift} Я Ч С М И Т Ь Б Ю Ё', '- , . \'', '{latin} {space} {done}'],
  ...LATIN_LAYERS,
};

/**
 * The standard Arabic arrangement (ض first, on the right: the keyboard is drawn right to left),
 * with the hamza forms and lam-alef that names use (أحمد, مؤمن, لانا).
 */
const AR_TEXT: KeyboardLayoutObject = {
  default: ['١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠ {bksp}', 'ض ص ث ق ف غ ع ه خ ح ج د', 'ش س ي ب ل ا ت ن م ك ط', 'ئ ء ؤ ر لا ى ة و ز ظ ذ', 'أ إ آ - ، .', '{latin} {space} {done}'],
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
 * key adds its mark to the vowel just typed (a + ́ = á, ê + ̃ = ễ), the way Telex/VNI users expect
 * to add the tone after the vowel.
 */
const VI_TEXT: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l \'', '{shift} z x c v b n m , . -', 'ă â ê ô ơ ư đ', `${VI_TONES.join(' ')}`, '{space} {done}'],
  shift: ['! ? ( ) / & : ; " # {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L \'', '{shift} Z X C V B N M , . -', 'Ă Â Ê Ô Ơ Ư Đ', `${VI_TONES.join(' ')}`, '{space} {done}'],
};

/** Languages written right to left: their text keyboard is drawn right to left. */
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function isRightToLeft(lang: string): boolean {
  return RTL_LANGUAGES.has(lang.split('-')[0] ?? lang);
}

function textLayout(lang: string): KeyboardLayoutObject {
  switch (lang.split('-')[0]) {
    case 'es':
      return ES_TEXT;
    case 'fr':
      return FR_TEXT;
    case 'ru':
      return RU_TEXT;
    case 'ar':
      return AR_TEXT;
    case 'ko':
      return KO_TEXT;
    case 'vi':
      return VI_TEXT;
    default:
      // English, and Chinese (names in pinyin; a hardware keyboard's input method for characters).
      return EN_TEXT;
  }
}

const EMAIL_EXTRA = '@ . _ - .com {bksp}';

function emailLayout(text: KeyboardLayoutObject): KeyboardLayoutObject {
  // Email addresses have no spaces or accents: swap the space row for the characters they do use.
  const lower = (text.default ?? []).slice(1, 4);
  const upper = (text.shift ?? []).slice(1, 4);
  return {
    default: ['1 2 3 4 5 6 7 8 9 0', ...lower.map((r) => r.replace(/ ñ|'/g, '')), EMAIL_EXTRA, '{done}'],
    shift: ['1 2 3 4 5 6 7 8 9 0', ...upper.map((r) => r.replace(/ Ñ|'/g, '')), EMAIL_EXTRA, '{done}'],
  };
}

const PHONE: KeyboardLayoutObject = {
  default: ['1 2 3', '4 5 6', '7 8 9', '+ 0 {bksp}', '( ) - {space}', '{done}'],
};

const NUMBER: KeyboardLayoutObject = {
  default: ['1 2 3', '4 5 6', '7 8 9', '. 0 {bksp}', '{done}'],
};

export function keyboardLayout(lang: string, kind: KeyboardKind): KeyboardLayoutObject {
  switch (kind) {
    case 'text':
      return textLayout(lang);
    case 'email':
      // Addresses are Latin in every language; Spanish keeps its own lower rows (they are Latin).
      return emailLayout(lang.startsWith('es') ? ES_TEXT : EN_TEXT);
    case 'phone':
      return PHONE;
    case 'number':
      return NUMBER;
  }
}

/** Layer to return to after one shifted character (names: capital first letter, then lower case). */
export const ONE_SHOT_LAYERS: ReadonlySet<string> = new Set(['shift', 'latinShift']);

/** The direction a layout is drawn in: the Latin layer of an Arabic keyboard is left to right. */
export function layerDirection(lang: string, kind: KeyboardKind, layer: string): 'ltr' | 'rtl' {
  return kind === 'text' && isRightToLeft(lang) && !layer.startsWith('latin') ? 'rtl' : 'ltr';
}

/**
 * The layer a key press leads to. {shift} toggles capitals (in the Latin layers too), {latin}
 * switches a non-Latin keyboard to Latin letters (for a name a client writes in Latin letters) and
 * {abc} back; one shifted letter returns to lower case.
 */
export function nextLayer(current: string, button: string): string {
  switch (button) {
    case '{shift}':
      if (current === 'latin') return 'latinShift';
      if (current === 'latinShift') return 'latin';
      return current === 'shift' ? 'default' : 'shift';
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
