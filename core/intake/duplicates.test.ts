import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { ManualClock, rowCount } from '../tests/helpers.ts';
import { CORE_ENGINES, openTestCore, TEST_CTX, type TestCore } from '../tests/test-core.ts';
import { CONFLICT_MESSAGE } from './duplicates.ts';

const healthy = HEALTHY_CLIENT_ANSWERS;
const stopAnswers = { ...healthy, fever_infection: true };

describe.each(CORE_ENGINES)('on $engine', ({ engine, isAvailable }) => {
describe.skipIf(!isAvailable)(`the ${engine} store`, () => {
let opened: TestCore;
beforeEach(async () => {
  opened = await openTestCore({ engine, clock: new ManualClock('2025-06-15T10:30:00.000Z') }, 'kiosk-dup-');
});
afterEach(() => opened.close());

const request = (submissionId: string, answers: Record<string, unknown> = healthy) => ({
  submissionId,
  formId: 'massage-intake',
  formVersion: DEFAULT_INTAKE_FORM.version,
  language: 'en',
  answers,
  startedAt: '2025-06-15T10:00:00.000Z',
});
const submit = (payload: unknown) => opened.core.handlers['intake:submit'](payload, TEST_CTX);
const conflicts = async () => (await opened.core.deps.audit.list({ limit: 100 })).filter((e) => e.action === 'submission.conflict');

describe('the same submission id again', () => {
  it('with the same request: the receipt of what was stored, nothing stored twice', async () => {
    const id = randomUUID();
    const first = await submit(request(id, stopAnswers));
    const again = await submit(request(id, stopAnswers));
    expect(first).toMatchObject({ ok: true, value: { duplicate: false, needsFrontDesk: true } });
    expect(again).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), duplicate: true } });
    expect(await rowCount(opened.core.deps.store, 'submissions')).toBe(1);
    expect(await conflicts()).toEqual([]);
  });

  it.each([
    ['another name', { ...healthy, first_name: 'Someone', last_name: 'Else' }],
    ['a stop answer', stopAnswers],
    ['consent withdrawn', { ...healthy, consent: false }],
    ['no answers at all', {}],
  ])('with %s: refused as a conflict, audited, the stored record unchanged', async (_label, answers) => {
    const id = randomUUID();
    await submit(request(id));
    const before = await opened.core.deps.submissions.get(id);
    const result = await submit(request(id, answers));
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: CONFLICT_MESSAGE } });
    expect(await conflicts()).toEqual([expect.objectContaining({ actor: 'kiosk-client', subjectId: id, details: { reason: 'different_content' } })]);
    const after = await opened.core.deps.submissions.get(id);
    expect(after?.answers).toEqual(before?.answers);
    expect(after?.flags).toEqual([]);
    expect(await rowCount(opened.core.deps.store, 'submissions')).toBe(1);
  });

  it('twenty concurrent submits of one request: one stored, every receipt says what was stored', async () => {
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(request(id))));
    expect(results.every((r) => r.ok && r.value.needsFrontDesk === false)).toBe(true);
    expect(results.filter((r) => r.ok && !r.value.duplicate)).toHaveLength(1);
    expect(await rowCount(opened.core.deps.store, 'submissions')).toBe(1);
  });

  it('twenty concurrent submits of one id, half with other answers: the others are conflicts, no receipt contradicts the record', async () => {
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(request(id, i % 2 === 0 ? healthy : stopAnswers))));
    const stored = await opened.core.deps.submissions.get(id);
    const storedStop = stored?.flags.some((f) => f.severity === 'stop') ?? null;
    const receipts = results.flatMap((r) => (r.ok ? [r.value] : []));
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect(receipts).toHaveLength(10);
    expect(refused).toEqual(Array.from({ length: 10 }, () => 'conflict'));
    expect(receipts.every((r) => r.needsFrontDesk === storedStop)).toBe(true);
    expect(await conflicts()).toHaveLength(10);
    expect(await rowCount(opened.core.deps.store, 'submissions')).toBe(1);
  });

  it('a record stored before digests existed is compared by its answers', async () => {
    const id = randomUUID();
    await submit(request(id));
    await opened.core.deps.store.exec('UPDATE submissions SET request_digest = NULL WHERE id = ?', [id]);
    expect(await submit(request(id))).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(await submit(request(id, stopAnswers))).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
});
});
