/**
 * A form's expressions, parsed and checked once per form object. Forms arrive in the
 * renderer as structured clones, so the cache is keyed by object and rebuilt lazily.
 */
import { checkExpression } from './expr/check.ts';
import type { Expr, ExprError } from './expr/ast.ts';
import { parseExpression } from './expr/parse.ts';
import type { FormDefinition, Question, ScreeningRule, Step } from './types.ts';

export interface QuestionEntry {
  readonly question: Question;
  readonly step: Step;
  readonly stepIndex: number;
  readonly questionIndex: number;
}

export interface CompiledForm {
  /** First occurrence of each id (load.ts rejects duplicates). */
  readonly questions: ReadonlyMap<string, QuestionEntry>;
  readonly questionVisibleIf: ReadonlyMap<string, Expr>;
  readonly stepVisibleIf: ReadonlyMap<string, Expr>;
  readonly rules: ReadonlyArray<{ readonly rule: ScreeningRule; readonly when: Expr }>;
}

/** Where an expression lives, for error messages. */
export interface ExprSite {
  readonly path: string;
  readonly source: string;
  readonly questionId?: string;
}

export function indexQuestions(form: FormDefinition): ReadonlyMap<string, QuestionEntry> {
  const map = new Map<string, QuestionEntry>();
  form.steps.forEach((step, stepIndex) =>
    step.questions.forEach((question, questionIndex) => {
      if (!map.has(question.id)) map.set(question.id, { question, step, stepIndex, questionIndex });
    }),
  );
  return map;
}

/** Parses and checks every expression, reporting each failure with its site. */
export function compileExpressions(form: FormDefinition, report: (site: ExprSite, error: ExprError) => void): CompiledForm {
  const questions = indexQuestions(form);
  const lookup = (id: string): Question | undefined => questions.get(id)?.question;
  const compile = (site: ExprSite): Expr | null => {
    const parsed = parseExpression(site.source);
    if ('error' in parsed) {
      report(site, parsed.error);
      return null;
    }
    const checked = checkExpression(parsed.expr, lookup);
    if ('error' in checked) {
      report(site, checked.error);
      return null;
    }
    return checked.expr;
  };
  const questionVisibleIf = new Map<string, Expr>();
  const stepVisibleIf = new Map<string, Expr>();
  form.steps.forEach((step, si) => {
    if (step.visibleIf !== undefined) {
      const e = compile({ path: `steps[${si}].visibleIf`, source: step.visibleIf });
      if (e) stepVisibleIf.set(step.id, e);
    }
    step.questions.forEach((q, qi) => {
      if (q.visibleIf === undefined) return;
      const e = compile({ path: `steps[${si}].questions[${qi}].visibleIf`, source: q.visibleIf, questionId: q.id });
      if (e && !questionVisibleIf.has(q.id)) questionVisibleIf.set(q.id, e);
    });
  });
  const rules: { rule: ScreeningRule; when: Expr }[] = [];
  form.rules.forEach((rule, ri) => {
    const e = compile({ path: `rules[${ri}].when`, source: rule.when });
    if (e) rules.push({ rule, when: e });
  });
  return { questions, questionVisibleIf, stepVisibleIf, rules };
}

const cache = new WeakMap<FormDefinition, CompiledForm>();

/** The compiled form; throws if the definition never went through parseFormDefinition. */
export function compiled(form: FormDefinition): CompiledForm {
  const hit = cache.get(form);
  if (hit) return hit;
  const problems: string[] = [];
  const result = compileExpressions(form, (site, error) => problems.push(`${site.path}: ${error.message} (column ${error.col})`));
  if (problems.length > 0) throw new Error(`Form "${form.id}" v${form.version} was not validated: ${problems.join('; ')}`);
  cache.set(form, result);
  return result;
}
