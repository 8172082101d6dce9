/**
 * Checking one condition while the admin types it. The engine checks expressions only
 * inside a whole definition, and refuses to look at them while any other part of the
 * draft is structurally broken (a half-typed option id, say). So the condition is checked
 * against a "probe" form: the draft's steps and questions reduced to what the type
 * checker reads (ids, types, options, regions), each made structurally valid, with every
 * other condition left out. Errors then name only this condition, with its column.
 */
import type { ExpressionIssue, ExpressionTarget } from '../../api/contract.ts';
import { assertNever, isQuestionType, parseFormDefinition, QUESTION_TYPES } from '../../forms/engine/index.ts';

const ID = /^[a-z][a-z0-9_]*$/;
const PLACEHOLDER = { en: '-' } as const;
const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** The parts of a question the type checker reads, made valid; null when it cannot be referenced anyway. */
function probeQuestion(raw: unknown, seenIds: Set<string>): Record<string, unknown> | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !ID.test(raw.id) || seenIds.has(raw.id)) return null;
  if (!isQuestionType(raw.type)) return null;
  seenIds.add(raw.id);
  // Each type says what a valid question of it needs (its editor defaults) and what of a half-edited one the checker reads.
  const draft = QUESTION_TYPES[raw.type].draft;
  return { id: raw.id, label: PLACEHOLDER, type: raw.type, ...draft.defaults(() => ({ ...PLACEHOLDER })), ...('probe' in draft ? draft.probe(raw) : {}) };
}

/** Path of the target in the probe form, as the engine names it in errors. */
function targetPath(target: ExpressionTarget): string {
  switch (target.kind) {
    case 'step':
      return `steps[${target.stepIndex}].visibleIf`;
    case 'question':
      return `steps[${target.stepIndex}].questions[${target.questionIndex}].visibleIf`;
    case 'rule':
      return 'rules[0].when';
    default:
      return assertNever(target, 'expression target');
  }
}

/**
 * Problems with `expression` placed at `target` in `draft`; empty when it is fine.
 * Question indexes are the draft's: questions the probe had to drop (unusable ids)
 * are replaced by placeholders so the indexes still line up.
 */
export function checkExpression(draft: unknown, target: ExpressionTarget, expression: string): readonly ExpressionIssue[] {
  if (expression.trim() === '') return [{ message: 'A condition cannot be empty.' }];
  const seen = new Set<string>();
  let filler = 0;
  const steps = arrayOf(isRecord(draft) ? draft.steps : undefined).map((rawStep, si) => {
    const questions = arrayOf(isRecord(rawStep) ? rawStep.questions : undefined).map((rawQ) => {
      // A placeholder keeps the indexes of the draft; its id cannot clash with a real one.
      const q = probeQuestion(rawQ, seen) ?? { id: `zz_probe_filler_${filler++}`, type: 'yes_no', label: PLACEHOLDER };
      return q;
    });
    const step: Record<string, unknown> = {
      id: `probe_step_${si}`,
      title: PLACEHOLDER,
      questions: questions.length > 0 ? questions : [{ id: `zz_probe_filler_${filler++}`, type: 'yes_no', label: PLACEHOLDER }],
    };
    return step;
  });
  if (target.kind !== 'rule') {
    const step = steps[target.stepIndex];
    if (!step) return [{ message: 'That step no longer exists.' }];
    if (target.kind === 'step') step.visibleIf = expression;
    else {
      const q = (step.questions as Record<string, unknown>[])[target.questionIndex];
      if (!q) return [{ message: 'That question no longer exists.' }];
      q.visibleIf = expression;
    }
  }
  const nameQuestion = { id: 'zz_probe_name', type: 'short_text', label: PLACEHOLDER };
  const probe = {
    id: 'probe',
    version: 1,
    title: PLACEHOLDER,
    languages: ['en'],
    defaultLanguage: 'en',
    identity: { name: ['zz_probe_name'] },
    // The name question goes last so it can never be "asked on a later step" than the target.
    steps: [...steps, { id: 'zz_probe_identity', title: PLACEHOLDER, questions: [nameQuestion] }],
    rules: target.kind === 'rule' ? [{ code: 'PROBE', severity: 'info', when: expression, title: PLACEHOLDER, guidance: PLACEHOLDER }] : [],
  };
  const result = parseFormDefinition(probe);
  if (result.ok) return [];
  const path = targetPath(target);
  return result.errors
    .filter((e) => e.path === path || e.path.startsWith(`${path}.`))
    .map((e) => {
      const column = /at column (\d+) of the condition/.exec(e.message)?.[1];
      return {
        message: e.message,
        ...(column ? { column: Number(column) } : {}),
        ...(e.questionId && !e.questionId.startsWith('zz_probe_') ? { questionId: e.questionId } : {}),
      };
    });
}
