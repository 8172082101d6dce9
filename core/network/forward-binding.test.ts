/**
 * The clinic server refuses a validly signed PDF that was made for another intake than the one
 * forwarded with it (core/pdf/intake-binding.ts): another name, another stop answer, another
 * form version, another submission id, another signing time, or no binding at all. Each PDF here
 * is a real kiosk's: rendered and signed by a paired kiosk's core with its own certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { Core } from '../create-core.ts';
import { signSummary } from '../handlers/intake.ts';
import { prepareIntake, type IntakeRequest } from '../intake/prepare.ts';
import { buildSummaryModel, readBinding, renderSummaryPdf } from '../pdf/index.ts';
import { signPdf } from '../signing/sign.ts';
import { ManualClock } from '../tests/helpers.ts';
import { openTestCore, type TestCore } from '../tests/test-core.ts';
import { pairKioskIdentity } from './testing/clinic-pki.ts';
import { NETWORK_CONFIG, transportTo } from './testing/network-pair.ts';

const START = '2025-06-15T10:30:00.000Z';
const KIOSK_CALL = { senderUrl: 'http://127.0.0.1:5999/', caller: { id: 'kiosk-front', kind: 'kiosk-device' as const } };

let server: TestCore;
let kiosk: TestCore;
let clock: ManualClock;
/** The version both ends also have published (the same form again), for the "other version" case. */
let nextVersion: number;

beforeAll(async () => {
  clock = new ManualClock(START);
  server = await openTestCore({ clock }, 'kiosk-bind-server-');
  const link = transportTo(() => server.core, 'kiosk-front', 'down');
  kiosk = await openTestCore({ clock, network: { config: NETWORK_CONFIG, transport: link.transport, random: () => 0.5 } }, 'kiosk-bind-kiosk-');
  await pairKioskIdentity(server.core, kiosk.core, 'Front desk kiosk');
  const published = await Promise.all([server, kiosk].map((c) => c.core.deps.forms.publish(DEFAULT_INTAKE_FORM, 'system')));
  const versions = published.map((p) => (p.ok ? p.form.version : 0));
  expect(new Set(versions).size).toBe(1);
  nextVersion = versions[0] ?? 0;
}, 90_000);

afterAll(async () => {
  await kiosk.close();
  await server.close();
});

const intake = (answers: Record<string, unknown> = HEALTHY_CLIENT_ANSWERS): IntakeRequest => ({
  submissionId: randomUUID(),
  formId: DEFAULT_INTAKE_FORM.id,
  formVersion: DEFAULT_INTAKE_FORM.version,
  language: 'en',
  answers: answers as IntakeRequest['answers'],
  startedAt: '2025-06-15T10:00:00.000Z',
});

interface Signed {
  readonly pdf: string;
  readonly signedAt: string;
}

/** What the kiosk's intake:submit signs for `req` (the same checks, the same PDF, its own certificate). */
async function kioskSigns(core: Core, req: IntakeRequest): Promise<Signed> {
  const now = clock.now();
  const prepared = await prepareIntake(core.deps, req, now, () => null);
  if (prepared.kind !== 'ready') throw new Error('the kiosk refused the intake');
  const summary = await signSummary(core.deps, req, prepared, now);
  return { pdf: Buffer.from(summary.pdf).toString('base64'), signedAt: summary.signedAt };
}

/** A kiosk of an earlier version: the same summary and certificate, no binding in the PDF. */
async function olderKioskSigns(core: Core, req: IntakeRequest): Promise<Signed> {
  const now = clock.now();
  const prepared = await prepareIntake(core.deps, req, now, () => null);
  if (prepared.kind !== 'ready') throw new Error('the kiosk refused the intake');
  const model = buildSummaryModel({ form: prepared.form, answers: prepared.answers, flags: prepared.flags, language: req.language, submissionId: req.submissionId, createdAt: now, clinicName: 'Clinic' });
  const pdf = await signPdf(await renderSummaryPdf(model), await core.deps.signingIdentity(), now);
  return { pdf: Buffer.from(pdf).toString('base64'), signedAt: now.toISOString() };
}

