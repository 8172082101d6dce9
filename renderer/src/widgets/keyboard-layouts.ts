/**
 * On-screen keyboard layouts for simple-keyboard, per language and field kind.
 * Names are typed by clients with accents (José, Peña, Zoë), so both languages reach
 * accented letters without a physical keyboard: Spanish on its own row, English via shift.
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
  const text = lang.startsWith('es') ? ES_TEXT : EN_TEXT;
  switch (kind) {
    case 'text':
      return text;
    case 'email':
      return emailLayout(text);
    case 'phone':
      return PHONE;
    case 'number':
      return NUMBER;
  }
}

/** Layer to return to after one shifted character (names: capital first letter, then lower case). */
export const ONE_SHOT_LAYERS: ReadonlySet<string> = new Set(['shift']);
