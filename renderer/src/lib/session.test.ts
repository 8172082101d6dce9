import { describe, expect, it } from 'vitest';
import type { SubmitReceipt } from '../../../api/contract.ts';
import { initialSession, nextStepId, previousStepId, sessionReducer, type SessionAction, type SessionState } from './session.ts';

const receipt: SubmitReceipt = { submissionId: 'id-1', duplicate: false, needsFrontDesk: false, clientMessages: [] };
const run = (actions: readonly SessionAction[], from: SessionState = initialSession('en')) => actions.reduce(sessionReducer, from);
const started = run([{ type: 'start', firstStepId: 'about', submissionId: 'id-1', startedAt: '2026-01-01T10:00:00.000Z' }]);

describe('sessionReducer', () => {
  it('starts on the first step with one submission id for the whole session', () => {
    expect(started.phase).toEqual({ kind: 'step', stepId: 'about', fromReview: false });
    const again = run([{ type: 'start', firstStepId: 'about', submissionId: 'id-2', startedAt: '2026-01-01T11:00:00.000Z' }], started);
    expect(again.submissionId).toBe('id-1');
    expect(again.startedAt).toBe('2026-01-01T10:00:00.000Z');
  });

  it('stores an answer, and removes it when the value is cleared', () => {
    const answered = run([{ type: 'answer', questionId: 'full_name', value: 'Ana' }], started);
    expect(answered.answers).toEqual({ full_name: 'Ana' });
    const cleared = run([{ type: 'answer', questionId: 'full_name', value: undefined }], answered);
    expect(cleared.answers).toEqual({});
  });

  it("clears a question's error when the client changes that answer, and keeps the others", () => {
    const withErrors = run(
      [
        {
          type: 'errors',
          errors: [
            { questionId: 'a' as never, code: 'required', message: { en: 'Required' } },
            { questionId: 'b' as never, code: 'required', message: { en: 'Required' } },
          ],
        },
        { type: 'answer', questionId: 'a', value: 'x' },
      ],
      started,
    );
    expect(withErrors.errors.map((e) => e.questionId)).toEqual(['b']);
  });

  it('keeps the answers after a failed submit, so a retry sends the same thing', () => {
    const failed = run(
      [{ type: 'answer', questionId: 'full_name', value: 'Ana' }, { type: 'review' }, { type: 'submitting' }, { type: 'submitFailed', status: 'failed' }],
      started,
    );
    expect(failed.submit).toBe('failed');
    expect(failed.answers).toEqual({ full_name: 'Ana' });
    expect(failed.submissionId).toBe('id-1');
  });

  it('forgets every answer and the submission id once submitted, before the done screen', () => {
    const done = run([{ type: 'answer', questionId: 'full_name', value: 'Ana' }, { type: 'review' }, { type: 'submitting' }, { type: 'submitted', receipt }], started);
    expect(done.phase).toEqual({ kind: 'done', receipt });
    expect(done.answers).toEqual({});
    expect(done.submissionId).toBeNull();
    expect(JSON.stringify(done)).not.toContain('Ana');
  });
});

describe('step navigation', () => {
  const steps = [{ id: 'about' }, { id: 'back' }, { id: 'consent' }];
  it.each([
    { label: 'next of the first is the second', fn: nextStepId, current: 'about', expected: 'back' },
    { label: 'next of the last is none (review comes next)', fn: nextStepId, current: 'consent', expected: null },
    { label: 'previous of the first is none', fn: previousStepId, current: 'about', expected: null },
    { label: 'previous of the last is the one before', fn: previousStepId, current: 'consent', expected: 'back' },
  ])('$label', ({ fn, current, expected }) => {
    expect(fn(steps, current)).toBe(expected);
  });
});
