import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID, createHash } from 'node:crypto';
import { HEALTHY_CLIENT_ANSWERS, MINOR_CLIENT_ANSWERS, MINOR_DATE_OF_BIRTH } from '../../forms/definitions/sample-answers.ts';
import type { Core } from '../create-core.ts';
import { ManualClock, rowCount } from '../tests/helpers.ts';
import { CORE_ENGINES, openTestCore, TEST_CTX, type TestCore } from '../tests/test-core.ts';

const ctx = TEST_CTX;

const healthy = HEALTHY_CLIENT_ANSWERS;

const submit = (overrides: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  formId: 'massage-intake',
  formVersion: DEFAULT_INTAKE_FORM.version,
  language: 'en',
  answers: healthy,
  startedAt: '2025-06-15T10:00:00.000Z',
  ...overrides,
});

describe.each(CORE_ENGINES)('on $engine', ({ engine, isAvailable }) => {
describe.skipIf(!isAvailable)(`the ${engine} store`, () => {
let core: Core;
let opened: TestCore;

beforeEach(async () => {
  opened = await openTestCore({ engine, clock: new ManualClock('2025-06-15T10:30:00.000Z') }, 'kiosk-intake-');
  core = opened.core;
});

afterEach(() => opened.close());

const counts = async () => ({
  submissions: await rowCount(core.deps.store, 'submissions'),
  audit: (await core.deps.audit.count()),
});

/** An object `depth` levels deep: more than JSON.stringify can walk on the stack. */
function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('intake:submit boundary: bad payloads get a clear error and write nothing', () => {
  const cases: ReadonlyArray<{ label: string; payload: unknown; code: string; mentions?: RegExp }> = [
    { label: 'no payload at all', payload: undefined, code: 'invalid_request', mentions: /submissionId/ },
    { label: 'a bare string', payload: 'hello', code: 'invalid_request' },
    { label: 'an array', payload: [1, 2, 3], code: 'invalid_request' },
    { label: 'submission id not a UUID', payload: submit({ submissionId: '42' }), code: 'invalid_request', mentions: /UUID/ },
    { label: 'form version as a string', payload: submit({ formVersion: '1' }), code: 'invalid_request', mentions: /formVersion/ },
    { label: 'missing answers', payload: { ...submit(), answers: undefined }, code: 'invalid_request', mentions: /answers/ },
    { label: 'answers of the wrong type', payload: submit({ answers: { pain_level: { nested: true } } }), code: 'invalid_request' },
    { label: 'a 1 MB string answer', payload: submit({ answers: { ...healthy, first_name: 'x'.repeat(1_000_000) } }), code: 'invalid_request' },
    { label: 'a 2 MB payload', payload: submit({ padding: 'y'.repeat(2_000_000) }), code: 'invalid_request', mentions: /too large/ },
    { label: 'an answer nested 100,000 deep', payload: submit({ answers: { ...healthy, first_name: nested(100_000) } }), code: 'invalid_request', mentions: /nested too deeply/ },
    { label: 'an unexpected extra field', payload: submit({ admin: true }), code: 'invalid_request', mentions: /Unexpected field/ },
    { label: 'an unknown form version', payload: submit({ formVersion: 99 }), code: 'conflict' },
    { label: 'a language the form lacks', payload: submit({ language: 'de' }), code: 'invalid_request', mentions: /"de"/ },
    { label: 'required answers missing', payload: submit({ answers: { first_name: 'Ana' } }), code: 'invalid_request', mentions: /missing/ },
    { label: 'pain out of range', payload: submit({ answers: { ...healthy, pain_level: 11 } }), code: 'invalid_request' },
    { label: 'consent not given', payload: submit({ answers: { ...healthy, consent: false } }), code: 'invalid_request' },
    {
      label: 'an answer to a question the form does not have',
      payload: submit({ answers: { ...healthy, favourite_colour: 'blue' } }),
      code: 'invalid_request',
      mentions: /does not have \(favourite_colour\).*answers\.favourite_colour: This question is not part of the form/,
    },
    {
      label: 'a 15-year-old without a parent or guardian (the kiosk skipped the step)',
      payload: submit({ answers: { ...healthy, date_of_birth: MINOR_DATE_OF_BIRTH } }),
      code: 'invalid_request',
      mentions: /missing.*answers\.guardian_name: .*answers\.guardian_signature: Please sign/,
    },
    {
      label: "a 15-year-old whose guardian did not sign",
      payload: submit({ answers: { ...MINOR_CLIENT_ANSWERS, guardian_signature: null } }),
      code: 'invalid_request',
      mentions: /answers\.guardian_signature: Please sign/,
    },
    {
      label: 'a one-point signature (a tap, refused by main even if the kiosk let it through)',
      payload: submit({ answers: { ...healthy, signature: { width: 400, height: 150, strokes: [[{ x: 10, y: 10, t: 0 }]] } } }),
      code: 'invalid_request',
      mentions: /answers\.signature: Your signature is too short/,
    },
    {
      label: 'a signature of 12 points inside 20 px (a scribble, not a signature)',
      payload: submit({ answers: { ...healthy, signature: { width: 400, height: 150, strokes: [Array.from({ length: 12 }, (_, i) => ({ x: 10 + i, y: 10, t: i * 16 }))] } } }),
      code: 'invalid_request',
      mentions: /answers\.signature: Your signature is too short/,
    },
  ];

  it.each(cases)('$label -> $code', async ({ payload, code, mentions }) => {
    const before = await counts();
    const result = await core.handlers['intake:submit'](payload, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    const text = [result.error.message, ...(result.error.issues ?? []).map((i) => `${i.path}: ${i.message}`)].join(' | ');
    if (mentions) expect(text).toMatch(mentions);
    expect(text.length).toBeLessThan(5_000);
    expect(await counts()).toEqual(before);
  });

  it('a call from another origin is refused before anything is read', async () => {
    const result = await core.handlers['intake:submit'](submit(), { ...ctx, senderUrl: 'https://example.com/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect((await counts()).submissions).toBe(0);
  });
});

describe('intake:submit stores a signed, encrypted record once', () => {
  it('stores the record with its PDF, SHA-256 and flags, and says so', async () => {
    const payload = submit();
    const result = await core.handlers['intake:submit'](payload, ctx);
    expect(result).toEqual({ ok: true, value: { submissionId: payload.submissionId, duplicate: false, needsFrontDesk: false, clientMessages: [] } });
    const stored = await core.deps.submissions.get(payload.submissionId);
    expect(stored?.clientName).toBe('Ana García');
    expect(stored?.dateOfBirth).toBe('1980-04-02');
    expect(stored?.answers['pain_level']).toBe(4);
    expect(stored?.flags).toEqual([]);
    const pdf = Buffer.from(stored?.pdf ?? new Uint8Array());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(stored?.pdfSha256);
    expect(pdf.includes(Buffer.from('/ByteRange'))).toBe(true);
    expect((await core.deps.audit.list({ limit: 10 })).map((e) => e.action)).toContain('submission.created');
  });

  it("a 15-year-old's intake with the guardian's answers and signature is stored with the minor flag", async () => {
    const payload = submit({ answers: MINOR_CLIENT_ANSWERS });
    const result = await core.handlers['intake:submit'](payload, ctx);
    expect(result).toMatchObject({ ok: true, value: { needsFrontDesk: false, clientMessages: [] } });
    const stored = await core.deps.submissions.get(payload.submissionId);
    expect(stored?.flags.map((f) => `${f.severity}:${f.code}`)).toEqual(['info:MINOR_GUARDIAN_CONSENT']);
    expect(stored?.answers['guardian_name']).toBe('Marta García');
  });

  it('main uses the clinic age of consent: at 16, a 17-year-old adult-by-setting needs no guardian and keeps no guardian answer', async () => {
    await core.deps.settings.update({ ageOfConsent: 16 }, 'admin-1');
    const payload = submit({ answers: { ...MINOR_CLIENT_ANSWERS, date_of_birth: '2008-01-10' } });
    expect(await core.handlers['intake:submit'](payload, ctx)).toMatchObject({ ok: true });
    const stored = await core.deps.submissions.get(payload.submissionId);
    expect(stored?.flags).toEqual([]);
    expect(stored?.answers['guardian_name']).toBeUndefined();
  });

  it('a retry with the same id is absorbed: duplicate, nothing stored twice', async () => {
    const payload = submit();
    await core.handlers['intake:submit'](payload, ctx);
    const again = await core.handlers['intake:submit'](payload, ctx);
    expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
    expect((await counts()).submissions).toBe(1);
  });

  it('main re-evaluates the flags: a stop answer asks the client to see the front desk, once', async () => {
    const payload = submit({ answers: { ...healthy, fever_infection: true, dvt_symptoms: true } });
    const result = await core.handlers['intake:submit'](payload, ctx);
    expect(result.ok && result.value.needsFrontDesk).toBe(true);
    expect(result.ok && result.value.clientMessages).toHaveLength(1);
    const stored = await core.deps.submissions.get(payload.submissionId);
    expect(stored?.flags.map((f) => f.severity)).toContain('stop');
  });

  it('answers to hidden questions are dropped before storing', async () => {
    const payload = submit({ answers: { ...healthy, pregnant: false, pregnancy_high_risk: true } });
    const result = await core.handlers['intake:submit'](payload, ctx);
    expect(result.ok).toBe(true);
    expect((await core.deps.submissions.get(payload.submissionId))?.answers).not.toHaveProperty('pregnancy_high_risk');
  });
});

describe('kiosk:quit, the staff exit', () => {
  it('is refused without an admin session and allowed for an admin, who is then signed out', async () => {
    const refused = await core.handlers['kiosk:quit']({}, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const setup = await core.handlers['staff:setup']({ name: 'Owner', pin: '246810' }, ctx);
    expect(setup.ok).toBe(true);
    const quit = await core.handlers['kiosk:quit']({}, ctx);
    expect(quit).toEqual({ ok: true, value: { quitting: false } }); // no host here: Chromium mode cannot quit itself
    expect(core.deps.staff.current(ctx.caller.id)).toBeNull();
    expect((await core.deps.audit.list({ limit: 5 })).map((e) => e.action)).toContain('kiosk.quit');
  });
});

describe('the clinic logo an admin sets', () => {
  const PNG_1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

  it('appears in the kiosk config and as an image on the next summary PDF', async () => {
    const withoutLogo = await core.handlers['kiosk:getConfig']({}, ctx);
    expect(withoutLogo.ok && withoutLogo.value.logoDataUrl).toBeNull();
    expect((await core.handlers['staff:setup']({ name: 'Owner', pin: '246810' }, ctx)).ok).toBe(true);
    expect((await core.handlers['admin:updateSettings']({ logoDataUrl: PNG_1x1 }, ctx)).ok).toBe(true);
    const config = await core.handlers['kiosk:getConfig']({}, ctx);
    expect(config.ok && config.value.logoDataUrl).toBe(PNG_1x1);
    const payload = submit();
    expect((await core.handlers['intake:submit'](payload, ctx)).ok).toBe(true);
    const pdf = Buffer.from((await core.deps.submissions.get(payload.submissionId))!.pdf).toString('latin1');
    expect(pdf).toMatch(/\/Subtype\s*\/Image/);
  });
});
});
});
