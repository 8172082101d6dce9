import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { inEveryLanguage } from '../../forms/definitions/test-texts.ts';
import type { Channel, Request } from '../../api/contract.ts';
import type { Result } from '../../api/result.ts';
import type { Core } from '../create-core.ts';
import { ManualClock } from '../tests/helpers.ts';
import { openTestCore, TEST_CTX, type TestCore } from '../tests/test-core.ts';

const ctx = TEST_CTX;
/** The version the built-in form ships as (a fresh core's live version); a publish makes the next one. */
const V = DEFAULT_INTAKE_FORM.version;

let core: Core;
let dir: string;
let opened: TestCore;

async function call<C extends Channel>(channel: C, payload: Request<C>) {
  return (await core.handlers[channel](payload, ctx)) as Result<Awaited<ReturnType<Core['handlers'][C]>> extends Result<infer T> ? T : never>;
}
async function value<C extends Channel>(channel: C, payload: Request<C>) {
  const r = await call(channel, payload);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/**
 * A folder this process may not create files in. A 0500 folder refuses anyone but root, and
 * CI runs as root, who may write anywhere on an ordinary file system; sysfs refuses every new
 * file, root's too (EACCES, or EROFS where it is mounted read-only, as in containers).
 */
function unwritableFolder(): string {
  if (process.getuid?.() === 0 && process.platform === 'linux') return '/sys';
  const folder = join(dir, 'readonly');
  mkdirSync(folder);
  chmodSync(folder, 0o500);
  return folder;
}

/** The default form with one question more on the health step, its texts in every language of the form. */
function draftWithQuestion(id = 'headache_today'): Record<string, unknown> {
  const copy = structuredClone(DEFAULT_INTAKE_FORM) as unknown as { steps: { id: string; questions: unknown[] }[]; rules: unknown[] };
  const health = copy.steps.find((s) => s.id === 'health');
  health?.questions.push({ id, type: 'yes_no', required: false, label: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'Headache today?', es: '¿Dolor de cabeza hoy?' }) });
  copy.rules.push({
    code: 'HEADACHE',
    severity: 'modify',
    when: `${id} == yes`,
    title: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'Headache today', es: 'Dolor de cabeza hoy' }),
    guidance: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'Avoid pressure on the neck.', es: 'Evitar presión en el cuello.' }),
  });
  return copy as unknown as Record<string, unknown>;
}

beforeEach(async () => {
  opened = await openTestCore({ clock: new ManualClock('2025-06-15T10:30:00.000Z') }, 'kiosk-admin-');
  ({ core, dir } = opened);
});

afterEach(() => opened.close());

// Every channel against every kind of caller is covered by access.test.ts; here, what a refusal leaves behind.
describe('admin channels need an admin', () => {
  it('a therapist is refused (forbidden), and nothing is written', async () => {
    await value('staff:setup', { name: 'Olivia Owner', pin: '135792' });
    const therapist = await value('admin:addStaff', { name: 'Theo Therapist', role: 'therapist', pin: '246813' });
    await value('staff:lock', {});
    await value('staff:login', { staffId: therapist.staffId, pin: '246813' });
    const before = await core.deps.audit.count();
    const r = await call('admin:publishForm', { definition: draftWithQuestion() });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    expect((await core.deps.forms.active()).version).toBe(V);
    expect(await core.deps.audit.count()).toBe(before);
  });
});

