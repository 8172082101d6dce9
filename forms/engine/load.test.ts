import { describe, expect, it } from 'vitest';
import { parseFormDefinition, parseFormDefinitionJson } from './load.ts';
import { miniDefinition } from './mini-form.fixture.ts';
import type { FormDefinitionError } from './types.ts';

type Def = ReturnType<typeof miniDefinition>;

function q(def: Def, step: number, question: number): Record<string, unknown> {
  const found = def.steps[step]?.questions[question];
  if (!found) throw new Error(`no question ${step}/${question}`);
  return found;
}

function errorsOf(change: (def: Def) => void): readonly FormDefinitionError[] {
  const def = miniDefinition();
  change(def);
  const result = parseFormDefinition(def);
  return result.ok ? [] : result.errors;
}

describe('parseFormDefinition: valid', () => {
  it('accepts the mini form and fills defaults', () => {
    const result = parseFormDefinition(miniDefinition());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.form.steps[0]?.questions[2]?.required).toBe(false);
      expect(result.form.rules).toHaveLength(2);
    }
  });
});

describe('parseFormDefinition: invalid definitions are rejected precisely', () => {
  it.each<[string, (def: Def) => void, Partial<FormDefinitionError>]>([
    [
      'visibility cycle between two questions',
      (d) => {
        q(d, 1, 5).visibleIf = 'weeks >= 1';
      },
      { path: 'steps[1].questions[5].visibleIf', questionId: 'pregnant', message: 'Visibility conditions form a cycle: pregnant -> weeks -> pregnant' },
    ],
    [
      'a question whose condition reads itself',
      (d) => {
        q(d, 1, 0).visibleIf = 'pain >= 1';
      },
      { path: 'steps[1].questions[0].visibleIf', questionId: 'pain', message: 'Visibility conditions form a cycle: pain -> pain' },
    ],
    [
      'a step whose condition reads its own question',
      (d) => {
        const step = d.steps[2];
        if (step) step.visibleIf = 'agree == yes';
      },
      { path: 'steps[2].visibleIf', questionId: 'agree', message: 'Visibility conditions form a cycle: agree -> agree' },
    ],
    [
      'duplicate question id across steps',
      (d) => {
        q(d, 2, 1).id = 'pain';
      },
      { path: 'steps[2].questions[1].id', questionId: 'pain', message: 'Duplicate question id "pain" (also steps[1].questions[0])' },
    ],
    [
      'duplicate step id',
      (d) => {
        const step = d.steps[1];
        if (step) step.id = 'basics';
      },
      { path: 'steps[1].id', message: 'Duplicate step id "basics" (also steps[0])' },
    ],
    [
      'duplicate option id',
      (d) => {
        q(d, 1, 3).options = [{ id: 'acute', label: { en: 'A', es: 'A' } }, { id: 'acute', label: { en: 'B', es: 'B' } }];
      },
      { path: 'steps[1].questions[3].options[1].id', questionId: 'duration', message: 'Duplicate option id "acute" in question "duration"' },
    ],
    [
      'duplicate rule code',
      (d) => {
        const rule = d.rules[1];
        if (rule) rule.code = 'HIGH_RISK';
      },
      { path: 'rules[1].code', message: 'Duplicate rule code "HIGH_RISK" (also rules[0])' },
    ],
    [
      'reserved word as a question id',
      (d) => {
        q(d, 0, 2).id = 'within';
      },
      { path: 'steps[0].questions[2].id', questionId: 'within', message: '"within" is a word of the condition language and cannot be a question id' },
    ],
    [
      'unknown question in a visibility condition',
      (d) => {
        q(d, 1, 6).visibleIf = 'pregnantt == yes';
      },
      {
        path: 'steps[1].questions[6].visibleIf',
        questionId: 'weeks',
        message: 'Question "weeks": Unknown question id "pregnantt" at column 1 of the condition "pregnantt == yes"',
      },
    ],
    [
      'type mismatch in a rule',
      (d) => {
        const rule = d.rules[1];
        if (rule) rule.when = 'pain == yes';
      },
      { path: 'rules[1].when', message: 'Cannot compare "pain" (a number) with yes/no at column 1 of the condition "pain == yes"' },
    ],
    [
      'syntax error in a rule',
      (d) => {
        const rule = d.rules[0];
        if (rule) rule.when = 'pregnant == yes and';
      },
      { path: 'rules[0].when', message: 'The condition ends too early at column 20 of the condition "pregnant == yes and"' },
    ],
    [
      'condition that reads a later step',
      (d) => {
        q(d, 0, 2).visibleIf = 'pain >= 3';
      },
      { path: 'steps[0].questions[2].visibleIf', questionId: 'email', message: 'Question "email": its condition reads "pain", which is asked on a later step' },
    ],
    [
      'missing Spanish label',
      (d) => {
        q(d, 1, 5).label = { en: 'Pregnant?' };
      },
      { path: 'steps[1].questions[5].label.es', questionId: 'pregnant', message: 'Missing Spanish translation ("es") at steps[1].questions[5].label' },
    ],
    [
      'empty Spanish option label',
      (d) => {
        q(d, 1, 3).options = [{ id: 'acute', label: { en: 'Short', es: ' ' } }, { id: 'chronic', label: { en: 'Long', es: 'Larga' } }];
      },
      { path: 'steps[1].questions[3].options[0].label.es', questionId: 'duration', message: 'Missing Spanish translation ("es") at steps[1].questions[3].options[0].label' },
    ],
    [
      'missing Spanish guidance on a rule',
      (d) => {
        const rule = d.rules[0];
        if (rule) rule.guidance = { en: 'Clearance.' };
      },
      { path: 'rules[0].guidance.es', message: 'Missing Spanish translation ("es") at rules[0].guidance' },
    ],
    [
      'a declared third language with no translations',
      (d) => {
        d.languages = ['en', 'es', 'fr'];
      },
      { path: 'title.fr', message: 'Missing French translation ("fr") at title' },
    ],
    [
      'default language not declared',
      (d) => {
        d.defaultLanguage = 'fr';
      },
      { path: 'defaultLanguage', message: 'The default language "fr" is not one of the form\'s languages (en, es)' },
    ],
    [
      'unknown question type',
      (d) => {
        q(d, 0, 2).type = 'checkbox';
      },
      { path: 'steps[0].questions[2].type', questionId: 'email' },
    ],
    [
      'misspelt property',
      (d) => {
        q(d, 0, 0).requried = true;
      },
      { path: 'steps[0].questions[0]', questionId: 'name', message: 'Unrecognized key: "requried"' },
    ],
    [
      'scale with min above max',
      (d) => {
        q(d, 1, 0).min = 11;
      },
      { path: 'steps[1].questions[0].min', questionId: 'pain', message: 'Question "pain": min (11) must be below max (10)' },
    ],
    [
      'invalid pattern',
      (d) => {
        q(d, 0, 4).pattern = { regex: '([A-Z', message: { en: 'x', es: 'x' } };
      },
      { path: 'steps[0].questions[4].pattern.regex', questionId: 'code', message: 'Question "code": the pattern /([A-Z/ is not a valid regular expression' },
    ],
    [
      'body map with an unknown region',
      (d) => {
        q(d, 1, 1).regions = ['neck', 'tail'];
      },
      { path: 'steps[1].questions[1].regions[1]', questionId: 'areas' },
    ],
    [
      'identity naming an unknown question',
      (d) => {
        d.identity = { name: ['full_name'] };
      },
      { path: 'identity.name[0]', message: 'Unknown question id "full_name"' },
    ],
    [
      'version 0',
      (d) => {
        d.version = 0;
      },
      { path: 'version' },
    ],
  ])('%s', (_label, change, expected) => {
    const errors = errorsOf(change);
    expect(errors).toContainEqual(expect.objectContaining(expected));
  });
});

