/**
 * On-screen keyboard layouts for simple-keyboard, per language and field kind.
 * Names are typed by clients with accents (José, Peña, Zoë), so both languages reach
 * accented letters without a physical keyboard: Spanish on its own row, English via shift.
 *
 * Adding a language: add its text layout to TEXT_LAYOUTS under its primary language subtag
 * (a layer per name; rows of space-separated keys; `{bksp}`, `{done}` and, where the script
 * has case, `{shift}` as below). Keep every row at 11 keys or fewer (Delete counts as one and
 * a half) so it fits a 768 px tablet at 48 px a key. Email, phone and number pads are shared
 * by every language: addresses are typed in Latin letters whatever the client's script.
 */
import type { KeyboardLayoutObject } from 'simple-keyboard';

export type KeyboardKind = 'text' | 'email' | 'phone' | 'number';

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

/** Text layouts by primary language subtag; anything else gets English. */
const TEXT_LAYOUTS: Readonly<Record<string, KeyboardLayoutObject>> = { en: EN_TEXT, es: ES_TEXT };

/**
 * Email addresses: Latin letters, digits and the characters addresses use, each once;
 * no space and no accents. Capitals stay one Shift away (some clients type them).
 */
const EMAIL: KeyboardLayoutObject = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m', '@ . _ - .com {done}'],
  shift: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M', '@ . _ - .com {done}'],
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
  }
}

/** The keys of one row, as simple-keyboard reads them. */
export const rowKeys = (row: string): readonly string[] => row.split(' ');

/** Layer to return to after one shifted character (names: capital first letter, then lower case). */
export const ONE_SHOT_LAYERS: ReadonlySet<string> = new Set(['shift']);
