/**
 * Which bundled font draws each character: a fallback chain by script. A script's own
 * font comes first (Noto Sans Arabic for Arabic, Persian and Urdu, Noto CJK for Han...),
 * then every other font in a fixed order; characters of no particular script (spaces,
 * digits, punctuation, combining marks) stay in the font of the text around them when
 * it has them. A character no font has is "missing": drawn as a visible placeholder.
 */
import { loadFace, type FontKey } from './faces.ts';

/**
 * The summary uses two weights. DejaVu, Noto Sans Arabic, Hebrew, Devanagari and Thai have
 * a real bold face; the CJK and emoji fonts are drawn emboldened (see boldFaceOf).
 */
export type FontWeight = 'regular' | 'bold';


/** How Han characters are drawn in one document: Japanese forms when it contains kana, Korean when Hangul. */
export type HanPreference = 'chineseSimplified' | 'chineseTraditional' | 'japanese' | 'korean';

const SCRIPT_FONTS: readonly { readonly pattern: RegExp; readonly fonts: (han: HanPreference) => readonly FontKey[] }[] = [
  { pattern: /\p{Script=Arabic}/u, fonts: () => ['arabic'] },
  { pattern: /\p{Script=Hebrew}/u, fonts: () => ['hebrew'] },
  { pattern: /\p{Script=Devanagari}/u, fonts: () => ['devanagari'] },
  { pattern: /\p{Script=Thai}/u, fonts: () => ['thai'] },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, fonts: () => ['japanese'] },
  { pattern: /\p{Script=Hangul}/u, fonts: () => ['korean'] },
  { pattern: /\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]/u, fonts: hanChain },
  // Text-style emoji stay with the text font (DejaVu has ☺, ✓...); pictographs DejaVu lacks go to Noto Emoji.
  { pattern: /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}/u, fonts: () => ['emoji'] },
];

function hanChain(han: HanPreference): readonly FontKey[] {
  switch (han) {
    case 'japanese':
      return ['japanese', 'chineseTraditional', 'chineseSimplified', 'korean'];
    case 'korean':
      return ['korean', 'chineseTraditional', 'chineseSimplified', 'japanese'];
    case 'chineseSimplified':
      return ['chineseSimplified', 'chineseTraditional', 'japanese', 'korean'];
    case 'chineseTraditional':
      return ['chineseTraditional', 'chineseSimplified', 'japanese', 'korean'];
  }
}

/** Every font in the order tried when a character's own script font lacks it. */
const FALLBACK_ORDER: readonly FontKey[] = ['latin', 'arabic', 'hebrew', 'devanagari', 'thai', 'chineseSimplified', 'chineseTraditional', 'japanese', 'korean', 'emoji'];

const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}|\p{Control}/u;

export function hanPreferenceOf(text: string): HanPreference {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'japanese';
  if (/\p{Script=Hangul}/u.test(text)) return 'korean';
  return 'chineseSimplified';
}

/** Each regular face that has a bold one bundled (the same glyph set and cmap, checked in text.test.ts). */
export const BOLD_FACES: Readonly<Partial<Record<FontKey, FontKey>>> = {
  latin: 'latinBold',
  arabic: 'arabicBold',
  hebrew: 'hebrewBold',
  devanagari: 'devanagariBold',
  thai: 'thaiBold',
};

/**
 * The face that draws `key` at `weight`: its bold face where one is bundled; null for a bold
 * run in a font with one weight (CJK, emoji), which is drawn in its regular face with the
 * outline stroked as well as filled (PDF text render mode 2), a synthetic bold.
 */
export function boldFaceOf(key: FontKey, weight: FontWeight): FontKey | null {
  if (weight === 'regular') return key;
  return BOLD_FACES[key] ?? null;
}

const has = (key: FontKey, cp: number) => loadFace(key).hasGlyph(cp);

// Per character and Han preference: single characters, never whole names, so nothing about a client is kept.
const choices = new Map<string, FontKey | 'missing' | null>();

/** A character's preferred font: null for a neutral one (it follows its neighbours), 'missing' when no font has it. */
export function fontForChar(ch: string, han: HanPreference): FontKey | 'missing' | null {
  const key = `${han}:${ch}`;
  let choice = choices.get(key);
  if (choice === undefined) {
    choice = chooseFont(ch, han);
    choices.set(key, choice);
  }
  return choice;
}

function chooseFont(ch: string, han: HanPreference): FontKey | 'missing' | null {
  const cp = ch.codePointAt(0) ?? 0;
  if (IGNORABLE.test(ch)) return null;
  for (const entry of SCRIPT_FONTS) {
    if (!entry.pattern.test(ch)) continue;
    // Emoji with a text presentation in DejaVu (☺ ✓ ☎) keep it: it matches the text around them.
    if (entry.fonts(han)[0] === 'emoji' && has('latin', cp) && !/\p{Emoji_Presentation}/u.test(ch)) return 'latin';
    const own = entry.fonts(han).find((key) => has(key, cp));
    if (own) return own;
    break;
  }
  if (NEUTRAL.test(ch) && !/\p{Extended_Pictographic}/u.test(ch)) return null;
  return FALLBACK_ORDER.find((key) => has(key, cp)) ?? 'missing';
}

/** Neutral characters take the font of the run they sit in when it has them, else the first font that does. */
export function fontForNeutral(ch: string, current: FontKey | null): FontKey | 'missing' {
  const cp = ch.codePointAt(0) ?? 0;
  // Noto Emoji's space and punctuation are emoji-wide; after an emoji, text goes on in the text font.
  if (current === 'emoji' && has('latin', cp) && !IGNORABLE.test(ch)) return 'latin';
  if (current && (has(current, cp) || IGNORABLE.test(ch))) return current;
  if (IGNORABLE.test(ch)) return 'latin';
  return FALLBACK_ORDER.find((key) => has(key, cp)) ?? 'missing';
}

/** The code points in `text` that no bundled font can draw (what the staff screen warns about). */
export function undrawableCodePoints(text: string): number[] {
  const missing = new Set<number>();
  const han = hanPreferenceOf(text);
  for (const ch of text.normalize('NFC')) {
    const choice = fontForChar(ch, han);
    if (choice === 'missing' || (choice === null && fontForNeutral(ch, null) === 'missing')) missing.add(ch.codePointAt(0) ?? 0);
  }
  return [...missing];
}

/** "U+1F9FF". */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "[U+1F9FF]": what the PDF shows in place of a character no font has. */
export function placeholderFor(codePoint: number): string {
  return `[${codePointLabel(codePoint)}]`;
}