describe('form drafts and versions', () => {
  beforeEach(async () => {
    await value('staff:setup', { name: 'Olivia Owner', pin: '135792' });
  });

  it('a fresh draft is a copy of the live version and is valid', async () => {
    const draft = await value('admin:getFormDraft', {});
    expect(draft.basedOn).toEqual({ formId: 'massage-intake', version: V });
    expect(draft.errors).toEqual([]);
    expect(draft.updatedAt).toBeNull();
  });

  it('saving an invalid draft keeps it and returns every error with its question', async () => {
    const draft = draftWithQuestion();
    (draft.rules as { when: string }[]).at(-1)!.when = 'headache_todya == yes';
    const saved = await value('admin:saveFormDraft', { definition: draft });
    expect(saved.errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^rules\[\d+\]\.when$/), message: expect.stringContaining('headache_todya') })]);
    expect((await value('admin:getFormDraft', {})).definition).toEqual(draft);
    expect((await core.deps.forms.active()).version).toBe(V);
  });

  it('publish makes the next version live, audits before/after, and keeps the shipped one', async () => {
    const outcome = await value('admin:publishForm', { definition: draftWithQuestion() });
    expect(outcome).toEqual({ status: 'published', formId: 'massage-intake', version: V + 1 });
    expect((await core.deps.forms.active()).rules.some((r) => r.code === 'HEADACHE')).toBe(true);
    expect((await core.deps.forms.get('massage-intake', V))?.rules.some((r) => r.code === 'HEADACHE')).toBe(false);
    const [entry] = await core.deps.audit.list({ limit: 1 });
    expect(entry).toMatchObject({ action: 'form.published', details: { before_version: V, after_version: V + 1 } });
    expect(Number(entry?.details.after_questions)).toBe(Number(entry?.details.before_questions) + 1);
    const { versions } = await value('admin:listFormVersions', {});
    expect(versions.map((v) => [v.version, v.isLive, v.publishedBy])).toEqual([
      [V + 1, true, 'Olivia Owner'],
      [V, false, 'built-in'],
    ]);
  });

  it('publishing an invalid definition returns its errors and changes nothing', async () => {
    const draft = draftWithQuestion();
    const health = (draft.steps as { id: string; questions: { label: Record<string, string> }[] }[]).find((s) => s.id === 'health')!;
    health.questions.at(-1)!.label = { en: 'Headache today?' };
    const before = await core.deps.audit.count();
    const outcome = await value('admin:publishForm', { definition: draft });
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.errors[0]).toMatchObject({ questionId: 'headache_today', message: expect.stringContaining('Missing Spanish translation') });
    expect((await core.deps.forms.active()).version).toBe(V);
    expect(await core.deps.audit.count()).toBe(before);
  });

  it('restore copies an earlier version into the draft; the live version is untouched', async () => {
    await value('admin:publishForm', { definition: draftWithQuestion() });
    const draft = await value('admin:restoreFormVersion', { formId: 'massage-intake', version: V });
    expect(draft.basedOn).toEqual({ formId: 'massage-intake', version: V });
    expect(draft.definition.rules.some((r) => r.code === 'HEADACHE')).toBe(false);
    expect((await core.deps.forms.active()).version).toBe(V + 1);
    const missing = await call('admin:restoreFormVersion', { formId: 'massage-intake', version: 9 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  it('export gives the exact version as JSON that imports back cleanly', async () => {
    const file = await value('admin:exportFormVersion', { formId: 'massage-intake', version: V });
    expect(file.fileName).toBe(`massage-intake-v${V}.json`);
    const imported = await value('admin:importForm', { json: file.json });
    expect(imported.status).toBe('imported');
  });

  it.each([
    ['a JSON syntax error -> its line and column', '{\n  "id": "massage-intake",\n  "version": 1,\n  oops\n}', { line: 4, column: 3, message: expect.stringContaining('Not valid JSON') }],
    [
      'an unknown question in a rule -> its line, the column of the word, and the path',
      JSON.stringify({ ...draftWithQuestion(), rules: [{ code: 'X', severity: 'info', when: 'pregnantt == yes', title: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'a' }), guidance: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'b' }) }] }, null, 2),
      { path: 'rules[0].when', message: expect.stringContaining('Unknown question id "pregnantt"'), line: expect.any(Number), column: expect.any(Number) },
    ],
  ])('import of a broken file: %s, and nothing changes', async (_label, json, expected) => {
    const before = await value('admin:getFormDraft', {});
    const auditBefore = await core.deps.audit.count();
    const outcome = await value('admin:importForm', { json });
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.errors[0]).toMatchObject(expected);
    expect(await value('admin:getFormDraft', {})).toEqual(before);
    expect(await core.deps.audit.count()).toBe(auditBefore);
  });
});

