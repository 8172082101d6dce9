/**
 * Recursive-descent parser for the expression language.
 *
 *   expr    := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | test
 *   test    := primary ( CMP primary | 'contains' primary
 *                      | 'within' ('last' | 'next')? NUMBER UNIT
 *                      | ('more' | 'less') 'than' NUMBER UNIT 'ago' )?
 *   primary := NUMBER | STRING | 'yes' | 'no' | 'true' | 'false'
 *            | WORD '(' (expr (',' expr)*)? ')' | WORD | '(' expr ')'
 */
import type { CompareOp, DateUnit, Expr, ExprError } from './ast.ts';
import { tokenize, type Token } from './tokenize.ts';

const COMPARE_OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const UNITS: Readonly<Record<string, DateUnit>> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
};

class ParseFailure extends Error {
  readonly col: number;
  constructor(message: string, col: number) {
    super(message);
    this.col = col;
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'the end of the condition';
    case 'number':
      return `"${token.value}"`;
    case 'string':
      return `'${token.value}'`;
    case 'word':
    case 'op':
      return `"${token.value}"`;
  }
}

class Parser {
  private index = 0;
  private readonly tokens: readonly Token[];
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1] ?? { type: 'end', col: 1 };
  }
  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.index += 1;
    return t;
  }
  private isWord(value: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.value === value;
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.value === value;
  }
  private expectWord(value: string, why: string): void {
    if (!this.isWord(value)) throw new ParseFailure(`Expected "${value}" ${why}, found ${describe(this.peek())}`, this.peek().col);
    this.next();
  }

  parseAll(): Expr {
    const expr = this.parseOr();
    const t = this.peek();
    if (t.type !== 'end') throw new ParseFailure(`Unexpected ${describe(t)}; join conditions with "and" or "or"`, t.col);
    return expr;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const col = this.next().col;
      left = { kind: 'logical', op: 'or', left, right: this.parseAnd(), col };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseUnary();
    while (this.isWord('and')) {
      const col = this.next().col;
      left = { kind: 'logical', op: 'and', left, right: this.parseUnary(), col };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isWord('not')) {
      const col = this.next().col;
      return { kind: 'not', operand: this.parseUnary(), col };
    }
    return this.parseTest();
  }

  private parseAmount(): { amount: number; unit: DateUnit } {
    const n = this.next();
    if (n.type !== 'number' || !Number.isInteger(n.value)) {
      throw new ParseFailure(`Expected a whole number of days, weeks, months or years, found ${describe(n)}`, n.col);
    }
    const u = this.next();
    const unit = u.type === 'word' ? UNITS[u.value] : undefined;
    if (!unit) throw new ParseFailure(`Expected days, weeks, months or years, found ${describe(u)}`, u.col);
    return { amount: n.value, unit };
  }

  private parseTest(): Expr {
    const left = this.parsePrimary();
    const t = this.peek();
    if (t.type === 'op' && COMPARE_OPS.has(t.value)) {
      this.next();
      const op = t.value as CompareOp; // narrowed by COMPARE_OPS just above
      return { kind: 'compare', op, left, right: this.parsePrimary(), col: t.col };
    }
    if (t.type !== 'word') return left;
    switch (t.value) {
      case 'contains':
        this.next();
        return { kind: 'contains', left, right: this.parsePrimary(), col: t.col };
      case 'within': {
        this.next();
        let mode: 'within_past' | 'within_next' = 'within_past';
        if (this.isWord('last')) this.next();
        else if (this.isWord('next')) {
          this.next();
          mode = 'within_next';
        }
        const { amount, unit } = this.parseAmount();
        return { kind: 'date_window', subject: left, mode, amount, unit, col: t.col };
      }
      case 'more':
      case 'less': {
        this.next();
        this.expectWord('than', `after "${t.value}"`);
        const { amount, unit } = this.parseAmount();
        this.expectWord('ago', 'after the number of days, weeks, months or years');
        return { kind: 'date_window', subject: left, mode: t.value === 'more' ? 'more_than_ago' : 'less_than_ago', amount, unit, col: t.col };
      }
      default:
        return left;
    }
  }

  private parsePrimary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { kind: 'number', value: t.value, col: t.col };
      case 'string':
        return { kind: 'string', value: t.value, col: t.col };
      case 'op':
        if (t.value === '(') {
          const inner = this.parseOr();
          if (!this.isOp(')')) throw new ParseFailure(`Expected ")" to close the "(" at column ${t.col}, found ${describe(this.peek())}`, this.peek().col);
          this.next();
          return inner;
        }
        throw new ParseFailure(`Expected a question, a value or "(", found ${describe(t)}`, t.col);
      case 'end':
        throw new ParseFailure('The condition ends too early', t.col);
      case 'word':
        return this.parseWord(t);
    }
  }

  private parseWord(t: Extract<Token, { type: 'word' }>): Expr {
    switch (t.value) {
      case 'yes':
      case 'true':
        return { kind: 'boolean', value: true, col: t.col };
      case 'no':
      case 'false':
        return { kind: 'boolean', value: false, col: t.col };
      case 'and':
      case 'or':
      case 'not':
      case 'contains':
      case 'within':
      case 'more':
      case 'less':
      case 'than':
      case 'ago':
      case 'last':
      case 'next':
        throw new ParseFailure(`Expected a question, a value or "(", found "${t.value}"`, t.col);
      default:
        break;
    }
    if (!this.isOp('(')) return { kind: 'ident', name: t.value, col: t.col };
    this.next();
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      args.push(this.parseOr());
      while (this.isOp(',')) {
        this.next();
        args.push(this.parseOr());
      }
    }
    if (!this.isOp(')')) throw new ParseFailure(`Expected ")" to close ${t.value}(, found ${describe(this.peek())}`, this.peek().col);
    this.next();
    return { kind: 'call', name: t.value, args, col: t.col };
  }
}

/** Parses an expression into a tree, or says where and why it cannot. */
export function parseExpression(source: string): { readonly expr: Expr } | { readonly error: ExprError } {
  const scanned = tokenize(source);
  if ('error' in scanned) return scanned;
  try {
    return { expr: new Parser(scanned.tokens).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { error: { message: e.message, col: e.col } };
    throw e;
  }
}
