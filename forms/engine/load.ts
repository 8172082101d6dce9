/**
 * Loading a form definition: zod checks the shape, then everything a schema cannot
 * say: unique ids, complete translations, sound bounds, expressions that parse and
 * type-check against the form, and no visibility cycles.
 */
import type { z } from 'zod';
import { compileExpressions, indexQuestions } from './compile.ts';
import { RESERVED_WORDS } from './expr/ast.ts';
import { questionRefs } from './expr/check.ts';
import { languageName } from './i18n.ts';
import { joinPath, readJson } from './json-locate.ts';
import { specOf } from './question-types/index.ts';
import { formDefinitionSchema } from './schema.ts';
import type { FormDefinition, FormDefinitionError, FormDefinitionResult } from './types.ts';

/** An error plus, for expressions, the 1-based column inside the expression text. */
type Issue = FormDefinitionError & { readonly exprColumn?: number };

const LOCALIZED_KEYS: ReadonlySet<string> = new Set([
  'title', 'description', 'label', 'help', 'text', 'message', 'unit', 'minLabel', 'maxLabel', 'guidance', 'clientMessage',
]);

function zodPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => joinPath(acc, typeof key === 'number' ? key : String(key)), '');
}

/** The id of the question a path points into, read from the raw input. */
function questionIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'steps' || path[2] !== 'questions' || typeof path[1] !== 'number' || typeof path[3] !== 'number') return undefined;
  const steps: unknown = (input as { steps?: unknown }).steps;
  const step: unknown = Array.isArray(steps) ? steps[path[1]] : undefined;
  const questions: unknown = typeof step === 'object' && step !== null ? (step as { questions?: unknown }).questions : undefined;
  const q: unknown = Array.isArray(questions) ? questions[path[3]] : undefined;
  const id: unknown = typeof q === 'object' && q !== null ? (q as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function structuralIssues(input: unknown, error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const questionId = typeof input === 'object' && input !== null ? questionIdAt(input, issue.path) : undefined;
    return { path: zodPath(issue.path), message: issue.message, ...(questionId ? { questionId } : {}) };
  });
}

function translationIssues(form: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const walk = (node: unknown, path: string, questionId: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, joinPath(path, i), questionId));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Readonly<Record<string, unknown>>; // narrowed to a non-null object above
    const qid = typeof record.type === 'string' && typeof record.id === 'string' ? record.id : questionId;
    for (const [key, child] of Object.entries(record)) {
      const childPath = joinPath(path, key);
      if (LOCALIZED_KEYS.has(key) && typeof child === 'object' && child !== null && !Array.isArray(child)) {
        const text = child as Readonly<Record<string, unknown>>;
        for (const lang of form.languages) {
          const value = text[lang];
          if (typeof value !== 'string' || value.trim() === '') {
            issues.push({
              path: joinPath(childPath, lang),
              message: `Missing ${languageName(lang)} translation ("${lang}") at ${childPath}`,
              ...(qid ? { questionId: qid } : {}),
            });
          }
        }
      } else {
        walk(child, childPath, qid);
      }
    }
  };
  walk(form, '', undefined);
  return issues;
}

