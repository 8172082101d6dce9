// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DetailFlag, Severity } from '../../../api/contract.ts';
import { initI18n } from '../i18n/index.ts';
import { VerdictLine } from './FlagsPanel.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const flag = (severity: Severity, code: string): DetailFlag => ({ code, severity, title: code, guidance: '', triggers: [], language: 'en', byLanguage: {}, mustTick: severity === 'stop' || severity === 'clearance', derived: false });

describe('VerdictLine: "May I treat today?" answered in words and an icon', () => {
  it.each<[string, Severity[], string, string]>([
    ['no flags', [], 'No restrictions', 'clear'],
    ['info only', ['info'], 'No restrictions', 'clear'],
    ['modify and info', ['modify', 'info'], 'Treat with changes', 'modify'],
    ['clearance beats modify', ['modify', 'clearance'], 'Physician clearance needed', 'clearance'],
    ['stop beats everything', ['info', 'modify', 'clearance', 'stop'], 'Do not treat today: refer', 'refer'],
  ])('%s', (_label, severities, words, verdict) => {
    render(<VerdictLine flags={severities.map((s, i) => flag(s, `F${i}`))} />);
    const line = screen.getByTestId('verdict');
    expect(line.textContent).toBe(words);
    expect(line.getAttribute('data-verdict')).toBe(verdict);
    // Never colour alone: an icon shape beside the words (hidden from screen readers, the words speak).
    expect(line.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });
});
