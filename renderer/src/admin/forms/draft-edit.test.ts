import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../../../forms/definitions/index.ts';
import { inEveryLanguage } from '../../../../forms/definitions/test-texts.ts';
import { parseFormDefinition } from '../../../../forms/engine/index.ts';
import { changeType, missingLanguages, move, newQuestion, newRule, newStep, optionalLoc, rulesOfJson, toDraft, toJson, withOptional, withOptionalLoc } from './draft-edit.ts';

describe('draft edits', () => {
  it.each([
    ['move up', ['a', 'b', 'c'], 1, -1, ['b', 'a', 'c']],
    ['move down', ['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
    ['first cannot move up', ['a', 'b', 'c'], 0, -1, ['a', 'b', 'c']],
    ['last cannot move down', ['a', 'b', 'c'], 2, 1, ['a', 'b', 'c']],
  ] as const)('%s', (_label, list, from, delta, expected) => {
    expect(move(list, from, delta)).toEqual(expected);
  });

  it.each([
    ['both present', { en: 'Neck', es: 'Cuello' }, []],
    ['Spanish blank', { en: 'Neck', es: '  ' }, ['es']],
    ['Spanish absent', { en: 'Neck' }, ['es']],
    ['no text at all', undefined, ['en', 'es']],
  ])('missing translations: %s', (_label, text, expected) => {
    expect(missingLanguages(text, ['en', 'es'])).toEqual(expected);
  });

  it('an optional text blank in every language is dropped', () => {
    expect(optionalLoc({ en: ' ', es: '' })).toBeUndefined();
    expect(optionalLoc({ en: 'Help', es: '' })).toEqual({ en: 'Help', es: '' });
  });

  it('withOptional sets a key or removes it; blank translations remove the key', () => {
    const step: { id: string; visibleIf?: string; description?: Record<string, string> } = { id: 's', visibleIf: 'a == yes' };
    expect(withOptional(step, 'visibleIf', undefined)).toEqual({ id: 's' });
    expect(withOptional(step, 'visibleIf', 'b == no')).toEqual({ id: 's', visibleIf: 'b == no' });
    expect(step).toEqual({ id: 's', visibleIf: 'a == yes' });
    expect(withOptionalLoc(step, 'description', { en: ' ', es: '' })).not.toHaveProperty('description');
    expect(withOptionalLoc(step, 'description', { en: 'Hi', es: '' })).toMatchObject({ description: { en: 'Hi', es: '' } });
  });

  it('a new question gets a unique id and only needs its texts to make the form valid', () => {
    const draft = toDraft(DEFAULT_INTAKE_FORM);
    const q = newQuestion('single_choice', draft);
    q.label = inEveryLanguage(draft.languages, { en: 'Pick', es: 'Elija' });
    for (const o of q.options ?? []) o.label = inEveryLanguage(draft.languages, { en: o.id });
    draft.steps[0]!.questions.push(q);
    const second = newQuestion('yes_no', draft);
    expect(second.id).not.toBe(q.id);
    expect(parseFormDefinition(toJson(draft)).ok).toBe(true);
  });

  it('a new question with blank texts is reported as missing translations, not as a crash', () => {
    const draft = toDraft(DEFAULT_INTAKE_FORM);
    draft.steps[0]!.questions.push(newQuestion('yes_no', draft));
    const result = parseFormDefinition(toJson(draft));
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual(
      ['English', 'Spanish', 'French', 'Chinese', 'Vietnamese', 'Korean', 'Arabic', 'Russian'].map((name) => expect.stringContaining(`Missing ${name}`)),
    );
  });

  it('changing the type keeps id, label and condition, and adds what the new type needs', () => {
    const draft = toDraft(DEFAULT_INTAKE_FORM);
    const q = { ...newQuestion('yes_no', draft), label: { en: 'L', es: 'L' }, visibleIf: 'pregnant == yes' };
    const changed = changeType(q, 'scale', draft);
    expect(changed).toMatchObject({ id: q.id, label: q.label, visibleIf: 'pregnant == yes', type: 'scale', min: 0, max: 10 });
  });

  it('new steps and rules get fresh ids', () => {
    const draft = toDraft(DEFAULT_INTAKE_FORM);
    const step = newStep(draft);
    expect(draft.steps.map((s) => s.id)).not.toContain(step.id);
    const rule = newRule(draft);
    expect(draft.rules.map((r) => r.code)).not.toContain(rule.code);
  });

  it('reads the rules of a published version to compare a draft against, or says it cannot', () => {
    const rules = rulesOfJson(JSON.stringify(DEFAULT_INTAKE_FORM));
    expect(rules?.map((r) => r.code)).toEqual(DEFAULT_INTAKE_FORM.rules.map((r) => r.code));
    expect(rules?.find((r) => r.code === 'FEVER_INFECTION')).toMatchObject({ severity: 'stop', title: { en: expect.stringMatching(/Fever/) } });
    expect(rulesOfJson(JSON.stringify({ id: 'x' }))).toEqual([]);
    for (const bad of ['not json', '[]', JSON.stringify({ rules: {} }), JSON.stringify({ rules: [{ code: 'A', severity: 'urgent', when: 'true' }] }), JSON.stringify({ rules: [{ code: 'A', severity: 'stop' }] })]) {
      expect(rulesOfJson(bad), bad).toBeNull();
    }
  });
});
