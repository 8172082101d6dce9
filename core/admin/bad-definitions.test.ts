/**
 * Hostile form definitions an admin can send: files nested thousands deep, huge bodies,
 * and text patterns that backtrack catastrophically. Each gets a typed answer a person
 * can act on (never `internal`), and nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Request } from '../../api/contract.ts';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { inEveryLanguage } from '../../forms/definitions/test-texts.ts';
import { ManualClock } from '../tests/helpers.ts';
import { openTestCore, TEST_CTX, type TestCore } from '../tests/test-core.ts';

let opened: TestCore;

const call = <C extends Channel>(channel: C, payload: Request<C> | Record<string, unknown>) => opened.core.handlers[channel](payload, TEST_CTX);

beforeEach(async () => {
  opened = await openTestCore({ clock: new ManualClock('2025-06-15T10:30:00.000Z') }, 'kiosk-bad-defs-');
  const setup = await call('staff:setup', { name: 'Olivia Owner', pin: '135792' });
  expect(setup.ok).toBe(true);
});

afterEach(() => opened.close());

const snapshot = async () => ({ draft: await call('admin:getFormDraft', {}), audit: (await opened.core.deps.audit.count()) });

describe('admin:importForm with hostile JSON answers a typed error and changes nothing', () => {
  const cases: ReadonlyArray<{ label: string; json: () => string; code: string; mentions: RegExp }> = [
    { label: 'arrays nested 10,000 deep', json: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`, code: 'invalid_request', mentions: /nests objects or lists more than 64 levels deep/ },
    { label: 'arrays nested 100,000 deep', json: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, code: 'invalid_request', mentions: /more than 64 levels deep/ },
    { label: 'objects nested 10,000 deep inside a real definition', json: () => JSON.stringify({ ...DEFAULT_INTAKE_FORM, extra: 0 }).replace('"extra":0', `"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`), code: 'invalid_request', mentions: /more than 64 levels deep/ },
    { label: 'a 5 MB body', json: () => `{"id":"${'x'.repeat(5_000_000)}"}`, code: 'invalid_request', mentions: /too large/ },
  ];
  it.each(cases)('$label -> $code', async ({ json, code, mentions }) => {
    const before = await snapshot();
    const result = await call('admin:importForm', { json: json() });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
    if (!result.ok) expect(result.error.message).toMatch(mentions);
    expect(await snapshot()).toEqual(before);
  });

  it('brackets inside strings do not count as nesting: a definition with "[[[[" in a label still imports', async () => {
    const form = structuredClone(DEFAULT_INTAKE_FORM) as unknown as { title: Record<string, string> };
    form.title.en = `${'['.repeat(200)} intake`;
    const result = await call('admin:importForm', { json: JSON.stringify(form) });
    expect(result).toMatchObject({ ok: true, value: { status: 'imported' } });
  });
});

/** The default form with a short-text question (pattern `regex`) added to its first step. */
function withPattern(regex: string): Record<string, unknown> {
  const copy = structuredClone(DEFAULT_INTAKE_FORM) as unknown as { steps: { questions: unknown[] }[] };
  copy.steps[0]?.questions.push({
    id: 'member_code',
    type: 'short_text',
    label: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'Member code', es: 'Código de socio' }),
    pattern: { regex, message: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'Check the code.', es: 'Revise el código.' }) },
  });
  return copy as unknown as Record<string, unknown>;
}

describe('admin:publishForm refuses text patterns that can backtrack catastrophically', () => {
  const cases: ReadonlyArray<{ label: string; regex: string; refused: boolean }> = [
    { label: 'nested repeat ^([a-z]+)+$ (6.8 s on 30 letters) -> refused', regex: '^([a-z]+)+$', refused: true },
    { label: 'overlapping alternatives (a|a)*$ -> refused', regex: '(a|a)*$', refused: true },
    { label: 'repeat of a repeat (a*)*b -> refused', regex: '(a*)*b', refused: true },
    { label: 'words and optional spaces ^(\\w+\\s?)+$ -> refused', regex: '^(\\w+\\s?)+$', refused: true },
    { label: 'a postcode ^\\d{5}$ -> published', regex: '^\\d{5}$', refused: false },
    { label: 'a member code ^[A-Z]{2}\\d{6}$ -> published', regex: '^[A-Z]{2}\\d{6}$', refused: false },
    { label: 'a simple email shape -> published', regex: '^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$', refused: false },
    { label: 'letters, spaces, apostrophes and dashes in any script -> published', regex: "^[\\p{L} '-]+$", refused: false },
  ];
  it.each(cases)('$label', async ({ regex, refused }) => {
    const live = (await opened.core.deps.forms.active()).version;
    const result = await call('admin:publishForm', { definition: withPattern(regex) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    if (!refused) {
      expect(result.value).toMatchObject({ status: 'published' });
      return;
    }
    expect(result.value.status).toBe('invalid');
    const errors = result.value.status === 'invalid' ? result.value.errors : [];
    expect(errors).toEqual([
      expect.objectContaining({ questionId: 'member_code', path: expect.stringMatching(/\.pattern\.regex$/), message: expect.stringMatching(/^Question "member_code": the pattern .* is refused: .*very long time/) }),
    ]);
    expect((await opened.core.deps.forms.active()).version).toBe(live);
  });

  it.each([
    ['a code that does not match -> the form\'s own message', 'ab12', false],
    ['a code that matches -> stored', 'AB123456', true],
  ] as const)('a published safe pattern still checks answers on submit: %s', async (_label, code, accepted) => {
    const published = await call('admin:publishForm', { definition: withPattern('^[A-Z]{2}\\d{6}$') });
    expect(published).toMatchObject({ ok: true, value: { status: 'published' } });
    const result = await call('intake:submit', {
      submissionId: randomUUID(),
      formId: 'massage-intake',
      formVersion: (await opened.core.deps.forms.active()).version,
      language: 'en',
      answers: { ...HEALTHY_CLIENT_ANSWERS, member_code: code },
      startedAt: '2025-06-15T10:00:00.000Z',
    });
    if (accepted) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'answers.member_code', message: 'Check the code.' }] } });
  });
});
