/**
 * docs/CLINICAL.md is the clinic's record of what the default form screens for and why:
 * it must list every rule of the shipped form with its severity, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';

const doc = readFileSync(new URL('../docs/CLINICAL.md', import.meta.url), 'utf8');

/** `CODE` at the start of a table row, under the `### severity` heading it sits in. */
function documentedRules(): Map<string, string> {
  const rules = new Map<string, string>();
  let severity = '';
  for (const line of doc.split('\n')) {
    const heading = /^### (\w+)/.exec(line);
    if (heading?.[1]) severity = heading[1];
    const row = /^\| `([A-Z0-9_]+)`/.exec(line);
    if (row?.[1]) rules.set(row[1], severity);
  }
  return rules;
}

describe('docs/CLINICAL.md', () => {
  const documented = documentedRules();

  it.each(DEFAULT_INTAKE_FORM.rules.map((r) => [r.code, r.severity] as const))('lists %s under %s, with a source', (code, severity) => {
    expect(documented.get(code)).toBe(severity);
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\``)) ?? '';
    expect(row).toMatch(/\[[A-Z]+\]/);
  });

  it('names no rule the form does not have', () => {
    const shipped = new Set(DEFAULT_INTAKE_FORM.rules.map((r) => r.code));
    expect([...documented.keys()].filter((code) => !shipped.has(code))).toEqual([]);
  });

  it('states the shipped version', () => {
    expect(doc).toContain(`version ${DEFAULT_INTAKE_FORM.version}`);
  });
});
