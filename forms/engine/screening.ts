/** Screening: the form's rules turn answers into flags, most urgent first. */
import { compiled } from './compile.ts';
import { evaluate, witnesses } from './expr/evaluate.ts';
import type { Answers } from './ids.ts';
import { DEFAULT_FORM_SETTINGS, type FormSettings } from './settings.ts';
import { SEVERITY_ORDER, type Flag, type FormDefinition } from './types.ts';
import { answerView } from './visibility.ts';

/**
 * Evaluates every rule. Hidden questions read as unanswered, so an answer left behind
 * on a branch the client backed out of never raises a flag. Flags come ordered by
 * severity (stop, clearance, modify, info), then by rule order; each carries the
 * answers that made its condition true.
 */
export function evaluateScreening(
  form: FormDefinition,
  answers: Answers,
  now: Date,
  settings: FormSettings = DEFAULT_FORM_SETTINGS,
): readonly Flag[] {
  const view = answerView(form, answers, now, settings);
  const flags: Flag[] = [];
  for (const { rule, when } of compiled(form).rules) {
    if (evaluate(when, view.context) !== true) continue;
    const triggers = witnesses(when, view.context).map((questionId) => ({ questionId, value: answers[questionId] ?? null }));
    flags.push({
      code: rule.code,
      severity: rule.severity,
      title: rule.title,
      guidance: rule.guidance,
      ...(rule.clientMessage ? { clientMessage: rule.clientMessage } : {}),
      triggers,
    });
  }
  const rank = (f: Flag): number => SEVERITY_ORDER.indexOf(f.severity);
  // Array.prototype.sort is stable, so rule order survives within a severity.
  return flags.sort((a, b) => rank(a) - rank(b));
}
