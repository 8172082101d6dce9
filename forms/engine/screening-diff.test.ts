import { describe, expect, it } from 'vitest';
import { diffScreening, weakensSafety, type RuleShape } from './screening-diff.ts';
import type { Severity } from './types.ts';

const rule = (code: string, severity: Severity, when = `${code.toLowerCase()} == true`): RuleShape => ({ code, severity, when });
const FEVER = rule('FEVER_INFECTION', 'stop');
const SURGERY = rule('RECENT_SURGERY', 'clearance');
const OSTEO = rule('OSTEOPOROSIS', 'modify');
const SCIATICA = rule('SCIATICA', 'info');
const LIVE = [FEVER, SURGERY, OSTEO, SCIATICA];

/** Each change as "kind CODE" plus "!" when it weakens a stop or clearance rule. */
const summary = (live: readonly RuleShape[], draft: readonly RuleShape[]) => diffScreening(live, draft).map((c) => `${c.kind} ${c.code}${weakensSafety(c) ? ' !' : ''}`);

describe('diffScreening: what a draft changes in screening against the live version', () => {
  it.each<[string, RuleShape[], string[]]>([
    ['the same rules: no change', LIVE, []],
    ['the same rules in another order: no change', [SCIATICA, OSTEO, SURGERY, FEVER], []],
    ['only spacing in a condition: no change', [{ ...FEVER, when: '  fever_infection   ==  true ' }, SURGERY, OSTEO, SCIATICA], []],
    ['a stop rule removed: weakens safety', [SURGERY, OSTEO, SCIATICA], ['removed FEVER_INFECTION !']],
    ['a clearance rule removed: weakens safety', [FEVER, OSTEO, SCIATICA], ['removed RECENT_SURGERY !']],
    ['a modify rule removed: a change, not a safety one', [FEVER, SURGERY, SCIATICA], ['removed OSTEOPOROSIS']],
    ['stop lowered to clearance: weakens safety', [{ ...FEVER, severity: 'clearance' }, SURGERY, OSTEO, SCIATICA], ['severity FEVER_INFECTION !']],
    ['clearance lowered to info: weakens safety', [FEVER, { ...SURGERY, severity: 'info' }, OSTEO, SCIATICA], ['severity RECENT_SURGERY !']],
    ['clearance raised to stop: stronger, not flagged', [FEVER, { ...SURGERY, severity: 'stop' }, OSTEO, SCIATICA], ['severity RECENT_SURGERY']],
    ['modify lowered to info: not a safety rule', [FEVER, SURGERY, { ...OSTEO, severity: 'info' }, SCIATICA], ['severity OSTEOPOROSIS']],
    ['a stop rule with another condition: weakens safety', [{ ...FEVER, when: 'fever_infection == false' }, SURGERY, OSTEO, SCIATICA], ['condition FEVER_INFECTION !']],
    ['an info rule with another condition: a change', [FEVER, SURGERY, OSTEO, { ...SCIATICA, when: 'true' }], ['condition SCIATICA']],
    ['a new stop rule: added, never a weakening', [...LIVE, rule('DVT', 'stop')], ['added DVT']],
    [
      'a code renamed: the old rule removed, the new one added',
      [{ ...FEVER, code: 'FEVER' }, SURGERY, OSTEO, SCIATICA],
      ['removed FEVER_INFECTION !', 'added FEVER'],
    ],
    [
      'severity and condition both changed: two changes',
      [{ ...FEVER, severity: 'modify', when: 'temp > 38' }, SURGERY, OSTEO, SCIATICA],
      ['severity FEVER_INFECTION !', 'condition FEVER_INFECTION !'],
    ],
    [
      'many at once: safety weakenings first (removed, severity, condition), stop before clearance, then the rest',
      [{ ...SURGERY, when: 'x == 1' }, { ...OSTEO, severity: 'info' }, rule('DVT', 'stop'), rule('A_INFO', 'info')],
      ['removed FEVER_INFECTION !', 'condition RECENT_SURGERY !', 'removed SCIATICA', 'severity OSTEOPOROSIS', 'added DVT', 'added A_INFO'],
    ],
    ['every rule removed', [], ['removed FEVER_INFECTION !', 'removed RECENT_SURGERY !', 'removed OSTEOPOROSIS', 'removed SCIATICA']],
  ])('%s', (_label, draft, expected) => {
    expect(summary(LIVE, draft)).toEqual(expected);
  });

  it('from a live version without rules, every draft rule is added, most severe first', () => {
    expect(summary([], [SCIATICA, FEVER])).toEqual(['added FEVER_INFECTION', 'added SCIATICA']);
  });

  it('a code listed twice in the draft counts once (the first)', () => {
    expect(summary([FEVER], [FEVER, { ...FEVER, severity: 'info' }])).toEqual([]);
  });

  it('keeps the rules it compared, so the screen can name them', () => {
    const [change] = diffScreening(LIVE, [{ ...FEVER, severity: 'info' }, SURGERY, OSTEO, SCIATICA]);
    expect(change).toEqual({ kind: 'severity', code: 'FEVER_INFECTION', before: FEVER, after: { ...FEVER, severity: 'info' } });
  });
});
