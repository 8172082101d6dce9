import { describe, expect, it } from 'vitest';
import type { Severity } from '../../api/contract.ts';
import { checkAcknowledgement } from './acknowledge.ts';

const flag = (code: string, severity: Severity) => ({ code, severity });
const FLAGS = [flag('FEVER_INFECTION', 'stop'), flag('CANCER_TREATMENT', 'clearance'), flag('OSTEOPOROSIS', 'modify'), flag('SCIATICA', 'info')];

describe('checkAcknowledgement', () => {
  it.each([
    ['no flags at all, nothing ticked -> allowed', [], [], []],
    ['only modify and info flags, nothing ticked -> allowed', [flag('OSTEOPOROSIS', 'modify'), flag('SCIATICA', 'info')], [], []],
    ['stop and clearance both ticked, outcome recorded -> allowed', FLAGS, ['FEVER_INFECTION', 'CANCER_TREATMENT'], []],
    ['stop ticked, clearance not -> refused, names the clearance flag', FLAGS, ['FEVER_INFECTION'], ['CANCER_TREATMENT']],
    ['nothing ticked -> refused, names both', FLAGS, [], ['FEVER_INFECTION', 'CANCER_TREATMENT']],
    ['only modify/info ticked -> refused', FLAGS, ['OSTEOPOROSIS', 'SCIATICA'], ['FEVER_INFECTION', 'CANCER_TREATMENT']],
    ['a tick for a flag that is not there does not count -> refused', [flag('SUSPECTED_DVT', 'stop')], ['FEVER_INFECTION'], ['SUSPECTED_DVT']],
  ] as const)('%s', (_label, flags, read, missing) => {
    const result = checkAcknowledgement(flags, read, { code: 'rebooked' });
    if (missing.length === 0) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, missing });
  });

  it('says how many flags still need a tick, without naming the client or the answers', () => {
    const one = checkAcknowledgement(FLAGS, ['FEVER_INFECTION']);
    const two = checkAcknowledgement(FLAGS, []);
    expect(one.ok ? '' : one.message).toBe('1 stop or clearance flag is not ticked as read yet. Tick each one before acknowledging.');
    expect(two.ok ? '' : two.message).toMatch(/^2 stop or clearance flags are not ticked/);
  });

  const ALL = ['FEVER_INFECTION', 'CANCER_TREATMENT'];
  it.each([
    ['stop flag, every tick, no outcome -> refused', FLAGS, ALL, undefined, /Choose what happened/],
    ['clearance flag only, no outcome -> refused', [flag('CANCER_TREATMENT', 'clearance')], ['CANCER_TREATMENT'], undefined, /Choose what happened/],
    ['only modify and info flags, no outcome -> allowed', [flag('OSTEOPOROSIS', 'modify')], [], undefined, null],
    ['stop flag, "clearance seen" -> allowed', FLAGS, ALL, { code: 'clearance_seen' }, null],
    ['stop flag, "other" with a note -> allowed', FLAGS, ALL, { code: 'other', note: 'Sent to urgent care' }, null],
    ['stop flag, "other" without a note -> refused', FLAGS, ALL, { code: 'other' }, /short note/],
    ['stop flag, "other" with only spaces -> refused', FLAGS, ALL, { code: 'other', note: '   ' }, /short note/],
  ] as const)('outcome: %s', (_label, flags, read, outcome, refusal) => {
    const result = checkAcknowledgement(flags, read, outcome);
    if (refusal === null) expect(result).toEqual({ ok: true });
    else expect(result.ok ? '' : result.message).toMatch(refusal);
  });
});
