/**
 * A kiosk in network mode and the clinic server, both real cores, joined by a transport that
 * calls the server's handler table (core/network/testing/network-pair.ts). What a user would
 * notice: the client always gets Done; every intake reaches the server once, in order, with the
 * server's own flags; nothing is dropped when the server refuses; late and skewed arrivals are
 * marked in the server's queue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { join } from 'node:path';
import { createCore, type Core } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { rotateDataKey } from '../crypto/rotation.ts';
import { allSealedColumns } from '../crypto/sealed-columns.ts';
import { rowCount } from '../tests/helpers.ts';
import { ManualClock } from '../tests/helpers.ts';
import { callContext, openTestCore, TEST_CTX, TEST_ORIGIN, type TestCore } from '../tests/test-core.ts';
import { NetworkConfigError } from './config.ts';
import { installIdentity, mintClinicCa, pairKioskIdentity } from './testing/clinic-pki.ts';
import { NETWORK_CONFIG, transportTo, type SwitchableTransport } from './testing/network-pair.ts';

const START = '2025-06-15T10:30:00.000Z';
const STAFF = { name: 'Sam Server', pin: '864213' };
const STAFF_CALLER = 'server-tablet';

const intake = (answers: Record<string, unknown> = HEALTHY_CLIENT_ANSWERS) => ({
  submissionId: randomUUID(),
  formId: 'massage-intake',
  formVersion: DEFAULT_INTAKE_FORM.version,
  language: 'en',
  answers,
  startedAt: '2025-06-15T10:00:00.000Z',
});

let kioskClock: ManualClock;
let serverClock: ManualClock;
let server: TestCore;
let kiosk: TestCore;
let link: SwitchableTransport;

beforeEach(async () => {
  kioskClock = new ManualClock(START);
  serverClock = new ManualClock(START);
  server = await openTestCore({ clock: serverClock }, 'kiosk-net-server-');
  link = transportTo(() => server.core, 'kiosk-front', 'down');
  kiosk = await openTestCore({ onError: (c, code, e) => { if (code === 'internal') console.error(c, e); }, clock: kioskClock, network: { config: NETWORK_CONFIG, transport: link.transport, random: () => 0.5 } }, 'kiosk-net-kiosk-');
  // Paired: the server's clinic CA issued the kiosk's signing certificate.
  await pairKioskIdentity(server.core, kiosk.core, 'Front desk kiosk');
}, 60_000);

afterEach(async () => {
  await kiosk.close();
  await server.close();
});

const submit = async (core: Core, payload: ReturnType<typeof intake>) => {
  const result = await core.handlers['intake:submit'](payload, TEST_CTX);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

async function signInOnServer(): Promise<void> {
  const setup = await server.core.handlers['staff:setup'](STAFF, callContext(STAFF_CALLER));
  expect(setup.ok).toBe(true);
}

const outboxStatus = async (core: Core) => {
  const setup = await core.handlers['staff:setup'](STAFF, callContext('kiosk-staff'));
  if (!setup.ok) await core.deps.staff.login(((await core.deps.staff.roster())[0] as { staffId: string }).staffId, STAFF.pin, 'kiosk-staff');
  const result = await core.handlers['kiosk:outboxStatus']({}, callContext('kiosk-staff'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const network = () => {
  const n = kiosk.core.deps.network;
  if (!n) throw new Error('the kiosk is not in network mode');
  return n;
};

describe('a kiosk in network mode while the clinic server is down', () => {
  it('signs and queues each intake, answers Done with the engine’s flags, and stores nothing in the kiosk’s submission store', async () => {
    const healthy = intake();
    const stop = intake({ ...HEALTHY_CLIENT_ANSWERS, fever_infection: true });
    expect(await submit(kiosk.core, healthy)).toEqual({ submissionId: healthy.submissionId, duplicate: false, needsFrontDesk: false, clientMessages: [] });
    const stopReceipt = await submit(kiosk.core, stop);
    expect(stopReceipt.needsFrontDesk).toBe(true);
    expect(stopReceipt.clientMessages.length).toBeGreaterThan(0);

    expect(await rowCount(kiosk.core.deps.store, 'submissions')).toBe(0);
    const queued = await network().outbox.all();
    expect(queued.map((e) => e.submissionId)).toEqual([healthy.submissionId, stop.submissionId]);
    const opened = queued[0]!.open();
    expect(opened.request.answers).toEqual(HEALTHY_CLIENT_ANSWERS);
    expect(Buffer.from(opened.pdf, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Sealed at rest: the client's name is nowhere in the outbox row in clear.
    const raw = (await kiosk.core.deps.store.all('SELECT payload FROM kiosk_outbox')) as { payload: Uint8Array }[];
    expect(raw.every((r) => !Buffer.from(r.payload).toString('latin1').includes('García'))).toBe(true);

    await network().forwarder.drain();
    const status = await outboxStatus(kiosk.core);
    expect(status).toMatchObject({ networkMode: true, waiting: 2, refused: 0, oldestAt: START });
    expect(status.lastError).toMatchObject({ kind: 'unreachable' });
    expect(status.lastError?.message).toMatch(/could not be reached \(connect ECONNREFUSED/);
  });

  it('answers a retry of a queued id as a duplicate and a changed retry as a conflict, queueing it once', async () => {
    const payload = intake();
    await submit(kiosk.core, payload);
    expect(await submit(kiosk.core, payload)).toMatchObject({ duplicate: true, needsFrontDesk: false });
    const changed = await kiosk.core.handlers['intake:submit']({ ...payload, answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: 'Bea' } }, TEST_CTX);
    expect(changed.ok ? null : changed.error.code).toBe('conflict');
    expect((await network().outbox.all()).length).toBe(1);
  });

  it('a data-key rotation re-seals the queued intakes: they still open and still forward', async () => {
    const payload = intake();
    await submit(kiosk.core, payload);
    const before = kiosk.core.deps.vault.keyId;
    await rotateDataKey(kiosk.core.deps.store, kiosk.core.deps.vault, createKeyFileProvider(join(kiosk.dir, 'key.bin')), allSealedColumns);
    expect(kiosk.core.deps.vault.keyId).not.toBe(before);
    expect((await network().outbox.all())[0]?.open().request.answers).toEqual(HEALTHY_CLIENT_ANSWERS);
    link.state = 'up';
    await network().forwarder.drain();
    expect(link.stored).toEqual([payload.submissionId]);
  });

  it('a hung server counts as unreachable after the timeout and the intake stays first in line', async () => {
    link.state = 'hang';
    const payload = intake();
    await submit(kiosk.core, payload);
    const report = await network().forwarder.drain();
    expect(report.unreachable).toMatch(/no answer within 1 s/);
    expect((await network().outbox.all()).map((e) => e.submissionId)).toEqual([payload.submissionId]);
  });
});

describe('when the server comes back', () => {
  it('forwards every queued intake once, oldest first, with the server’s own flags and the kiosk’s visit time; the outbox empties', async () => {
    const payloads = [intake(), intake({ ...HEALTHY_CLIENT_ANSWERS, fever_infection: true }), intake()];
    for (const p of payloads) {
      await submit(kiosk.core, p);
      kioskClock.advance(30_000);
    }
    link.state = 'up';
    const report = await network().forwarder.drain();
    expect(report).toMatchObject({ sent: 3, duplicates: 0, refused: 0, unreachable: null });
    expect(link.stored).toEqual(payloads.map((p) => p.submissionId));
    expect(await network().outbox.all()).toEqual([]);
    expect(await outboxStatus(kiosk.core)).toMatchObject({ waiting: 0, oldestAt: null, lastError: null });

    const stored = (await server.core.deps.submissions.get(payloads[1]!.submissionId))!;
    expect(stored.flags.some((f) => f.severity === 'stop')).toBe(true);
    expect(stored.createdAt).toBe(new Date(Date.parse(START) + 30_000).toISOString());
    expect(stored.clientName).toBe('Ana García');
    // The age of consent the server checked it with is kept with it, for the detail (therapist/visit-settings.ts).
    expect(stored.formSettings).toEqual({ ageOfConsent: server.core.deps.settings.get().ageOfConsent });
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(3);
    expect(await server.core.deps.audit.verify()).toMatchObject({ ok: true });
    const kioskActions = (await kiosk.core.deps.audit.list({ limit: 20 })).map((e) => e.action);
    expect(kioskActions.filter((a) => a === 'submission.queued')).toHaveLength(3);
    expect(kioskActions.filter((a) => a === 'submission.forwarded')).toHaveLength(3);
  });

  it('an answer lost after the server committed is resent on the next start and stored once', async () => {
    const payload = intake();
    await submit(kiosk.core, payload);
    link.state = 'ack-lost';
    const lost = await network().forwarder.drain();
    expect(lost.unreachable).toMatch(/socket hang up/);
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(1);
    expect((await network().outbox.all()).length).toBe(1);

    // The kiosk restarts (same data folder) and forwards what its outbox holds.
    await kiosk.core.close();
    link.state = 'up';
    const restarted = await createCore({
      dataDir: kiosk.dir,
      keyProvider: createKeyFileProvider(join(kiosk.dir, 'key.bin')),
      allowedOrigins: [TEST_ORIGIN],
      clock: kioskClock,
      network: { config: NETWORK_CONFIG, transport: link.transport },
    });
    kiosk = { ...kiosk, core: restarted, close: async () => restarted.close() };
    await restarted.deps.network!.forwarder.drain();
    // Sent at least twice (the lost answer, a retry while answers were still lost, the resend), stored once.
    expect(link.calls).toBeGreaterThanOrEqual(2);
    expect((await restarted.deps.audit.list({ limit: 50 })).find((e) => e.action === 'submission.forwarded')?.details).toEqual({ duplicate: true });
    expect(await restarted.deps.network!.outbox.all()).toEqual([]);
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(1);
    expect(link.stored).toEqual([payload.submissionId]);
    expect((await server.core.deps.audit.list({ limit: 50 })).filter((e) => e.action === 'submission.created')).toHaveLength(1);
  });
});

describe('the server checks what a kiosk forwards', () => {
  async function tamperPdf(id: string, change: (pdf: Buffer) => void): Promise<void> {
    const entry = (await network().outbox.all()).find((e) => e.submissionId === id)!;
    const opened = entry.open();
    const pdf = Buffer.from(opened.pdf, 'base64');
    change(pdf);
    const sealed = (await kiosk.core.deps.vault.sealerIn(kiosk.core.deps.store)).seal(JSON.stringify({ ...opened, pdf: pdf.toString('base64') }), `kiosk_outbox:${id}:payload`);
    await kiosk.core.deps.store.exec('UPDATE kiosk_outbox SET payload = ? WHERE submission_id = ?', [sealed, id]);
  }

  it('refuses a PDF changed after signing, keeps it in the outbox with the reason, and forwards the ones behind it', async () => {
    const forged = intake();
    const good = intake();
    await submit(kiosk.core, forged);
    await submit(kiosk.core, good);
    // One byte inside the signed range (the first page's content), outside the signature itself.
    await tamperPdf(forged.submissionId, (pdf) => {
      const at = pdf.indexOf('stream') + 20;
      pdf[at] = (pdf[at] ?? 0) ^ 0x01;
    });
    link.state = 'up';
    // (The pass a new intake starts may already have run; either way each intake was offered once.)
    await network().forwarder.drain();
    expect(link.stored).toEqual([good.submissionId]);
    expect(await server.core.deps.submissions.get(forged.submissionId)).toBeNull();
    const status = await outboxStatus(kiosk.core);
    expect(status).toMatchObject({ waiting: 1, refused: 1 });
    expect(status.lastError?.kind).toBe('refused');
    expect(status.lastError?.message).toMatch(/refused this intake: The signed PDF was not accepted: The document was changed after it was signed\./);
    // Not offered again until its retry time: a second pass leaves it alone.
    expect(await network().forwarder.drain()).toMatchObject({ sent: 0, refused: 0 });
  });

  it('refuses a PDF signed by a certificate another CA issued', async () => {
    await installIdentity(kiosk.core, mintClinicCa('Other Clinic', kioskClock.now()).issue('Other Clinic kiosk'), kioskClock.now());
    const payload = intake();
    await submit(kiosk.core, payload);
    link.state = 'up';
    await network().forwarder.drain();
    const status = await outboxStatus(kiosk.core);
    expect(status).toMatchObject({ waiting: 1, refused: 1 });
    expect(status.lastError?.message).toMatch(/not signed by a kiosk of this clinic/);
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(0);
  });

  it('re-validates the answers itself: a kiosk cannot forward answers the engine refuses', async () => {
    const payload = intake();
    await submit(kiosk.core, payload);
    const queued = (await network().outbox.all())[0]!.open();
    const result = await server.core.handlers['intake:forward'](
      { intake: { ...queued.request, answers: { ...HEALTHY_CLIENT_ANSWERS, consent: false } }, pdf: queued.pdf, signedAt: queued.signedAt, kioskClockAt: START },
      { senderUrl: 'http://127.0.0.1:5999/', caller: { id: 'kiosk-front', kind: 'kiosk-device' } },
    );
    expect(result.ok ? null : result.error.code).toBe('invalid_request');
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(0);
  });

  it('marks an intake that waited on the kiosk as late and notes the kiosk’s clock skew, in the queue and the audit', async () => {
    const onTime = intake();
    link.state = 'up';
    await submit(kiosk.core, onTime);
    await network().forwarder.drain();
    link.state = 'down';
    const queued = intake();
    await submit(kiosk.core, queued);
    // Ten minutes later on the kiosk's clock; the server's clock is 5 minutes behind the kiosk's.
    kioskClock.advance(10 * 60_000);
    serverClock.set(new Date(kioskClock.now().getTime() - 5 * 60_000).toISOString());
    link.state = 'up';
    await network().forwarder.drain();

    await signInOnServer();
    const list = await server.core.handlers['queue:list']({}, callContext(STAFF_CALLER));
    if (!list.ok) throw new Error(list.error.message);
    const byId = new Map(list.value.items.map((i) => [i.submissionId, i]));
    expect(byId.get(onTime.submissionId)?.arrival).toEqual({ late: false, clockSkewMinutes: null });
    expect(byId.get(queued.submissionId)?.arrival).toEqual({ late: true, clockSkewMinutes: 5 });
    // The visit time is the kiosk's, not the arrival's.
    expect(byId.get(queued.submissionId)?.createdAt).toBe(START);
    const created = (await server.core.deps.audit.list({ limit: 50 })).find((e) => e.action === 'submission.created' && e.subjectId === queued.submissionId);
    expect(created?.details).toMatchObject({ via: 'kiosk', late: true, clockSkewMinutes: 5 });
  });
});

describe('network settings', () => {
  it.each([
    [{ ...NETWORK_CONFIG, serverUrl: 'http://clinic-server.test' }, /https:\/\//],
    [{ ...NETWORK_CONFIG, deviceCredentialRef: ' ' }, /deviceCredentialRef/],
    [{ ...NETWORK_CONFIG, password: 'x' }, /unexpected setting/],
  ])('a bad config stops the start with a sentence (%#)', async (config, message) => {
    const error = await openTestCore({ network: { config, transport: link.transport } }, 'kiosk-net-bad-').then(
      async (opened) => {
        await opened.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NetworkConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('a single kiosk reports no outbox', async () => {
    expect(await outboxStatus(server.core)).toEqual({ networkMode: false, waiting: 0, refused: 0, oldestAt: null, lastError: null });
  });
});