describe('parseFormDefinitionJson', () => {
  it('gives the line and column of a JSON syntax error', () => {
    const result = parseFormDefinitionJson('{\n  "id": "mini",\n  "version": 1,,\n}');
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'Not valid JSON: Expected a property name in double quotes', line: 3, column: 16 }] });
  });

  it('points at the offending word inside a condition', () => {
    const def = miniDefinition();
    const rule = def.rules[1];
    if (rule) rule.when = 'pain >= painn';
    const text = JSON.stringify(def, null, 2);
    const result = parseFormDefinitionJson(text);
    const error = result.ok ? undefined : result.errors[0];
    expect(error?.path).toBe('rules[1].when');
    const line = text.split('\n')[(error?.line ?? 0) - 1] ?? '';
    expect(line.slice((error?.column ?? 0) - 1)).toMatch(/^painn"/);
  });

  it('locates a structural error at the value it concerns', () => {
    const def = miniDefinition();
    def.version = 0;
    const text = JSON.stringify(def, null, 2);
    const result = parseFormDefinitionJson(text);
    const error = result.ok ? undefined : result.errors[0];
    const line = text.split('\n')[(error?.line ?? 0) - 1] ?? '';
    expect(line.slice((error?.column ?? 0) - 1)).toBe('0,');
  });

  it('accepts the same definition as parseFormDefinition', () => {
    expect(parseFormDefinitionJson(JSON.stringify(miniDefinition())).ok).toBe(true);
  });
});
