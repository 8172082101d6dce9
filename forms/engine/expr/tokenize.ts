/** The expression tokenizer: a hand-written scanner, no regular-expression soup. */
import type { ExprError } from './ast.ts';

export type Token =
  | { readonly type: 'number'; readonly value: number; readonly col: number }
  | { readonly type: 'string'; readonly value: string; readonly col: number }
  | { readonly type: 'word'; readonly value: string; readonly col: number }
  | { readonly type: 'op'; readonly value: string; readonly col: number }
  | { readonly type: 'end'; readonly col: number };

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '(', ')', ','];

export function tokenize(source: string): { readonly tokens: readonly Token[] } | { readonly error: ExprError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    const col = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < source.length && /[0-9]/.test(source[j] ?? '')) j += 1;
      if (source[j] === '.' && /[0-9]/.test(source[j + 1] ?? '')) {
        j += 1;
        while (j < source.length && /[0-9]/.test(source[j] ?? '')) j += 1;
      }
      if (/[A-Za-z_]/.test(source[j] ?? '')) {
        return { error: { message: `A number cannot run into letters ("${source.slice(i, j + 1)}")`, col } };
      }
      tokens.push({ type: 'number', value: Number(source.slice(i, j)), col });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_]/.test(source[j] ?? '')) j += 1;
      // A dotted name (`settings.ageOfConsent`) is one word: the checker knows which exist.
      while (source[j] === '.' && /[A-Za-z_]/.test(source[j + 1] ?? '')) {
        j += 1;
        while (j < source.length && /[A-Za-z0-9_]/.test(source[j] ?? '')) j += 1;
      }
      tokens.push({ type: 'word', value: source.slice(i, j), col });
      i = j;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) return { error: { message: 'This quoted text is never closed', col } };
      tokens.push({ type: 'string', value: source.slice(i + 1, end), col });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', value: op, col });
      i += op.length;
      continue;
    }
    if (ch === '=') return { error: { message: 'Use "==" to compare, not "="', col } };
    if (ch === '&' || ch === '|' || ch === '!') {
      return { error: { message: `Use the words "and", "or", "not" instead of "${ch}"`, col } };
    }
    return { error: { message: `Unexpected character "${ch}"`, col } };
  }
  tokens.push({ type: 'end', col: source.length + 1 });
  return { tokens };
}
