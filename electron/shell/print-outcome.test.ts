import { describe, expect, it } from 'vitest';
import { printSetupFailure, toPrintOutcome } from './print-outcome.ts';

describe('toPrintOutcome', () => {
  it.each([
    ['printed', true, '', { kind: 'printed' }],
    ['cancelled', false, 'cancelled', { kind: 'failed', message: 'Printing was cancelled.' }],
    ['no printer', false, 'Invalid printer settings', { kind: 'failed', message: expect.stringMatching(/No printer is available/) }],
    ['printer failure', false, 'failed', { kind: 'failed', message: expect.stringMatching(/printer reported an error/) }],
  ])('%s', (_label, success, reason, outcome) => {
    expect(toPrintOutcome(success, reason)).toEqual(outcome);
  });
});

describe('printSetupFailure', () => {
  it.each([
    ['load', /could not be prepared/],
    ['timeout', /did not answer in time/],
  ] as const)('%s gives staff a next step', (stage, message) => {
    const outcome = printSetupFailure(stage);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind === 'failed') expect(outcome.message).toMatch(message);
  });
});
