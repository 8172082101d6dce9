/**
 * The type checker: resolves every bare word to a question or an option of the form,
 * checks that operands fit their operators, and returns a tree the evaluator can trust.
 */
import { assertNever, type QuestionId } from '../ids.ts';
import { specOf } from '../question-types/index.ts';
import { SETTING_VALUES } from '../settings.ts';
import type { Question } from '../types.ts';
import { FUNCTIONS, type Expr, type ExprError, type ValueKind } from './ast.ts';

type Type =
  | { readonly t: 'number' | 'boolean' | 'text' | 'date' | 'signature' }
  | { readonly t: 'choice' | 'set'; readonly q: Question }
  | { readonly t: 'string'; readonly value: string }
  | { readonly t: 'option'; readonly q: Question };

interface Checked {
  readonly expr: Expr;
  readonly type: Type;
}

class CheckFailure extends Error {
  readonly col: number;
  constructor(message: string, col: number) {
    super(message);
    this.col = col;
  }
}

/** What a question's answer is, as the expression language sees it. */
export function valueKindOf(q: Question): ValueKind {
  return specOf(q).valueKind;
}

/** The ids a choice, multiple-choice or body-map question accepts. */
export function optionIdsOf(q: Question): readonly string[] {
  return specOf(q).optionIds?.(q) ?? [];
}

function describeType(type: Type): string {
  switch (type.t) {
    case 'number':
      return 'a number';
    case 'boolean':
      return 'yes/no';
    case 'text':
      return 'text';
    case 'date':
      return 'a date';
    case 'signature':
      return 'a signature';
    case 'choice':
      return 'a single choice';
    case 'set':
      return 'a list of choices';
    case 'string':
      return 'text';
    case 'option':
      return `an option of "${type.q.id}"`;
    default:
      return assertNever(type, 'type');
  }
}

function describeOperand(c: Checked): string {
  switch (c.expr.kind) {
    case 'question':
      return `"${c.expr.id}" (${describeType(c.type)})`;
    case 'call':
      return `${c.expr.name}() (${describeType(c.type)})`;
    case 'option':
      return `"${c.expr.value}"`;
    case 'setting':
      return `settings.${c.expr.key} (a number)`;
    default:
      return describeType(c.type);
  }
}

