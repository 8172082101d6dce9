/**
 * What an on-screen key press does to the text, beyond appending a character:
 * - Korean: the keyboard sends jamo (ㄱ, ㅣ, ㅁ); es-hangul assembles them into syllables (김) the way
 *   a Korean input method does, including moving a final consonant to the next syllable (김 + ㅏ =
 *   기마); Delete takes back one jamo (김 → 기), not the whole syllable.
 * - Vietnamese: a tone key (a combining mark) goes onto the vowel just typed and replaces a tone it
 *   already has (á + ̀ = à); after a consonant or a space it does nothing rather than stack a mark on
 *   a letter that never carries one.
 * Every other language keeps simple-keyboard's own result. Physical keyboards never pass through
 * here: an OS input method composes in the field itself.
 */
import { assemble, disassemble } from 'es-hangul';
import { VI_TONES } from './keyboard-layouts.ts';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;
const JAMO = /^[\u3131-\u318e]$/u;
const TONES: ReadonlySet<string> = new Set(VI_TONES);
const VI_VOWEL_BASES = new Set('aeiouyAEIOUY');

function lastChar(text: string): string {
  const chars = Array.from(text);
  return chars[chars.length - 1] ?? '';
}

function withoutLast(text: string): string {
  const chars = Array.from(text);
  return chars.slice(0, -1).join('');
}

function koreanAppend(previous: string, jamo: string): string {
  const last = lastChar(previous);
  if (!HANGUL.test(last)) return previous + jamo;
  // Only the last syllable can change: assemble it with the new jamo.
  return withoutLast(previous) + assemble([last, jamo]);
}

function koreanBackspace(previous: string): string {
  const last = lastChar(previous);
  if (!HANGUL.test(last)) return withoutLast(previous);
  const letters = Array.from(disassemble(last));
  return withoutLast(previous) + (letters.length > 1 ? assemble(letters.slice(0, -1)) : '');
}

function vietnameseTone(previous: string, tone: string): string {
  const last = lastChar(previous);
  const parts = Array.from(last.normalize('NFD'));
  const base = parts[0] ?? '';
  if (!VI_VOWEL_BASES.has(base)) return previous;
  const kept = parts.filter((p) => !TONES.has(p));
  return withoutLast(previous) + (kept.join('') + tone).normalize('NFC');
}

/**
 * The text after a key press, given the text before it and simple-keyboard's own result
 * (which only ever appends one key's characters or deletes the last character).
 */
export function composeKeyPress(lang: string, previous: string, raw: string): string {
  const language = lang.split('-')[0];
  const appended = raw.startsWith(previous) ? raw.slice(previous.length) : null;
  const deleted = raw === withoutLast(previous) && previous !== '';
  if (language === 'ko') {
    if (appended !== null && JAMO.test(appended)) return koreanAppend(previous, appended);
    if (deleted) return koreanBackspace(previous);
  }
  if (language === 'vi' && appended !== null && TONES.has(appended)) return vietnameseTone(previous, appended);
  return raw;
}
