import { describe, expect, it } from 'vitest';
import { miniForm } from './mini-form.fixture.ts';
import { isQuestionVisible, pruneHiddenAnswers, visibleSteps } from './visibility.ts';

const form = miniForm();

describe('visibility', () => {
  it.each([
    ['not pregnant: weeks hidden', { pregnant: false }, 'weeks', false],
    ['pregnant: weeks shown', { pregnant: true }, 'weeks', true],
    ['pregnant, 12 weeks: high risk shown', { pregnant: true, weeks: 12 }, 'high_risk', true],
    ['pregnant, 11 weeks: high risk hidden', { pregnant: true, weeks: 11 }, 'high_risk', false],
    ['chained: weeks left behind when no longer pregnant hides high risk too', { pregnant: false, weeks: 20 }, 'high_risk', false],
    ['unknown question is never visible', {}, 'nope', false],
  ] as const)('%s', (_label, answers, id, expected) => {
    expect(isQuestionVisible(form, id, answers)).toBe(expected);
  });

  it('visibleSteps returns each step with only its visible questions', () => {
    const steps = visibleSteps(form, { pregnant: false });
    expect(steps.map((s) => s.id)).toEqual(['basics', 'body', 'sign']);
    expect(steps[1]?.questions.map((q) => q.id)).toEqual(['pain', 'areas', 'conditions', 'duration', 'surgery_date', 'pregnant']);
  });

  it('pruneHiddenAnswers drops hidden and unknown answers and keeps the rest as given', () => {
    const pruned = pruneHiddenAnswers(form, { pregnant: false, weeks: 20, high_risk: true, name: 'Ana', injected: 'x' });
    expect(pruned).toEqual({ pregnant: false, name: 'Ana' });
  });

  it('works on a structured clone of the form (as the renderer receives it over IPC)', () => {
    const clone = structuredClone(form);
    expect(isQuestionVisible(clone, 'weeks', { pregnant: true })).toBe(true);
  });
});
