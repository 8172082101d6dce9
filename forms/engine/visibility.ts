/** Which steps and questions a client sees, given their answers so far. */
import { normalizeAnswer } from './answers.ts';
import { compiled } from './compile.ts';
import { civilToday } from './dates.ts';
import { evaluate, type EvalContext, type ExprValue } from './expr/evaluate.ts';
import type { Answers, QuestionId } from './ids.ts';
import { DEFAULT_FORM_SETTINGS, type FormSettings } from './settings.ts';
import type { FormDefinition, Step } from './types.ts';

/** A memoised view of one set of answers: visibility, and values as rules read them. */
export interface AnswerView {
  isVisible(questionId: string): boolean;
  isStepVisible(stepId: string): boolean;
  /** The normalised answer of a visible question; null when hidden, unknown or unanswered. */
  value(questionId: string): ExprValue;
  readonly context: EvalContext;
}

/** `settings` are the clinic values conditions read as `settings.<name>` (the defaults when not given). */
export function answerView(form: FormDefinition, answers: Answers, now: Date, settings: FormSettings = DEFAULT_FORM_SETTINGS): AnswerView {
  const c = compiled(form);
  const today = civilToday(now);
  const visible = new Map<string, boolean>();
  const stepVisible = new Map<string, boolean>();
  const inProgress = new Set<string>();

  const value = (id: string): ExprValue => {
    const entry = c.questions.get(id);
    if (!entry || !isVisible(id)) return null;
    return normalizeAnswer(entry.question, answers[id]);
  };
  const context: EvalContext = { value: (id: QuestionId) => value(id), today, settings };

  function isStepVisible(stepId: string): boolean {
    const known = stepVisible.get(stepId);
    if (known !== undefined) return known;
    const key = `step:${stepId}`;
    // Cycles are rejected at load; this guard only keeps a bad clone from recursing forever.
    if (inProgress.has(key)) return false;
    inProgress.add(key);
    const expr = c.stepVisibleIf.get(stepId);
    const result = expr ? evaluate(expr, context) === true : true;
    inProgress.delete(key);
    stepVisible.set(stepId, result);
    return result;
  }

  function isVisible(id: string): boolean {
    const known = visible.get(id);
    if (known !== undefined) return known;
    const entry = c.questions.get(id);
    if (!entry || inProgress.has(id)) return false;
    inProgress.add(id);
    const expr = c.questionVisibleIf.get(id);
    const result = isStepVisible(entry.step.id) && (expr ? evaluate(expr, context) === true : true);
    inProgress.delete(id);
    visible.set(id, result);
    return result;
  }

  return { isVisible, isStepVisible, value, context };
}

/**
 * The steps to show, in order, each with only its visible questions; steps with none are
 * skipped. `now` only matters to conditions with date predicates (`within 12 weeks`).
 */
export function visibleSteps(
  form: FormDefinition,
  answers: Answers,
  now: Date = new Date(),
  settings: FormSettings = DEFAULT_FORM_SETTINGS,
): readonly Step[] {
  const view = answerView(form, answers, now, settings);
  return form.steps.flatMap((step) => {
    if (!view.isStepVisible(step.id)) return [];
    const questions = step.questions.filter((q) => view.isVisible(q.id));
    return questions.length > 0 ? [{ ...step, questions }] : [];
  });
}

/** Whether a question is shown: its step is shown and its own condition (if any) holds. */
export function isQuestionVisible(
  form: FormDefinition,
  questionId: string,
  answers: Answers,
  now: Date = new Date(),
  settings: FormSettings = DEFAULT_FORM_SETTINGS,
): boolean {
  return answerView(form, answers, now, settings).isVisible(questionId);
}

/** The answers with every hidden or unknown question dropped (what gets stored and printed). */
export function pruneHiddenAnswers(
  form: FormDefinition,
  answers: Answers,
  now: Date = new Date(),
  settings: FormSettings = DEFAULT_FORM_SETTINGS,
): Answers {
  const view = answerView(form, answers, now, settings);
  const kept: Record<string, Answers[string]> = {};
  for (const [id, v] of Object.entries(answers)) {
    if (v !== undefined && view.isVisible(id)) kept[id] = v;
  }
  return kept;
}