function duplicateIssues(form: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const langs = new Set<string>();
  form.languages.forEach((lang, i) => {
    if (langs.has(lang)) issues.push({ path: `languages[${i}]`, message: `Language "${lang}" is listed twice` });
    langs.add(lang);
  });
  if (!langs.has(form.defaultLanguage)) {
    issues.push({ path: 'defaultLanguage', message: `The default language "${form.defaultLanguage}" is not one of the form's languages (${form.languages.join(', ')})` });
  }
  const steps = new Map<string, string>();
  const questions = new Map<string, string>();
  form.steps.forEach((step, si) => {
    const stepPath = `steps[${si}]`;
    const seenStep = steps.get(step.id);
    if (seenStep) issues.push({ path: `${stepPath}.id`, message: `Duplicate step id "${step.id}" (also ${seenStep})` });
    else steps.set(step.id, stepPath);
    step.questions.forEach((q, qi) => {
      const qPath = `${stepPath}.questions[${qi}]`;
      const seen = questions.get(q.id);
      if (seen) issues.push({ path: `${qPath}.id`, questionId: q.id, message: `Duplicate question id "${q.id}" (also ${seen})` });
      else questions.set(q.id, qPath);
      if (RESERVED_WORDS.has(q.id)) {
        issues.push({ path: `${qPath}.id`, questionId: q.id, message: `"${q.id}" is a word of the condition language and cannot be a question id` });
      }
      if (q.type === 'single_choice' || q.type === 'multiple_choice') {
        const options = new Set<string>();
        q.options.forEach((o, oi) => {
          if (options.has(o.id)) issues.push({ path: `${qPath}.options[${oi}].id`, questionId: q.id, message: `Duplicate option id "${o.id}" in question "${q.id}"` });
          if (RESERVED_WORDS.has(o.id)) {
            issues.push({ path: `${qPath}.options[${oi}].id`, questionId: q.id, message: `"${o.id}" is a word of the condition language and cannot be an option id` });
          }
          options.add(o.id);
        });
      }
      if (q.type === 'body_map' && q.regions && new Set(q.regions).size !== q.regions.length) {
        issues.push({ path: `${qPath}.regions`, questionId: q.id, message: `A region is listed twice in question "${q.id}"` });
      }
    });
  });
  const codes = new Map<string, string>();
  form.rules.forEach((rule, ri) => {
    const seen = codes.get(rule.code);
    if (seen) issues.push({ path: `rules[${ri}].code`, message: `Duplicate rule code "${rule.code}" (also ${seen})` });
    else codes.set(rule.code, `rules[${ri}]`);
  });
  return issues;
}

/** What each question type finds wrong with its own definition (bounds, patterns). */
function typeIssues(form: FormDefinition): Issue[] {
  return form.steps.flatMap((step, si) =>
    step.questions.flatMap((q, qi) =>
      (specOf(q).definitionIssues?.(q) ?? []).map(
        (issue): Issue => ({ path: `steps[${si}].questions[${qi}].${issue.field}`, questionId: q.id, message: `Question "${q.id}": ${issue.message}` }),
      ),
    ),
  );
}

function identityIssues(form: FormDefinition): Issue[] {
  const index = indexQuestions(form);
  const issues: Issue[] = [];
  form.identity.name.forEach((id, i) => {
    const q = index.get(id)?.question;
    if (!q) issues.push({ path: `identity.name[${i}]`, message: `Unknown question id "${id}"` });
    else if (q.type !== 'short_text') issues.push({ path: `identity.name[${i}]`, questionId: id, message: `Question "${id}" must be a short text question to name the client` });
  });
  const dob = form.identity.dateOfBirth;
  if (dob !== undefined) {
    const q = index.get(dob)?.question;
    if (!q) issues.push({ path: 'identity.dateOfBirth', message: `Unknown question id "${dob}"` });
    else if (q.type !== 'date') issues.push({ path: 'identity.dateOfBirth', questionId: dob, message: `Question "${dob}" must be a date question` });
  }
  return issues;
}