describe('expression checks as you type', () => {
  beforeEach(async () => {
    await value('staff:setup', { name: 'Olivia Owner', pin: '135792' });
  });
  const healthStep = () => DEFAULT_INTAKE_FORM.steps.findIndex((s) => s.id === 'health');

  it.each([
    ['a valid rule', { kind: 'rule' as const, ruleIndex: 0 }, 'pregnant == yes and pregnancy_weeks >= 12', []],
    ['an unknown question points at its column', { kind: 'rule' as const, ruleIndex: 0 }, 'osteoporosis == yes or pregnantt == yes', [{ column: 24 }]],
    ['a dangling operator', { kind: 'rule' as const, ruleIndex: 0 }, 'osteoporosis ==', [{ column: expect.any(Number) }]],
    ['an empty condition', { kind: 'rule' as const, ruleIndex: 0 }, '  ', [{ message: 'A condition cannot be empty.' }]],
  ])('%s', async (_label, target, expression, expected) => {
    const r = await value('admin:checkExpression', { definition: draftWithQuestion(), target, expression });
    expect(r.issues).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('a question condition that reads a later step names the question', async () => {
    const r = await value('admin:checkExpression', {
      definition: draftWithQuestion(),
      target: { kind: 'question', stepIndex: 0, questionIndex: 0 },
      expression: 'osteoporosis == yes',
    });
    expect(r.issues).toEqual([expect.objectContaining({ questionId: DEFAULT_INTAKE_FORM.steps[0]?.questions[0]?.id, message: expect.stringContaining('later step') })]);
  });

  it('still checks while another part of the draft is broken', async () => {
    const draft = draftWithQuestion();
    (draft.steps as { questions: { id: string }[] }[])[0]!.questions[0]!.id = 'Half typed';
    const r = await value('admin:checkExpression', { definition: draft, target: { kind: 'question', stepIndex: healthStep(), questionIndex: 0 }, expression: 'headache_today' });
    expect(r.issues).toEqual([]);
  });
});

describe('settings', () => {
  beforeEach(async () => {
    await value('staff:setup', { name: 'Olivia Owner', pin: '135792' });
  });

  it('saves in seconds/minutes and audits the before/after of changed fields only', async () => {
    const after = await value('admin:updateSettings', { clinicName: 'Harbour Clinic', idleWarningSeconds: 60, autoLogoffMinutes: 3 });
    expect(after).toMatchObject({ clinicName: 'Harbour Clinic', idleWarningSeconds: 60, autoLogoffMinutes: 3 });
    expect(core.deps.settings.get()).toMatchObject({ idleWarningMs: 60_000, autoLogoffMs: 180_000 });
    const [entry] = await core.deps.audit.list({ limit: 1 });
    expect(entry).toMatchObject({
      action: 'settings.changed',
      details: { changed: 'clinicName,idleWarningSeconds,autoLogoffMinutes', clinicName_after: 'Harbour Clinic', idleWarningSeconds_before: 90, idleWarningSeconds_after: 60 },
    });
  });

  it.each([
    ['a default language outside the list', { languages: ['en'], defaultLanguage: 'es' }, 'defaultLanguage'],
    ['a retention period under 30 days', { retentionDays: 7 }, 'retentionDays'],
    ['an idle warning under 10 s', { idleWarningSeconds: 3 }, 'idleWarningSeconds'],
    ['an age of consent under 14', { ageOfConsent: 13 }, 'ageOfConsent'],
    ['an age of consent over 21', { ageOfConsent: 22 }, 'ageOfConsent'],
    ['a relative export folder', { exportFolder: 'exports' }, 'exportFolder'],
    ['an export folder that does not exist', { exportFolder: '/nonexistent/kiosk/share' }, 'exportFolder'],
    ['a logo that is not PNG/JPEG', { logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'logoDataUrl'],
  ])('refuses %s, naming the field, and stores nothing', async (_label, patch, field) => {
    const before = await value('admin:getSettings', {});
    const r = await call('admin:updateSettings', patch);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.issues?.map((i) => i.path)).toContain(field);
    expect(await value('admin:getSettings', {})).toEqual(before);
  });

  it('the age of consent defaults to 18, is saved in years and reaches the kiosk config the client flow uses', async () => {
    expect((await value('admin:getSettings', {})).ageOfConsent).toBe(18);
    expect((await value('admin:updateSettings', { ageOfConsent: 16 })).ageOfConsent).toBe(16);
    expect(core.deps.settings.get().ageOfConsent).toBe(16);
    expect((await value('kiosk:getConfig', {})).formSettings).toEqual({ ageOfConsent: 16 });
  });

  it('an export folder is accepted once the kiosk could write there, and no probe file is left', async () => {
    const share = join(dir, 'share');
    mkdirSync(share);
    const after = await value('admin:updateSettings', { exportFolder: share });
    expect(after.exportFolder).toBe(share);
    expect(readdirSync(share)).toEqual([]);
  });

  it('a folder the kiosk may not write to is refused, and nothing is stored', async () => {
    const before = await value('admin:getSettings', {});
    const r = await call('admin:updateSettings', { exportFolder: unwritableFolder() });
    expect(!r.ok && r.error.message).toMatch(/not allowed to write/);
    expect(await value('admin:getSettings', {})).toEqual(before);
  });

  it('a logo is kept and can be removed', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect((await value('admin:updateSettings', { logoDataUrl: png })).logoDataUrl).toBe(png);
    expect((await value('admin:updateSettings', { logoDataUrl: null })).logoDataUrl).toBeNull();
  });
});

describe('staff and certificate', () => {
  beforeEach(async () => {
    await value('staff:setup', { name: 'Olivia Owner', pin: '135792' });
  });

  it('adds, disables and resets PINs without ever returning a PIN or hash', async () => {
    const added = await value('admin:addStaff', { name: 'Theo Therapist', role: 'therapist', pin: '246813' });
    const disabled = await value('admin:setStaffActive', { staffId: added.staffId, active: false });
    expect(disabled.active).toBe(false);
    await value('admin:resetStaffPin', { staffId: added.staffId, pin: '999888' });
    const { staff } = await value('admin:listStaff', {});
    expect(staff.map((s) => [s.name, s.active])).toEqual([
      ['Olivia Owner', true],
      ['Theo Therapist', false],
    ]);
    const text = JSON.stringify(staff) + JSON.stringify((await core.deps.audit.list({ limit: 50 })));
    expect(text).not.toMatch(/246813|999888|scrypt|pin_hash/);
  });

  it.each([
    ['Korean', 'ko', 'ko'],
    ['back to the clinic default', null, null],
  ] as const)('sets a staff member\'s screen language (%s), audited; they get it at their next sign-in', async (_label, language, expected) => {
    const added = await value('admin:addStaff', { name: 'Theo Therapist', role: 'therapist', pin: '246813' });
    if (language === null) await value('admin:setStaffLanguage', { staffId: added.staffId, language: 'ru' });
    const after = await value('admin:setStaffLanguage', { staffId: added.staffId, language });
    expect(after.language).toBe(expected);
    expect((await core.deps.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'staff.changed', subjectId: added.staffId, details: { op: 'language', after_language: expected ?? 'clinic default' } });
    const login = await core.deps.staff.login(added.staffId, '246813', 'tablet');
    expect(login.ok && login.session.language).toBe(expected ?? core.deps.settings.get().defaultLanguage);
  });

  it.each([
    ['a language the staff screens do not have', { language: 'de' }],
    ['not a language', { language: 'korean' }],
  ])('refuses %s with a message naming the choices', async (_label, payload) => {
    const added = await value('admin:addStaff', { name: 'Theo Therapist', role: 'therapist', pin: '246813' });
    const r = await call('admin:setStaffLanguage', { staffId: added.staffId, ...payload } as unknown as Request<'admin:setStaffLanguage'>);
    expect(r.ok ? 'ok' : [r.error.code, /en, es, fr, zh, vi, ko, ar, ru/.test(JSON.stringify(r.error))]).toEqual(['invalid_request', true]);
  });

  it('the last active admin cannot be disabled', async () => {
    const { staff } = await value('admin:listStaff', {});
    const r = await call('admin:setStaffActive', { staffId: staff[0]!.staffId, active: false });
    expect(r.ok ? 'ok' : r.error.code).toBe('conflict');
  });

  it('regenerating changes the fingerprint and is audited; a wrong .p12 passphrase is refused', async () => {
    const before = await value('admin:getCertificate', {});
    expect(before.subject).toContain('CN=');
    const after = await value('admin:regenerateCertificate', {});
    expect(after.fingerprintSha256).not.toBe(before.fingerprintSha256);
    expect((await value('admin:getCertificate', {})).fingerprintSha256).toBe(after.fingerprintSha256);
    // The next PDF is signed with the new certificate, without a restart.
    expect((await core.deps.signingIdentity()).fingerprintSha256).toBe(after.fingerprintSha256);
    expect((await core.deps.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'certificate.changed', details: { area: 'signing_certificate', op: 'regenerated' } });
    const p12 = Buffer.from((await core.deps.secrets.get('signing.p12'))!).toString('base64');
    const wrong = await call('admin:importCertificate', { p12Base64: p12, passphrase: 'not it' });
    expect(!wrong.ok && wrong.error.message).toMatch(/passphrase is wrong/);
  });
});
