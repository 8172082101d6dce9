import { describe, expect, it } from 'vitest';
import { miniForm } from './mini-form.fixture.ts';
import { parseFormDefinition } from './load.ts';
import { parseDefinitionJsonToPublish, parseDefinitionToPublish } from './publish.ts';

/** The mini form with its short-text pattern replaced by `regex`. */
function withPattern(regex: string): unknown {
  const form = structuredClone(miniForm()) as unknown as { steps: { questions: { id: string; pattern?: { regex: string } }[] }[] };
  const code = form.steps.flatMap((s) => s.questions).find((q) => q.pattern);
  if (!code?.pattern) throw new Error('the mini form has a pattern question');
  code.pattern.regex = regex;
  return form;
}

describe('publishing refuses patterns that can backtrack catastrophically, naming the question', () => {
  it.each([
    ['nested repeat', '^([a-z]+)+$', true],
    ['overlapping alternatives under a star', '(a|a)*$', true],
    ['a repeat of a repeat', '(a*)*b', true],
    ['three capital letters', '^[A-Z]{3}$', false],
    ['a postcode', '^\\d{5}(-\\d{4})?$', false],
    ['a name in any script', "^[\\p{L} '-]+$", false],
  ] as const)('%s %s -> refused: %s', (_label, regex, refused) => {
    const result = parseDefinitionToPublish(withPattern(regex));
    expect(result.ok).toBe(!refused);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ questionId: 'code', message: expect.stringMatching(/^Question "code": the pattern .* is refused/) })]);
  });

  it('the JSON entry point places the refusal on the pattern line', () => {
    const text = JSON.stringify(withPattern('^([a-z]+)+$'), null, 2);
    const result = parseDefinitionJsonToPublish(text);
    expect(result.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.includes('"regex"')) + 1;
    expect(!result.ok && result.errors[0]?.line).toBe(line);
  });

  it('loading a stored form does not run the publish checks (a published form keeps working)', () => {
    expect(parseFormDefinition(withPattern('^([a-z]+)+$')).ok).toBe(true);
  });
});
