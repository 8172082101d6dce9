import { describe, expect, it } from 'vitest';
import type { Severity } from './types.ts';
import { treatmentVerdict, verdictSeverity, type TreatmentVerdict } from './verdict.ts';

const flags = (...severities: Severity[]) => severities.map((severity) => ({ severity }));

describe('treatmentVerdict: every mix of severities', () => {
  it.each<[string, Severity[], TreatmentVerdict]>([
    ['no flags', [], 'clear'],
    ['info only', ['info'], 'clear'],
    ['two info flags', ['info', 'info'], 'clear'],
    ['modify only', ['modify'], 'modify'],
    ['modify + info', ['modify', 'info'], 'modify'],
    ['clearance only', ['clearance'], 'clearance'],
    ['clearance + info', ['clearance', 'info'], 'clearance'],
    ['clearance + modify', ['clearance', 'modify'], 'clearance'],
    ['clearance + modify + info', ['clearance', 'modify', 'info'], 'clearance'],
    ['stop only', ['stop'], 'refer'],
    ['stop + info', ['stop', 'info'], 'refer'],
    ['stop + modify', ['stop', 'modify'], 'refer'],
    ['stop + modify + info', ['stop', 'modify', 'info'], 'refer'],
    ['stop + clearance', ['stop', 'clearance'], 'refer'],
    ['stop + clearance + info', ['stop', 'clearance', 'info'], 'refer'],
    ['stop + clearance + modify', ['stop', 'clearance', 'modify'], 'refer'],
    ['all four', ['stop', 'clearance', 'modify', 'info'], 'refer'],
    ['order does not matter: stop listed last', ['info', 'modify', 'clearance', 'stop'], 'refer'],
  ])('%s', (_label, severities, expected) => {
    expect(treatmentVerdict(flags(...severities))).toBe(expected);
  });
});

describe('verdictSeverity: the icon beside the verdict', () => {
  it.each<[string, TreatmentVerdict, Severity | null]>([
    ['refer shows the stop icon', 'refer', 'stop'],
    ['clearance shows the clearance icon', 'clearance', 'clearance'],
    ['modify shows the modify icon', 'modify', 'modify'],
    ['no restrictions shows no severity icon', 'clear', null],
  ])('%s', (_label, verdict, expected) => {
    expect(verdictSeverity(verdict)).toBe(expected);
  });
});
