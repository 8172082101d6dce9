/**
 * One placeholder style for both dialects: `?`, positional. SQLite takes it as is; for
 * PostgreSQL each `?` outside quotes, comments and dollar-quoted bodies becomes `$1..$n`.
 * Hand-written because the drivers offer no such rewrite and the grammar needed is small:
 * '...' strings ('' escapes), "..." identifiers, -- and block comments, $tag$...$tag$ bodies.
 */

export interface RewrittenSql {
  readonly sql: string;
  readonly count: number;
}

/** Rewrites `?` to `$n` (when `numbered`) and counts the placeholders. */
export function scanPlaceholders(sql: string, numbered: boolean): RewrittenSql {
  let out = '';
  let count = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    let end = i + 1;
    if (c === "'" || c === '"') {
      end = closing(sql, i + 1, c);
    } else if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      end = nl < 0 ? sql.length : nl;
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      end = close < 0 ? sql.length : close + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        end = close < 0 ? sql.length : close + tag[0].length;
      }
    } else if (c === '?') {
      count += 1;
      out += numbered ? `$${count}` : '?';
      i += 1;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return { sql: out, count };
}

/** Index just past the quote that closes a literal opened before `from`; a doubled quote is an escape. */
function closing(sql: string, from: number, quote: string): number {
  let i = from;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

/** Throws (a programming error, caught by the contract tests) when the parameters do not match the placeholders. */
export function checkParameterCount(count: number, params: readonly unknown[]): void {
  if (count !== params.length) throw new Error(`The statement has ${count} placeholder(s) but ${params.length} parameter(s) were given.`);
}
