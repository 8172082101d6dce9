/**
 * The evaluator: walks a checked tree. An unanswered (or hidden) question reads as
 * null, and every comparison involving null is false, `!=` included: a rule never
 * fires on an answer the client did not give.
 */
import { addUnits, dayNumber, parseIsoDate, yearsBetween, type CivilDate } from '../dates.ts';
import type { FormSettings } from '../settings.ts';
import { assertNever, type QuestionId } from '../ids.ts';
import type { Expr, ExprValue } from './ast.ts';
import { questionRefs } from './check.ts';

export type { ExprValue } from './ast.ts';

export interface EvalContext {
  /** The normalised answer, or null when unanswered or hidden. */
  readonly value: (id: QuestionId) => ExprValue;
  readonly today: CivilDate;
  /** The clinic settings conditions read as `settings.<name>`. */
  readonly settings: FormSettings;
}

function dateOf(v: ExprValue): CivilDate | null {
  return typeof v === 'string' ? parseIsoDate(v) : null;
}

function compare(op: Extract<Expr, { kind: 'compare' }>['op'], a: ExprValue, b: ExprValue): boolean {
  if (a === null || b === null) return false;
  let x: number | string | boolean;
  let y: number | string | boolean;
  const da = dateOf(a);
  const db = dateOf(b);
  if (da && db) {
    x = dayNumber(da);
    y = dayNumber(db);
  } else if (Array.isArray(a) || Array.isArray(b)) {
    return false;
  } else {
    x = a as number | string | boolean; // arrays excluded just above
    y = b as number | string | boolean;
  }
  if (typeof x !== typeof y) return false;
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    default:
      return assertNever(op, 'operator');
  }
}

/** Evaluates a checked expression. */
export function evaluate(e: Expr, ctx: EvalContext): ExprValue {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return e.value;
    case 'option':
      return e.value;
    case 'setting':
      return ctx.settings[e.key];
    case 'question':
      return ctx.value(e.id);
    case 'ident':
      throw new Error('Internal: evaluate() needs a checked expression');
    case 'not':
      return evaluate(e.operand, ctx) !== true;
    case 'logical':
      return e.op === 'and'
        ? evaluate(e.left, ctx) === true && evaluate(e.right, ctx) === true
        : evaluate(e.left, ctx) === true || evaluate(e.right, ctx) === true;
    case 'compare':
      return compare(e.op, evaluate(e.left, ctx), evaluate(e.right, ctx));
    case 'contains': {
      const set = evaluate(e.left, ctx);
      const item = evaluate(e.right, ctx);
      return Array.isArray(set) && typeof item === 'string' && set.includes(item);
    }
    case 'date_window': {
      const date = dateOf(evaluate(e.subject, ctx));
      if (!date) return false;
      const d = dayNumber(date);
      const today = dayNumber(ctx.today);
      switch (e.mode) {
        case 'within_past':
          return d >= dayNumber(addUnits(ctx.today, -e.amount, e.unit)) && d <= today;
        case 'within_next':
          return d >= today && d <= dayNumber(addUnits(ctx.today, e.amount, e.unit));
        case 'more_than_ago':
          return d < dayNumber(addUnits(ctx.today, -e.amount, e.unit));
        case 'less_than_ago':
          return d > dayNumber(addUnits(ctx.today, -e.amount, e.unit)) && d <= today;
        default:
          return assertNever(e.mode, 'date window');
      }
    }
    case 'call': {
      const arg = e.args[0];
      const v = arg ? evaluate(arg, ctx) : null;
      switch (e.name) {
        case 'answered':
          return v !== null;
        case 'count':
          return Array.isArray(v) ? v.length : 0;
        case 'age': {
          const born = dateOf(v);
          return born ? yearsBetween(born, ctx.today) : null;
        }
        case 'days_since': {
          const date = dateOf(v);
          return date ? dayNumber(ctx.today) - dayNumber(date) : null;
        }
        default:
          throw new Error(`Internal: unchecked function ${e.name}`);
      }
    }
    default:
      return assertNever(e, 'expression');
  }
}

/**
 * The questions whose answers made a true expression true: both sides of "and",
 * only the true sides of "or", every answered question under "not" or a comparison.
 */
export function witnesses(e: Expr, ctx: EvalContext): readonly QuestionId[] {
  const out: QuestionId[] = [];
  const add = (id: QuestionId): void => {
    if (!out.includes(id) && ctx.value(id) !== null) out.push(id);
  };
  const all = (x: Expr): void => {
    switch (x.kind) {
      case 'question':
        add(x.id);
        return;
      case 'number':
      case 'string':
      case 'boolean':
      case 'option':
      case 'ident':
      case 'setting':
        return;
      case 'call':
        x.args.forEach(all);
        return;
      case 'not':
        // Under "not" every answer read is part of the reason, whichever branch was true.
        questionRefs(x.operand).forEach(add);
        return;
      case 'logical':
        if (x.op === 'or') {
          if (evaluate(x.left, ctx) === true) all(x.left);
          if (evaluate(x.right, ctx) === true) all(x.right);
          return;
        }
        all(x.left);
        all(x.right);
        return;
      case 'compare':
      case 'contains':
        all(x.left);
        all(x.right);
        return;
      case 'date_window':
        all(x.subject);
        return;
      default:
        assertNever(x, 'expression');
    }
  };
  all(e);
  return out;
}
