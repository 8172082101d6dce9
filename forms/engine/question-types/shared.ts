/** Helpers several question types share: text and number checks, answer shapes, answer words. */
import { localize } from '../i18n.ts';
import type { AnswerValue, SignatureValue } from '../ids.ts';
import { ANSWER_WORDS } from '../messages.ts';
import type { FormatContext, Problem } from './spec.ts';

export function isSignature(v: AnswerValue | undefined): v is SignatureValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'strokes' in v && Array.isArray(v.strokes) && v.strokes.every((s) => Array.isArray(s));
}

export function isStringArray(v: AnswerValue | undefined): v is readonly string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** An answer word ("Yes", "Not answered"...) in the reader's language. */
export function answerWord(word: keyof typeof ANSWER_WORDS, ctx: FormatContext): string {
  return localize(ANSWER_WORDS[word], ctx.lang, 'en');
}

/** Length in characters as people count them (code points), of the trimmed text. */
export function checkTextLength(v: string, minLength: number | undefined, maxLength: number | undefined): Problem | null {
  const length = [...v.trim()].length;
  if (minLength !== undefined && length < minLength) return { key: 'too_short', params: { min: minLength } };
  if (maxLength !== undefined && length > maxLength) return { key: 'too_long', params: { max: maxLength } };
  return null;
}

export function checkNumberRange(v: number, min: number | undefined, max: number | undefined): Problem | null {
  if (min !== undefined && max !== undefined && (v < min || v > max)) return { key: 'range', params: { min, max } };
  if (min !== undefined && v < min) return { key: 'min', params: { min } };
  if (max !== undefined && v > max) return { key: 'max', params: { max } };
  return null;
}

/** Text answers read by conditions: trimmed, and blank text is no answer. */
export function normalizeText(v: AnswerValue): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function formatText(v: AnswerValue): string | null {
  return typeof v === 'string' ? v.trim() : null;
}

export const isFiniteNumber = (v: AnswerValue): v is number => typeof v === 'number' && Number.isFinite(v);

/** A list answer (multiple choice, body map): only known ids, each once. */
export function checkIdList(v: AnswerValue, allowed: readonly string[]): Problem | null {
  if (!isStringArray(v)) return { key: 'invalid' };
  if (v.some((id) => !allowed.includes(id)) || new Set(v).size !== v.length) return { key: 'invalid' };
  return null;
}

/** A list answer as conditions read it: the known ids; none is no answer. */
export function normalizeIdList(v: AnswerValue, allowed: readonly string[]): readonly string[] | null {
  if (!isStringArray(v)) return null;
  const kept = v.filter((id) => allowed.includes(id));
  return kept.length > 0 ? kept : null;
}

/** Option ids of a half-edited choice question, padded to `min` with ids nobody would write. */
export function probeOptions(raw: Readonly<Record<string, unknown>>, min: number): { readonly options: readonly { id: string; label: { en: string } }[] } {
  const ID = /^[a-z][a-z0-9_]*$/;
  const list: readonly unknown[] = Array.isArray(raw.options) ? raw.options : [];
  const ids = [
    ...new Set(
      list.flatMap((o) => {
        const id: unknown = typeof o === 'object' && o !== null ? (o as { id?: unknown }).id : undefined;
        return typeof id === 'string' && ID.test(id) ? [id] : [];
      }),
    ),
  ];
  for (let i = 0; ids.length < min; i++) ids.push(`zz_probe_option_${i}`);
  return { options: ids.map((id) => ({ id, label: { en: '-' } })) };
}
