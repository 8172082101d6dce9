/**
 * A small JSON reader that remembers where each value starts, so definition errors can
 * name a line and column (JSON.parse only reports syntax errors, and not consistently).
 */

export interface JsonPosition {
  readonly line: number;
  readonly column: number;
  /** For strings: whether the raw text contains escapes, so offsets inside it are not exact. */
  readonly escaped: boolean;
}

export type JsonReadResult =
  | { readonly ok: true; readonly value: unknown; readonly positions: ReadonlyMap<string, JsonPosition> }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

/**
 * Deepest nesting of objects and arrays a form definition file may have. A real one is
 * about 8 deep; the limit keeps this recursive reader (and everything after it) from
 * overflowing the stack on a hostile file (10,000 nested arrays answered `internal`).
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests objects/arrays deeper than `max`: one pass, no recursion, no parse. */
export function exceedsJsonDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth -= 1;
  }
  return false;
}

class JsonSyntax extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

/** Formats a path the way errors name it: `steps[0].questions[2].label`. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export function readJson(text: string): JsonReadResult {
  const positions = new Map<string, JsonPosition>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const locate = (at: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (lineStarts[lo] ?? 0) + 1 };
  };

  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i += 1;
  };
  const fail = (message: string): never => {
    throw new JsonSyntax(message, i);
  };
  const readString = (): { value: string; escaped: boolean } => {
    const start = i;
    i += 1;
    let escaped = false;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        escaped = true;
        i += 2;
      } else if ((text.charCodeAt(i) ?? 0) < 0x20) {
        fail('Line break or control character inside a string');
      } else i += 1;
    }
    if (i >= text.length) {
      i = start;
      fail('This string is never closed');
    }
    i += 1;
    try {
      return { value: JSON.parse(text.slice(start, i)) as string, escaped };
    } catch {
      i = start;
      return fail('Invalid escape in string');
    }
  };
  const value = (path: string, depth: number): unknown => {
    ws();
    const at = i;
    const ch = text[i];
    if ((ch === '{' || ch === '[') && depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntax(`Objects and lists are nested more than ${MAX_JSON_DEPTH} levels deep; a form definition is never that deep`, i);
    }
    const mark = (escaped: boolean): void => {
      positions.set(path, { ...locate(at), escaped });
    };
    if (ch === '{') {
      mark(false);
      i += 1;
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i += 1;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a property name in double quotes');
        const key = readString().value;
        ws();
        if (text[i] !== ':') fail(`Expected ":" after "${key}"`);
        i += 1;
        out[key] = value(joinPath(path, key), depth + 1);
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return out;
        }
        fail('Expected "," or "}" after a property value');
      }
    }
    if (ch === '[') {
      mark(false);
      i += 1;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i += 1;
        return out;
      }
      for (;;) {
        out.push(value(joinPath(path, out.length), depth + 1));
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return out;
        }
        fail('Expected "," or "]" after an array item');
      }
    }
    if (ch === '"') {
      const s = readString();
      mark(s.escaped);
      return s.value;
    }
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!literal) return fail(i >= text.length ? 'Unexpected end of the file' : `Unexpected character "${ch ?? ''}"`);
    mark(false);
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  try {
    const root = value('', 0);
    ws();
    if (i < text.length) fail('Unexpected text after the end of the definition');
    return { ok: true, value: root, positions };
  } catch (e) {
    if (e instanceof JsonSyntax) return { ok: false, message: e.message, ...locate(e.at) };
    throw e;
  }
}