function expressionIssues(form: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const compiledForm = compileExpressions(form, (site, error) => {
    const owner = site.questionId ? `Question "${site.questionId}": ` : '';
    issues.push({
      path: site.path,
      message: `${owner}${error.message} at column ${error.col} of the condition "${site.source}"`,
      ...(site.questionId ? { questionId: site.questionId } : {}),
      exprColumn: error.col,
    });
  });
  if (issues.length > 0) return issues;

  // A condition may only read answers the client gives before (or on) the same step.
  for (const [id, expr] of compiledForm.questionVisibleIf) {
    const entry = compiledForm.questions.get(id);
    if (!entry) continue;
    for (const ref of questionRefs(expr)) {
      const target = compiledForm.questions.get(ref);
      if (target && target.stepIndex > entry.stepIndex) {
        issues.push({
          path: `steps[${entry.stepIndex}].questions[${entry.questionIndex}].visibleIf`,
          questionId: id,
          message: `Question "${id}": its condition reads "${ref}", which is asked on a later step`,
        });
      }
    }
  }

  // Visibility cycles: question -> the questions its condition (and its step's) reads.
  const edges = new Map<string, readonly string[]>();
  for (const [id, entry] of compiledForm.questions) {
    const own = compiledForm.questionVisibleIf.get(id);
    const stepExpr = compiledForm.stepVisibleIf.get(entry.step.id);
    edges.set(id, [...(own ? questionRefs(own) : []), ...(stepExpr ? questionRefs(stepExpr) : [])]);
  }
  const state = new Map<string, 'active' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: readonly string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'active') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...new Set(cycle)].sort().join(',');
      if (reported.has(key)) return;
      reported.add(key);
      const entry = compiledForm.questions.get(id);
      const ownsCondition = entry && compiledForm.questionVisibleIf.has(id);
      issues.push({
        path: entry ? (ownsCondition ? `steps[${entry.stepIndex}].questions[${entry.questionIndex}].visibleIf` : `steps[${entry.stepIndex}].visibleIf`) : 'steps',
        questionId: id,
        message: `Visibility conditions form a cycle: ${cycle.join(' -> ')}`,
      });
      return;
    }
    state.set(id, 'active');
    for (const next of edges.get(id) ?? []) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of edges.keys()) visit(id, []);
  return issues;
}

/** A further check of a structurally valid definition, run after the engine's own (see publish.ts). */
export type DefinitionCheck = (form: FormDefinition) => readonly FormDefinitionError[];

function collect(input: unknown, checks: readonly DefinitionCheck[]): { readonly form?: FormDefinition; readonly issues: readonly Issue[] } {
  const parsed = formDefinitionSchema.safeParse(input);
  if (!parsed.success) return { issues: structuralIssues(input, parsed.error) };
  const form: FormDefinition = parsed.data;
  const early = [...duplicateIssues(form), ...translationIssues(form), ...typeIssues(form), ...identityIssues(form)];
  // Expressions are only checked against a form whose ids are unambiguous.
  const issues = early.some((i) => i.message.startsWith('Duplicate question id')) ? early : [...early, ...expressionIssues(form), ...checks.flatMap((check) => check(form))];
  return issues.length > 0 ? { issues } : { form, issues };
}

function strip(issue: Issue): FormDefinitionError {
  const { exprColumn: _exprColumn, ...rest } = issue;
  return rest;
}

/**
 * Validates a definition (already parsed from JSON). Every problem is reported with
 * its path, e.g. `steps[2].questions[1].visibleIf`, and the question it belongs to.
 */
export function parseFormDefinition(input: unknown, checks: readonly DefinitionCheck[] = []): FormDefinitionResult {
  const { form, issues } = collect(input, checks);
  if (form) return { ok: true, form };
  return { ok: false, errors: issues.map(strip) };
}

/**
 * Validates a definition from JSON text. Syntax errors and definition errors carry the
 * line and column in the text; for a bad condition, the column of the offending word.
 */
export function parseFormDefinitionJson(text: string, checks: readonly DefinitionCheck[] = []): FormDefinitionResult {
  const read = readJson(text);
  if (!read.ok) return { ok: false, errors: [{ path: '', message: `Not valid JSON: ${read.message}`, line: read.line, column: read.column }] };
  const { form, issues } = collect(read.value, checks);
  if (form) return { ok: true, form };
  return {
    ok: false,
    errors: issues.map((issue) => {
      let path = issue.path;
      let pos = read.positions.get(path);
      while (!pos && path !== '') {
        const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (parent === path) break;
        path = parent;
        pos = read.positions.get(path);
      }
      if (!pos) return strip(issue);
      const exact = path === issue.path && issue.exprColumn !== undefined && !pos.escaped;
      // pos.column is the opening quote; the expression's column 1 is the character after it.
      return { ...strip(issue), line: pos.line, column: exact ? pos.column + (issue.exprColumn ?? 0) : pos.column };
    }),
  };
}

export type { FormDefinition };