const forward = (req: IntakeRequest, signed: Signed) =>
  server.core.handlers['intake:forward']({ intake: req, pdf: signed.pdf, signedAt: signed.signedAt, kioskClockAt: signed.signedAt }, KIOSK_CALL);

const refusalsOf = async (id: string) =>
  (await server.core.deps.audit.list({ limit: 200 })).filter((e) => e.action === 'submission.refused' && e.subjectId === id).map((e) => e.details);

describe('the clinic server binds a forwarded PDF to its answers', () => {
  it('stores an honest intake: the PDF the kiosk signed for exactly these answers, carrying their binding', async () => {
    const honest = intake();
    const signed = await kioskSigns(kiosk.core, honest);
    expect(await readBinding(Buffer.from(signed.pdf, 'base64'))).toMatch(/^kiosk-intake-v1:sha256:[0-9a-f]{64}$/);
    const result = await forward(honest, signed);
    expect(result).toMatchObject({ ok: true, value: { submissionId: honest.submissionId, duplicate: false } });
    expect((await server.core.deps.submissions.get(honest.submissionId))?.clientName).toBe('Ana García');
    expect(await refusalsOf(honest.submissionId)).toEqual([]);
  });

  it.each([
    { label: 'a PDF signed for another name', other: (r: IntakeRequest) => ({ ...r, answers: { ...r.answers, first_name: 'Bea' } }) },
    { label: 'a PDF signed with another stop answer (fever: yes)', other: (r: IntakeRequest) => ({ ...r, answers: { ...r.answers, fever_infection: true } }) },
    { label: 'a PDF signed for another form version', other: (r: IntakeRequest) => ({ ...r, formVersion: nextVersion }) },
    { label: 'a PDF signed for another submission id', other: (r: IntakeRequest) => ({ ...r, submissionId: randomUUID() }) },
  ])('$label is refused, audited and nothing is stored; the honest PDF is then accepted', async ({ other }) => {
    const honest = intake();
    const foreign = await kioskSigns(kiosk.core, other(honest));
    const refused = await forward(honest, foreign);
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'invalid_request',
      message: 'The signed PDF was not accepted: The PDF was signed for other answers than the ones sent with it. Nothing was stored.',
      issues: [{ path: 'pdf' }],
    });
    expect(await server.core.deps.submissions.get(honest.submissionId)).toBeNull();
    expect(await refusalsOf(honest.submissionId)).toEqual([{ reason: 'pdf_mismatch' }]);

    const accepted = await forward(honest, await kioskSigns(kiosk.core, honest));
    expect(accepted).toMatchObject({ ok: true, value: { duplicate: false } });
  });

  it('refuses the honest PDF sent with another signing time (the visit time the server would store)', async () => {
    const honest = intake();
    const signed = await kioskSigns(kiosk.core, honest);
    const later = { ...signed, signedAt: new Date(Date.parse(signed.signedAt) + 60_000).toISOString() };
    const result = await forward(honest, later);
    expect(result.ok ? null : result.error.message).toMatch(/signed for other answers/);
    expect(await server.core.deps.submissions.get(honest.submissionId)).toBeNull();
  });

  it('refuses a signed PDF without a binding (an older kiosk) and says so', async () => {
    const honest = intake();
    const result = await forward(honest, await olderKioskSigns(kiosk.core, honest));
    expect(result.ok ? null : result.error.message).toMatch(/does not name the intake it was made from/);
    expect(await server.core.deps.submissions.get(honest.submissionId)).toBeNull();
    expect(await refusalsOf(honest.submissionId)).toEqual([{ reason: 'pdf_unbound' }]);
    expect(await server.core.deps.audit.verify()).toMatchObject({ ok: true });
  });
});