/** A clinic setting a condition reads (`settings.ageOfConsent`); every one is a number. */
function setting(name: string, col: number): Checked {
  const known = SETTING_VALUES[name];
  if (!known) throw new CheckFailure(`Unknown value "${name}" (known: ${Object.keys(SETTING_VALUES).join(', ')})`, col);
  return { expr: { kind: 'setting', key: known.key, col }, type: { t: 'number' } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class Checker {
  private readonly lookup: (id: string) => Question | undefined;
  constructor(lookup: (id: string) => Question | undefined) {
    this.lookup = lookup;
  }

  top(expr: Expr): Expr {
    const c = this.check(expr);
    if (c.type.t !== 'boolean') {
      throw new CheckFailure(`The condition must be true or false, but ${describeOperand(c)} is not`, expr.col);
    }
    return c.expr;
  }

  private question(name: string, col: number): Checked {
    if (name.includes('.')) return setting(name, col);
    const q = this.lookup(name);
    if (!q) throw new CheckFailure(`Unknown question id "${name}"`, col);
    const valueKind = valueKindOf(q);
    const expr: Expr = { kind: 'question', id: q.id, valueKind, col };
    if (valueKind === 'choice' || valueKind === 'set') return { expr, type: { t: valueKind, q } };
    return { expr, type: { t: valueKind } };
  }

  /** A bare word or quoted text on the other side of a choice question names one of its options. */
  private asOption(node: Expr, of: Question): Checked | null {
    if (node.kind !== 'ident' && node.kind !== 'string') return null;
    const value = node.kind === 'ident' ? node.name : node.value;
    const options = optionIdsOf(of);
    if (options.includes(value)) return { expr: { kind: 'option', value, col: node.col }, type: { t: 'option', q: of } };
    if (node.kind === 'ident' && this.known(value)) return null;
    const noun = of.type === 'body_map' ? 'a body-map region of' : 'an option of';
    throw new CheckFailure(`"${value}" is not ${noun} "${of.id}" (choose from: ${options.join(', ')})`, node.col);
  }

  /** A bare word that names something (a question or a dotted setting), not an option. */
  private known(name: string): boolean {
    return name.includes('.') || this.lookup(name) !== undefined;
  }

  private operands(left: Expr, right: Expr): readonly [Checked, Checked] {
    const l = left.kind === 'ident' && !this.known(left.name) ? null : this.check(left);
    let r: Checked | null = null;
    if (l && (l.type.t === 'choice' || l.type.t === 'set')) r = this.asOption(right, l.type.q);
    if (!r) r = right.kind === 'ident' && !this.known(right.name) ? null : this.check(right);
    if (!l) {
      const asOpt = r && (r.type.t === 'choice' || r.type.t === 'set') ? this.asOption(left, r.type.q) : null;
      if (!asOpt) throw new CheckFailure(`Unknown question id "${left.kind === 'ident' ? left.name : ''}"`, left.col);
      return [asOpt, this.needs(r)];
    }
    return [l, this.needs(r, right)];
  }

  private needs(c: Checked | null, node?: Expr): Checked {
    if (c) return c;
    throw new CheckFailure(`Unknown question id "${node?.kind === 'ident' ? node.name : ''}"`, node?.col ?? 1);
  }

  private compatible(op: string, a: Checked, b: Checked): Checked | null {
    const ordered = op !== '==' && op !== '!=';
    const [x, y] = [a.type, b.type];
    if (x.t === 'number' && y.t === 'number') return null;
    if (x.t === 'date' || y.t === 'date') {
      const other = x.t === 'date' ? b : a;
      if (other.type.t === 'date') return null;
      if (other.type.t === 'string') {
        if (!ISO_DATE.test(other.type.value)) throw new CheckFailure(`Write dates as 'YYYY-MM-DD'`, other.expr.col);
        return null;
      }
      throw new CheckFailure(`Cannot compare ${describeOperand(a)} with ${describeOperand(b)}`, a.expr.col);
    }
    if (!ordered) {
      if (x.t === 'boolean' && y.t === 'boolean') return null;
      const texty = (t: Type): boolean => t.t === 'text' || t.t === 'string';
      if (texty(x) && texty(y)) return null;
      if ((x.t === 'choice' && y.t === 'option') || (x.t === 'option' && y.t === 'choice')) return null;
      if (x.t === 'set' || y.t === 'set') {
        throw new CheckFailure(`Use "contains" to test ${describeOperand(x.t === 'set' ? a : b)}, not "${op}"`, a.expr.col);
      }
    }
    throw new CheckFailure(
      ordered
        ? `"${op}" compares numbers or dates, not ${describeOperand(x.t === 'number' ? b : a)}`
        : `Cannot compare ${describeOperand(a)} with ${describeOperand(b)}`,
      a.expr.col,
    );
  }

  private bool(e: Expr, what: string): Expr {
    const c = this.check(e);
    if (c.type.t !== 'boolean') throw new CheckFailure(`"${what}" needs yes/no conditions, but ${describeOperand(c)} is not`, e.col);
    return c.expr;
  }

  check(e: Expr): Checked {
    switch (e.kind) {
      case 'number':
        return { expr: e, type: { t: 'number' } };
      case 'string':
        return { expr: e, type: { t: 'string', value: e.value } };
      case 'boolean':
        return { expr: e, type: { t: 'boolean' } };
      case 'ident':
        return this.question(e.name, e.col);
      case 'question':
      case 'option':
      case 'setting':
        throw new CheckFailure('Internal: expression already checked', e.col);
      case 'not':
        return { expr: { ...e, operand: this.bool(e.operand, 'not') }, type: { t: 'boolean' } };
      case 'logical':
        return { expr: { ...e, left: this.bool(e.left, e.op), right: this.bool(e.right, e.op) }, type: { t: 'boolean' } };
      case 'compare': {
        const [l, r] = this.operands(e.left, e.right);
        this.compatible(e.op, l, r);
        return { expr: { ...e, left: l.expr, right: r.expr }, type: { t: 'boolean' } };
      }
      case 'contains': {
        const l = e.left.kind === 'ident' ? this.question(e.left.name, e.left.col) : this.check(e.left);
        if (l.type.t !== 'set') {
          throw new CheckFailure(`"contains" needs a multiple-choice or body-map question on its left, not ${describeOperand(l)}`, e.left.col);
        }
        const r = this.asOption(e.right, l.type.q);
        if (!r) throw new CheckFailure(`"contains" needs an option id on its right`, e.right.col);
        return { expr: { ...e, left: l.expr, right: r.expr }, type: { t: 'boolean' } };
      }
      case 'date_window': {
        const s = this.check(e.subject);
        if (s.type.t !== 'date') {
          const word = e.mode === 'more_than_ago' ? 'more than ... ago' : e.mode === 'less_than_ago' ? 'less than ... ago' : 'within';
          throw new CheckFailure(`"${word}" needs a date question, but ${describeOperand(s)} is not a date`, e.subject.col);
        }
        return { expr: { ...e, subject: s.expr }, type: { t: 'boolean' } };
      }
      case 'call':
        return this.call(e);
      default:
        return assertNever(e, 'expression');
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Checked {
    const name = FUNCTIONS.find((f) => f === e.name);
    if (!name) throw new CheckFailure(`Unknown function "${e.name}" (allowed: ${FUNCTIONS.join(', ')})`, e.col);
    const arg = e.args[0];
    if (e.args.length !== 1 || !arg || arg.kind !== 'ident') {
      throw new CheckFailure(`${name}() takes one question id, e.g. ${name}(date_of_birth)`, e.col);
    }
    const q = this.question(arg.name, arg.col);
    const expr: Expr = { ...e, name, args: [q.expr] };
    switch (name) {
      case 'answered':
        return { expr, type: { t: 'boolean' } };
      case 'age':
      case 'days_since':
        if (q.type.t !== 'date') throw new CheckFailure(`${name}() needs a date question, but ${describeOperand(q)} is not a date`, arg.col);
        return { expr, type: { t: 'number' } };
      case 'count':
        if (q.type.t !== 'set') throw new CheckFailure(`count() needs a multiple-choice or body-map question, not ${describeOperand(q)}`, arg.col);
        return { expr, type: { t: 'number' } };
      default:
        return assertNever(name, 'function');
    }
  }
}

/** Type-checks a parsed expression against the form's questions. */
export function checkExpression(expr: Expr, lookup: (id: string) => Question | undefined): { readonly expr: Expr } | { readonly error: ExprError } {
  try {
    return { expr: new Checker(lookup).top(expr) };
  } catch (e) {
    if (e instanceof CheckFailure) return { error: { message: e.message, col: e.col } };
    throw e;
  }
}

/** Every question id the checked expression reads. */
export function questionRefs(expr: Expr): readonly QuestionId[] {
  const out: QuestionId[] = [];
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'question':
        if (!out.includes(e.id)) out.push(e.id);
        return;
      case 'number':
      case 'string':
      case 'boolean':
      case 'ident':
      case 'option':
      case 'setting':
        return;
      case 'call':
        e.args.forEach(walk);
        return;
      case 'not':
        walk(e.operand);
        return;
      case 'logical':
      case 'compare':
      case 'contains':
        walk(e.left);
        walk(e.right);
        return;
      case 'date_window':
        walk(e.subject);
        return;
      default:
        assertNever(e, 'expression');
    }
  };
  walk(expr);
  return out;
}
