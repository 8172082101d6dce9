import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOBAL_FILE, judgeFindings, parseJustifications, parseSarif, summaryLine, type Finding } from './electronegativity.ts';

// Shaped like Electronegativity 1.10.3's `-r -o x.sarif` output (trimmed to the fields read).
const SARIF = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'Electronegativity' } },
      results: [
        { ruleId: 'CSP_GLOBAL_CHECK', message: { text: 'No CSP has been detected' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } }] },
        { ruleId: 'SANDBOX_JS_CHECK', message: { text: 'Use sandbox' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'shell/electron-window.ts' }, region: { startLine: 19 } } }] },
        { ruleId: 'NODE_INTEGRATION_JS_CHECK', message: { text: 'Disable nodeIntegration' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'shell/new-window.ts' }, region: { startLine: 4 } } }] },
      ],
    },
  ],
});

const why = 'A reason long enough to be a sentence a reviewer can check.';

describe('parseSarif', () => {
  it('reads rule, repository-relative file and line; global checks get the global marker', () => {
    expect(parseSarif(SARIF, 'electron/')).toEqual([
      { rule: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE, line: 1, message: 'No CSP has been detected' },
      { rule: 'SANDBOX_JS_CHECK', file: 'electron/shell/electron-window.ts', line: 19, message: 'Use sandbox' },
      { rule: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/shell/new-window.ts', line: 4, message: 'Disable nodeIntegration' },
    ]);
  });

  it('normalises Windows separators', () => {
    const sarif = SARIF.replace('shell/electron-window.ts', 'shell\\\\electron-window.ts');
    expect(parseSarif(sarif, 'electron')[1]?.file).toBe('electron/shell/electron-window.ts');
  });

  it('an empty report has no findings', () => {
    expect(parseSarif(JSON.stringify({ runs: [{ results: [] }] }), 'electron')).toEqual([]);
  });

  it('refuses something that is not SARIF (e.g. a CSV written by mistake)', () => {
    expect(() => parseSarif('{"rows": []}', 'electron')).toThrow(/SARIF/);
  });
});

describe('judgeFindings', () => {
  const findings: readonly Finding[] = parseSarif(SARIF, 'electron');

  it.each([
    ['nothing justified: every finding fails', [], 3, 0],
    ['rule + file justified: that finding passes', [{ rule: 'SANDBOX_JS_CHECK', file: 'electron/shell/electron-window.ts', why }], 2, 0],
    ['same rule, other file: still fails (a new window is a new decision)', [{ rule: 'SANDBOX_JS_CHECK', file: 'electron/shell/electron-printer.ts', why }], 3, 1],
    ['same file, other rule: still fails', [{ rule: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/shell/electron-window.ts', why }], 3, 1],
    [
      'all justified',
      [
        { rule: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE, why },
        { rule: 'SANDBOX_JS_CHECK', file: 'electron/shell/electron-window.ts', why },
        { rule: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/shell/new-window.ts', why },
      ],
      0,
      0,
    ],
  ])('%s', (_label, justifications, unjustified, stale) => {
    const verdict = judgeFindings(findings, justifications);
    expect(verdict.unjustified).toHaveLength(unjustified);
    expect(verdict.justified).toHaveLength(findings.length - unjustified);
    expect(verdict.stale).toHaveLength(stale);
  });

  it('the line number does not matter (a justification survives unrelated edits)', () => {
    const moved = findings.map((f) => ({ ...f, line: f.line + 40 }));
    expect(judgeFindings(moved, [{ rule: 'SANDBOX_JS_CHECK', file: 'electron/shell/electron-window.ts', why }]).unjustified).toHaveLength(2);
  });

  it('summarises in one line', () => {
    const line = summaryLine(judgeFindings(findings, [{ rule: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE, why }]), ['electron']);
    expect(line).toBe('Electronegativity FAILED: 2 unjustified, 1 justified finding(s) in electron (Electron 45.0.0).');
  });
});

describe('parseJustifications', () => {
  it('reads the checked-in file format', () => {
    expect(parseJustifications(JSON.stringify({ justified: [{ rule: 'R', file: 'f', why }] }))).toEqual([{ rule: 'R', file: 'f', why }]);
  });

  it.each([
    ['no list', '{}'],
    ['an entry without a reason', JSON.stringify({ justified: [{ rule: 'R', file: 'f' }] })],
    ['a token reason', JSON.stringify({ justified: [{ rule: 'R', file: 'f', why: 'ok' }] })],
  ])('refuses %s', (_label, text) => {
    expect(() => parseJustifications(text)).toThrow();
  });
});

describe('the checked-in justifications file', () => {
  it('parses, and every entry gives a reason', () => {
    const text = readFileSync(new URL('../.electronegativity-justified.json', import.meta.url), 'utf8');
    expect(parseJustifications(text).length).toBeGreaterThan(0);
  });
});
