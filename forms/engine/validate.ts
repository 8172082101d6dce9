/** Answer validation: one friendly, translated message per invalid visible question. */
import { compiled } from './compile.ts';
import { civilToday } from './dates.ts';
import type { AnswerValue, Answers, QuestionId } from './ids.ts';
import { message, type MessageKey } from './messages.ts';
import { specOf, type Problem } from './question-types/index.ts';
import { DEFAULT_FORM_SETTINGS, type FormSettings } from './settings.ts';
import type { FieldError, FormDefinition, Question } from './types.ts';
import { answerView } from './visibility.ts';

/** No answer at all: nothing, blank text, an empty list, or what the type counts as blank. */
function isBlank(q: Question, v: AnswerValue): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return specOf(q).isBlank?.(v) ?? false;
}

function toFieldError(questionId: QuestionId, problem: Problem): FieldError {
  if ('custom' in problem) return { questionId, code: problem.code, message: problem.custom };
  return { questionId, code: codeOf(problem.key), message: message(problem.key, problem.params) };
}

/** Stable codes for tests and the UI: the family of the message, not its wording. */
function codeOf(key: MessageKey): string {
  switch (key) {
    case 'required':
    case 'required_choice':
    case 'required_body_map':
    case 'required_signature':
    case 'required_consent':
      return 'required';
    case 'date_future':
    case 'date_max':
      return 'date_max';
    case 'date_past':
    case 'date_min':
      return 'date_min';
    case 'range':
      return 'range';
    default:
      return key;
  }
}

/** Validates one question's answer as if it were visible. */
export function validateAnswer(q: Question, raw: AnswerValue | undefined, now: Date): FieldError | null {
  const spec = specOf(q);
  if (raw === undefined || raw === null || isBlank(q, raw)) return q.required ? toFieldError(q.id, { key: spec.requiredMessage }) : null;
  const problem = spec.check(q, raw, civilToday(now));
  return problem ? toFieldError(q.id, problem) : null;
}

/** The errors of one step's visible questions; hidden questions are never required. */
export function validateStep(
  form: FormDefinition,
  stepId: string,
  answers: Answers,
  now: Date,
  settings: FormSettings = DEFAULT_FORM_SETTINGS,
): readonly FieldError[] {
  const view = answerView(form, answers, now, settings);
  const step = form.steps.find((s) => s.id === stepId);
  if (!step || !view.isStepVisible(step.id)) return [];
  return step.questions.flatMap((q) => {
    if (!view.isVisible(q.id)) return [];
    const error = validateAnswer(q, answers[q.id], now);
    return error ? [error] : [];
  });
}

/** The ids answered that are not questions of the form, in the order given. */
export function unknownQuestionIds(form: FormDefinition, answers: Answers): readonly string[] {
  const known = compiled(form).questions;
  return Object.keys(answers).filter((id) => !known.has(id));
}

/** Every visible step's errors, plus one per answer to a question the form does not have. */
export function validateSubmission(
  form: FormDefinition,
  answers: Answers,
  now: Date,
  settings: FormSettings = DEFAULT_FORM_SETTINGS,
): readonly FieldError[] {
  const unknown = unknownQuestionIds(form, answers)
    // Branding an unknown id is deliberate: the error names exactly what the client sent.
    .map((id): FieldError => ({ questionId: id as QuestionId, code: 'unknown_question', message: message('unknown_question') }));
  return [...form.steps.flatMap((s) => validateStep(form, s.id, answers, now, settings)), ...unknown];
}
