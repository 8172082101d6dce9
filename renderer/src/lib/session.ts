/**
 * One client's session as a pure reducer: where they are in the flow, their answers,
 * the submit status. Nothing here outlives the session: the whole state is dropped by
 * remounting (App keys the session), and a successful submit clears the answers before
 * the done screen is shown.
 */
import { assertNever } from '../../../forms/engine/index.ts';
import type { SubmitReceipt } from '../../../api/contract.ts';
import type { AnswerValue, Answers, FieldError } from '../../../forms/engine/index.ts';

export type SubmitStatus = 'idle' | 'sending' | 'failed' | 'invalid' | 'conflict';

export type Phase =
  | { readonly kind: 'attract' }
  | { readonly kind: 'step'; readonly stepId: string; readonly fromReview: boolean }
  | { readonly kind: 'review' }
  | { readonly kind: 'done'; readonly receipt: SubmitReceipt };

export interface SessionState {
  readonly phase: Phase;
  readonly language: string;
  readonly answers: Answers;
  /** Errors of the step on screen, shown beside their fields. */
  readonly errors: readonly FieldError[];
  /** Made once per client when they start, re-sent unchanged on every retry (idempotent submit). */
  readonly submissionId: string | null;
  readonly startedAt: string | null;
  readonly submit: SubmitStatus;
}

export type SessionAction =
  | { readonly type: 'language'; readonly language: string }
  | { readonly type: 'start'; readonly firstStepId: string; readonly submissionId: string; readonly startedAt: string }
  | { readonly type: 'answer'; readonly questionId: string; readonly value: AnswerValue | undefined }
  | { readonly type: 'goto'; readonly stepId: string; readonly fromReview: boolean }
  | { readonly type: 'errors'; readonly errors: readonly FieldError[] }
  | { readonly type: 'review' }
  | { readonly type: 'submitting' }
  | { readonly type: 'submitFailed'; readonly status: Exclude<SubmitStatus, 'idle' | 'sending'> }
  | { readonly type: 'submitted'; readonly receipt: SubmitReceipt };

export function initialSession(language: string): SessionState {
  return { phase: { kind: 'attract' }, language, answers: {}, errors: [], submissionId: null, startedAt: null, submit: 'idle' };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'language':
      return { ...state, language: action.language };
    case 'start':
      return {
        ...state,
        phase: { kind: 'step', stepId: action.firstStepId, fromReview: false },
        submissionId: state.submissionId ?? action.submissionId,
        startedAt: state.startedAt ?? action.startedAt,
      };
    case 'answer': {
      const { [action.questionId]: _old, ...rest } = state.answers;
      const answers: Answers = action.value === undefined ? rest : { ...rest, [action.questionId]: action.value };
      // A changed answer clears its own message; the others stay until the next check.
      return { ...state, answers, errors: state.errors.filter((e) => e.questionId !== action.questionId) };
    }
    case 'goto':
      return { ...state, phase: { kind: 'step', stepId: action.stepId, fromReview: action.fromReview }, errors: [] };
    case 'errors':
      return { ...state, errors: action.errors };
    case 'review':
      return { ...state, phase: { kind: 'review' }, errors: [], submit: state.submit === 'sending' ? 'sending' : 'idle' };
    case 'submitting':
      return { ...state, submit: 'sending' };
    case 'submitFailed':
      return { ...state, submit: action.status };
    case 'submitted':
      // Forget the client before thanking them: nothing of theirs survives into the done screen.
      return { ...initialSession(state.language), phase: { kind: 'done', receipt: action.receipt } };
    default:
      return assertNever(action);
  }
}

/** The step after `current` among the visible ones, or null when `current` is the last. */
export function nextStepId(visible: readonly { readonly id: string }[], current: string): string | null {
  const i = visible.findIndex((s) => s.id === current);
  return visible[i + 1]?.id ?? null;
}

/** The step before `current` among the visible ones, or null on the first. */
export function previousStepId(visible: readonly { readonly id: string }[], current: string): string | null {
  const i = visible.findIndex((s) => s.id === current);
  return i > 0 ? (visible[i - 1]?.id ?? null) : null;
}
