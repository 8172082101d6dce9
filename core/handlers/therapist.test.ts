import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { createCore, type Core } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import type { PrintOutcome } from '../ports.ts';
import { ManualClock, tempDir } from '../tests/helpers.ts';
import { CORE_ENGINES } from '../tests/test-core.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing/postgres.ts';

const ORIGIN = 'http://127.0.0.1:5998';
const ctx = { senderUrl: `${ORIGIN}/index.html`, caller: { id: 'test-kiosk', kind: 'kiosk' } } as const;
const PIN = '246810';

describe.each(CORE_ENGINES)('on $engine', ({ engine, isAvailable }) => {
describe.skipIf(!isAvailable)(`the ${engine} store`, () => {
let core: Core;
let database: TestDatabase | null = null;
let cleanup: () => void;
let exportDir: string;
const clock = new ManualClock('2026-03-20T10:00:00.000Z');
let nextPrint: PrintOutcome = { kind: 'printed' };
const printed: string[] = [];

beforeAll(async () => {
  const tmp = tempDir('kiosk-therapist-');
  cleanup = tmp.cleanup;
  exportDir = join(tmp.dir, 'share');
  mkdirSync(exportDir);
  database = engine === 'postgres' ? await createTestDatabase() : null;
  core = await createCore({
    dataDir: tmp.dir,
    ...(database ? { database: { engine: 'postgres' as const, url: database.url } } : {}),
    keyProvider: createKeyFileProvider(join(tmp.dir, 'key.bin')),
    clock,
    printer: { print: async (_pdf, jobName) => (printed.push(jobName), nextPrint) },
    allowedOrigins: [ORIGIN],
  });
}, 60_000);

afterAll(async () => {
  await core.close();
  await database?.drop();
  cleanup();
});

async function submit(answers: Answers): Promise<string> {
  const submissionId = randomUUID();
  const result = await core.handlers['intake:submit']({ submissionId, formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers, startedAt: clock.now().toISOString() }, ctx);
  expect(result.ok).toBe(true);
  await core.deps.background.drain();
  return submissionId;
}

async function call<C extends keyof Core['handlers']>(channel: C, payload: unknown) {
  return core.handlers[channel](payload, ctx);
}

describe('therapist channels', () => {
  it('need a staff session: without one every channel answers unauthenticated', async () => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    for (const [channel, payload] of [
      ['submission:get', { submissionId: id }],
      ['submission:pdf', { submissionId: id }],
      ['submission:acknowledge', { submissionId: id, flagsRead: [] }],
      ['submission:print', { submissionId: id }],
      ['submission:export', { submissionId: id }],
      ['audit:list', {}],
      ['audit:verify', {}],
    ] as const) {
      const result = await call(channel, payload);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('unauthenticated');
    }
    expect((await core.deps.audit.list({ limit: 50 })).some((e) => e.action === 'submission.viewed')).toBe(false);
  });

  it('a therapist views, cannot acknowledge before ticking stop/clearance flags, then acknowledges; all audited', async () => {
    const admin = await call('staff:setup', { name: 'Olivia Owner', pin: PIN });
    expect(admin.ok).toBe(true);
    const staffId = admin.ok ? admin.value.staffId : '';
    const id = await submit({ ...HEALTHY_CLIENT_ANSWERS, fever_infection: true, cancer_treatment: true, osteoporosis: true });

    const detail = await call('submission:get', { submissionId: id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.clientName).toBe('Ana García');
    expect(detail.value.flags.filter((f) => f.mustTick).map((f) => f.code)).toEqual(['FEVER_INFECTION', 'CANCER_TREATMENT']);
    expect(detail.value.signature).toMatchObject({ valid: true, hashMatches: true, signatureVerifies: true });
    expect(detail.value.signature.signer).toMatch(/intake kiosk/);

    const refused = await call('submission:acknowledge', { submissionId: id, flagsRead: ['FEVER_INFECTION', 'OSTEOPOROSIS'] });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'invalid_request', message: /1 stop or clearance flag is not ticked/ });
    expect((await core.deps.submissions.get(id))?.status).toBe('new');

    const ticks = ['FEVER_INFECTION', 'CANCER_TREATMENT'];
    for (const [payload, message] of [
      [{ submissionId: id, flagsRead: ticks }, /Choose what happened with this client/],
      [{ submissionId: id, flagsRead: ticks, outcome: { code: 'other' } }, /short note/],
      [{ submissionId: id, flagsRead: ticks, outcome: { code: 'other', note: '  ' } }, /short note/],
      [{ submissionId: id, flagsRead: ticks, outcome: { code: 'treated_anyway' } }, /Choose what happened/],
      [{ submissionId: id, flagsRead: ticks, outcome: { code: 'rebooked', note: 'x'.repeat(201) } }, /under 200 characters/],
    ] as const) {
      const result = await call('submission:acknowledge', payload);
      expect(result.ok ? null : result.error, JSON.stringify(payload.outcome ?? null)).toMatchObject({ code: 'invalid_request', message });
    }
    expect((await core.deps.submissions.get(id))?.status).toBe('new');

    clock.advance(60_000);
    const outcome = { code: 'other', note: 'Sent to urgent care by taxi' } as const;
    const done = await call('submission:acknowledge', { submissionId: id, flagsRead: ticks, outcome });
    expect(done.ok ? done.value : done.error).toEqual({ status: 'acknowledged', at: clock.now().toISOString(), byStaffId: staffId, byName: 'Olivia Owner', outcome });
    const again = await call('submission:acknowledge', { submissionId: id, flagsRead: ticks, outcome: { code: 'rebooked' } });
    expect(again.ok ? null : again.error.code).toBe('conflict');
    const reopened = await call('submission:get', { submissionId: id });
    expect(reopened.ok ? reopened.value.acknowledgement.outcome : null).toEqual(outcome);
    const queue = await call('queue:list', {});
    expect(queue.ok ? queue.value.items.find((i) => i.submissionId === id)?.outcome : null).toBe('other');
    // The audit keeps the code, never the note; the database holds the note sealed only.
    const ackEntry = (await core.deps.audit.list({ limit: 20 })).find((e) => e.subjectId === id && e.action === 'submission.acknowledged');
    expect(ackEntry?.details).toEqual({ flags: 3, ticked: 2, outcome: 'other' });
    const raw = (await core.deps.store.one('SELECT outcome, note FROM acknowledgement_outcomes WHERE submission_id = ?', [id])) as { outcome: string; note: Uint8Array };
    expect(raw.outcome).toBe('other');
    expect(Buffer.from(raw.note).toString('latin1')).not.toContain('urgent care');

    const actions = (await core.deps.audit.list({ limit: 20 })).filter((e) => e.subjectId === id).map((e) => [e.action, e.actor]);
    expect(actions).toEqual([
      ['submission.viewed', staffId],
      ['submission.acknowledged', staffId],
      ['submission.viewed', staffId],
      ['submission.created', 'kiosk-client'],
    ]);
  });

  it('a regular: the detail counts every earlier visit and compares with the newest one', async () => {
    const regular = { ...HEALTHY_CLIENT_ANSWERS, first_name: 'Ruth', last_name: 'Abernathy' };
    for (const pain of [6, 6, 5, 5, 4, 4, 3]) {
      await submit({ ...regular, pain_level: pain });
      clock.advance(7 * 86_400_000);
    }
    const today = await submit({ ...regular, pain_level: 2 });
    // Seven weeks went by: the session from the test before timed out long ago.
    const owner = (await core.deps.staff.roster()).find((r) => r.name === 'Olivia Owner');
    expect((await call('staff:login', { staffId: owner?.staffId, pin: PIN })).ok).toBe(true);
    const detail = await call('submission:get', { submissionId: today });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.changes).toMatchObject({ earlierVisits: 7, pain: { before: 3, now: 2, trend: 'better' } });
    const viewed = (await core.deps.audit.list({ limit: 5 })).find((e) => e.subjectId === today && e.action === 'submission.viewed');
    expect(viewed?.details).toEqual({ earlierVisits: 7 });
  });

  it('queue:list filters by a period of instants (the local days the screen shows) and refuses a bad one', async () => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    const at = Date.parse(clock.now().toISOString());
    const iso = (ms: number) => new Date(ms).toISOString();
    const ids = async (payload: object) => {
      const result = await call('queue:list', payload);
      if (!result.ok) throw new Error(result.error.message);
      return result.value.items.map((i) => i.submissionId);
    };
    expect(await ids({ since: iso(at - 3_600_000), before: iso(at + 3_600_000) })).toContain(id);
    expect(await ids({ since: iso(at + 1), before: iso(at + 3_600_000) })).not.toContain(id);
    expect(await ids({ since: iso(at - 3_600_000), before: iso(at) })).not.toContain(id);
    for (const [payload, message] of [
      [{ since: iso(at + 1000), before: iso(at) }, /start of the period must be before its end/],
      [{ since: '2026-03-20' }, /since/],
      [{ from: '2026-03-20' }, /Unexpected field/],
    ] as const) {
      const result = await call('queue:list', payload);
      expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid_request', message });
    }
  });

  it('the PDF comes back with its signature status; an unknown id is not_found', async () => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    const pdf = await call('submission:pdf', { submissionId: id });
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(Buffer.from(pdf.value.pdfBase64, 'base64').equals(Buffer.from((await core.deps.submissions.get(id))!.pdf))).toBe(true);
    expect(pdf.value.signature.valid).toBe(true);
    const missing = await call('submission:get', { submissionId: randomUUID() });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('audit:list: admins read client names, therapists do not; filters by kind, who and period', async () => {
    const owner = (await core.deps.staff.roster()).find((r) => r.name === 'Olivia Owner');
    const admin = owner ? await call('staff:login', { staffId: owner.staffId, pin: PIN }) : await call('staff:setup', { name: 'Olivia Owner', pin: PIN });
    if (!admin.ok) throw new Error(admin.error.message);
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    expect((await call('submission:get', { submissionId: id })).ok).toBe(true);
    const list = async (payload: object) => {
      const r = await call('audit:list', payload);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.entries;
    };
    const viewed = (await list({ what: 'records' })).find((e) => e.subjectId === id && e.action === 'submission.viewed');
    expect(viewed).toMatchObject({ subjectKind: 'submission', subjectName: 'Ana García', actorName: 'Olivia Owner', actorRole: 'admin' });
    expect((await list({ what: 'records' })).every((e) => e.action.startsWith('submission.'))).toBe(true);
    expect((await list({ who: 'kiosk-client' })).every((e) => e.actor === 'kiosk-client')).toBe(true);
    const at = clock.now().getTime();
    expect(await list({ since: new Date(at + 60_000).toISOString() })).toEqual([]);
    expect((await list({ since: new Date(at - 60_000).toISOString(), before: new Date(at + 60_000).toISOString() })).some((e) => e.subjectId === id)).toBe(true);
    for (const [payload, message] of [
      [{ what: 'everything' }, /Choose one of the kinds/],
      [{ since: new Date(at).toISOString(), before: new Date(at - 1).toISOString() }, /start of the period must be before its end/],
    ] as const) {
      const r = await call('audit:list', payload);
      expect(r.ok ? null : r.error).toMatchObject({ code: 'invalid_request', message });
    }

    // A therapist reads the same entries without the client's name.
    const theo = await core.deps.staff.addStaff('Theo Therapist', 'therapist', '470215');
    expect((await call('staff:login', { staffId: theo.staffId, pin: '470215' })).ok).toBe(true);
    const seen = (await list({ what: 'records' })).find((e) => e.subjectId === id && e.action === 'submission.viewed');
    expect(seen).toMatchObject({ subjectKind: 'submission', subjectName: null });
  });

  it('opening a detail (the detail, then its PDF) logs one "viewed" entry; a PDF on its own or a later opening logs its own', async () => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    const views = async () => (await core.deps.audit.list({ limit: 50 })).filter((e) => e.subjectId === id && e.action === 'submission.viewed').map((e) => e.details);
    const signIn = async () => {
      const owner = (await core.deps.staff.roster()).find((r) => r.name === 'Olivia Owner');
      const result = owner ? await call('staff:login', { staffId: owner.staffId, pin: PIN }) : await call('staff:setup', { name: 'Olivia Owner', pin: PIN });
      expect(result.ok).toBe(true);
    };
    await signIn();
    // A PDF asked for without the detail is audited.
    expect((await call('submission:pdf', { submissionId: id })).ok).toBe(true);
    expect(await views()).toEqual([{ part: 'pdf' }]);
    // The detail screen: the detail, then the PDF: one more entry, not two.
    expect((await call('submission:get', { submissionId: id })).ok).toBe(true);
    expect((await call('submission:pdf', { submissionId: id })).ok).toBe(true);
    expect(await views()).toHaveLength(2);
    expect((await views())[0]).toHaveProperty('earlierVisits');
    // Opened again much later: a new opening, a new entry (its PDF again folded in).
    clock.advance(11 * 60_000);
    await signIn();
    expect((await call('submission:get', { submissionId: id })).ok).toBe(true);
    expect((await call('submission:pdf', { submissionId: id })).ok).toBe(true);
    expect(await views()).toHaveLength(3);
  });

  it.each([
    ['printer prints', { kind: 'printed' } as PrintOutcome, 'printed', 'printer'],
    ['Chromium mode hands back the PDF', { kind: 'pdf', pdfBase64: 'JVBERi0=' } as PrintOutcome, 'pdf', 'pdf'],
  ] as const)('print: %s -> audited', async (_label, outcome, kind, mode) => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    nextPrint = outcome;
    const result = await call('submission:print', { submissionId: id });
    expect(result.ok ? result.value.kind : result.error.code).toBe(kind);
    expect(printed.at(-1)).toBe(`Intake summary ${id.slice(0, 8)}`);
    expect((await core.deps.audit.list({ limit: 5 })).find((e) => e.subjectId === id && e.action === 'submission.printed')?.details).toEqual({ mode });
  });

  it('print failure -> unavailable with the printer message, not audited as printed', async () => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    nextPrint = { kind: 'failed', message: 'The printer is out of paper.' };
    const result = await call('submission:print', { submissionId: id });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'unavailable', message: 'The summary was not printed: The printer is out of paper.' });
    expect((await core.deps.audit.list({ limit: 5 })).some((e) => e.subjectId === id && e.action === 'submission.printed')).toBe(false);
  });

  it('export again: no folder -> unavailable; with a folder -> a second file, audited as manual', async () => {
    const id = await submit(HEALTHY_CLIENT_ANSWERS);
    const noFolder = await call('submission:export', { submissionId: id });
    expect(noFolder.ok ? null : noFolder.error).toMatchObject({ code: 'unavailable', message: /No export folder/ });
    await core.deps.settings.update({ exportFolder: exportDir }, 'test');
    const before = readdirSync(exportDir).length;
    const result = await call('submission:export', { submissionId: id });
    expect(result.ok ? result.value.fileName : result.error.message).toMatch(/^\d{4}-\d{2}-\d{2}_\d{4}_AG(-\d+)?\.pdf$/);
    expect(readdirSync(exportDir).length).toBe(before + 1);
    expect((await core.deps.audit.list({ limit: 3 })).find((e) => e.subjectId === id)?.details).toEqual({ manual: true });
  });

  it('audit list pages newest first with staff names; verify checks the chain and is itself audited', async () => {
    const first = await call('audit:list', { limit: 3 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.entries).toHaveLength(3);
    const ids = first.value.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const next = await call('audit:list', { limit: 3, beforeId: first.value.nextBeforeId });
    expect(next.ok && next.value.entries[0]!.id).toBe(ids[2]! - 1);
    const all = await call('audit:list', { limit: 500 });
    expect(all.ok && all.value.entries.find((e) => e.action === 'staff.login')?.actorName).toBe('Olivia Owner');

    const verified = await call('audit:verify', {});
    expect(verified.ok && verified.value.ok).toBe(true);
    expect((await core.deps.audit.list({ limit: 1 }))[0]?.action).toBe('audit.verified');
  });
});
});
});
