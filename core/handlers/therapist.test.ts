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

    clock.advance(60_000);
    const done = await call('submission:acknowledge', { submissionId: id, flagsRead: ['FEVER_INFECTION', 'CANCER_TREATMENT'] });
    expect(done.ok ? done.value : done.error).toEqual({ status: 'acknowledged', at: clock.now().toISOString(), byStaffId: staffId, byName: 'Olivia Owner' });
    const again = await call('submission:acknowledge', { submissionId: id, flagsRead: ['FEVER_INFECTION', 'CANCER_TREATMENT'] });
    expect(again.ok ? null : again.error.code).toBe('conflict');

    const actions = (await core.deps.audit.list({ limit: 20 })).filter((e) => e.subjectId === id).map((e) => [e.action, e.actor]);
    expect(actions).toEqual([
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
