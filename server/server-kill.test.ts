/**
 * The clinic server killed mid-stream (issue 17): `node server/main.ts` runs as a child process;
 * two kiosk cores in network mode, in this process, submit a stream of intakes and forward
 * them over real HTTPS (core/network/https-transport.ts, trusting only the clinic CA). The
 * server is SIGKILLed in the middle at the worst moment: it has stored a forwarded intake and
 * is answering, and a relay keeps that answer from the kiosk (testing/holding-proxy.ts). The
 * kiosks keep taking intakes while it is gone (every client still gets Done), then the server
 * starts again on the same data folder and database. In the end every intake a client was told
 * Done for is stored on the server exactly once (the one whose answer was lost is resent and
 * answered `duplicate`), both outboxes are empty, and the audit chains of the server and of
 * each kiosk verify.
 *
 * Table-driven over the server's store: SQLite in the data folder (the default), and
 * PostgreSQL where the run has a cluster (CI=true makes a missing one an error, see
 * core/db/testing/pg-global-setup.ts). Bounded: a few intakes per kiosk per phase.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createTestDatabase, hasTestPostgres } from '../core/db/testing/postgres.ts';
import { createHttpsTransport } from '../core/network/https-transport.ts';
import { generateKioskKey, installKioskIdentity } from '../core/network/kiosk-identity.ts';
import { rowCount, tempDir } from '../core/tests/helpers.ts';
import { TEST_CTX, TEST_ORIGIN } from '../core/tests/test-core.ts';
import { startHoldingProxy } from './testing/holding-proxy.ts';
import { freePort, openServerCore, provisionServer, startServerProcess, type ServerProcess } from './testing/server-process.ts';

/** Intakes each kiosk is told Done for before the kill, while the server is down, and after it is back. */
const BEFORE_KILL = 3;
const WHILE_DOWN = 2;
const AFTER_RESTART = 2;
const DRAIN_DEADLINE_MS = 90_000;
/** The server stays down at least this long (the kiosks keep taking intakes meanwhile). */
const DOWN_MS = 3_000;

interface Kiosk {
  readonly name: string;
  readonly core: Core;
  readonly acked: string[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function waitFor(what: string, check: () => Promise<boolean> | boolean, deadlineMs: number): Promise<void> {
  for (const end = Date.now() + deadlineMs; ; await sleep(100)) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Gave up waiting: ${what}`);
  }
}

/** One kiosk's clients, one after another: each intake:submit must answer ok (the client's Done). */
function submitStream(kiosk: Kiosk, stop: () => boolean): Promise<void> {
  return (async () => {
    while (!stop()) {
      const id = randomUUID();
      const result = await kiosk.core.handlers['intake:submit'](
        { submissionId: id, formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: `Stream${id.slice(0, 8)}` }, startedAt: new Date(Date.now() - 90_000).toISOString() },
        TEST_CTX,
      );
      if (!result.ok) throw new Error(`${kiosk.name}: a client was not told Done (${result.error.code}: ${result.error.message})`);
      kiosk.acked.push(id);
      await sleep(50);
    }
  })();
}

const ENGINES = [
  { engine: 'sqlite', isAvailable: true },
  { engine: 'postgres', isAvailable: hasTestPostgres() },
] as const;

describe.each(ENGINES)('the clinic server SIGKILLed mid-stream ($engine)', ({ engine, isAvailable }) => {
  it.skipIf(!isAvailable)('every intake a kiosk acknowledged is stored on the server exactly once, both outboxes empty, the audit chains verify', { timeout: 420_000 }, async () => {
    const started = Date.now();
    const tmp = tempDir('clinic-server-kill-');
    cleanups.push(() => tmp.cleanup());
    const database = engine === 'postgres' ? await createTestDatabase() : null;
    if (database) cleanups.push(() => database.drop());
    const where = { dataDir: join(tmp.dir, 'server'), ...(database ? { databaseUrl: database.url } : {}) };

    // Set-up as at installation: the first admin, and two kiosks paired with the clinic CA.
    const keys = [generateKioskKey(), generateKioskKey()] as const;
    const provisioned = await provisionServer({
      ...where,
      staff: [{ name: 'Dana Admin', pin: '424242', role: 'admin' }],
      kiosks: [
        { name: 'Front kiosk', key: keys[0] },
        { name: 'Back kiosk', key: keys[1] },
      ],
    });
    // The kiosks reach the server through a relay that can keep an answer from them (holding-proxy.ts).
    const port = await freePort();
    const relay = await startHoldingProxy(port);
    cleanups.push(() => relay.close());
    const at = { ...where, port, publicPort: relay.port };
    const serverUrl = `https://127.0.0.1:${relay.port}`;
    let server: ServerProcess | null = await startServerProcess(at);
    cleanups.push(() => server?.kill());

    const kiosks: Kiosk[] = [];
    for (const [i, name] of ['Front kiosk', 'Back kiosk'].entries()) {
      const paired = provisioned.kiosks[i]!;
      const dataDir = join(tmp.dir, `kiosk-${i}`);
      const https = createHttpsTransport({ serverUrl, caPem: provisioned.caPem, credential: async () => paired.credential, timeoutMs: 15_000 });
      const core = await createCore({
        dataDir,
        keyProvider: createKeyFileProvider(join(dataDir, 'key.bin')),
        allowedOrigins: [TEST_ORIGIN],
        network: {
          config: { mode: 'network', serverUrl, deviceCredentialRef: `kiosk-${i}`, forwardTimeoutMs: 15_000, retryFirstMs: 200, retryMaxMs: 1_000 },
          transport: https.transport,
        },
      });
      await installKioskIdentity(core.deps.secrets, keys[i]!, paired.certificatePem, paired.caCertificatePem, new Date());
      core.deps.resetSigningIdentity();
      const kiosk: Kiosk = {
        name,
        core,
        acked: [],
        close: async () => {
          await core.close();
          await https.close();
        },
      };
      kiosks.push(kiosk);
      cleanups.push(() => kiosk.close());
    }
    const waiting = async (kiosk: Kiosk) => (await kiosk.core.deps.network!.outbox.all()).length;

    let stopping = false;
    const streams = kiosks.map((k) => submitStream(k, () => stopping));
    const failed = Promise.all(streams).then(() => null, (error: unknown) => error);
    const atLeast = (n: number) => async () => kiosks.every((k) => k.acked.length >= n);
    try {
      // Mid-stream: each kiosk has had intakes forwarded and is still taking more.
      await waitFor(`${BEFORE_KILL} intakes per kiosk, some forwarded`, async () => {
        if (!(await atLeast(BEFORE_KILL)())) return false;
        for (const k of kiosks) if (k.acked.length - (await waiting(k)) < 1) return false;
        return true;
      }, 180_000);
      // The worst moment: the server has stored a forwarded intake and is answering; the answer
      // never reaches the kiosk, and the server dies.
      await Promise.race([relay.holdNextAnswer(), sleep(60_000).then(() => Promise.reject(new Error('No forward was answered within 60 s.')))]);
      await server.kill();
      relay.cutHeld();
      const killedAt = kiosks.map((k) => k.acked.length);
      console.log(`server-kill (${engine}): SIGKILL after ${killedAt.join(' + ')} intakes`);

      // The server is gone: the clients are still told Done.
      await sleep(DOWN_MS);
      await waitFor(`${WHILE_DOWN} more intakes per kiosk while the server is down`, () => kiosks.every((k, i) => k.acked.length >= killedAt[i]! + WHILE_DOWN), 120_000);
      for (const k of kiosks) expect(await waiting(k), `${k.name} keeps what it cannot send`).toBeGreaterThanOrEqual(WHILE_DOWN);

      server = await startServerProcess(at);
      const restartedAt = kiosks.map((k) => k.acked.length);
      await waitFor(`${AFTER_RESTART} more intakes per kiosk after the restart`, () => kiosks.every((k, i) => k.acked.length >= restartedAt[i]! + AFTER_RESTART), 120_000);
    } finally {
      stopping = true;
    }
    expect(await failed).toBeNull();

    // Everything waiting goes out on its own (the forwarder's retries), nothing twice.
    await waitFor('both outboxes empty', async () => (await Promise.all(kiosks.map(waiting))).every((n) => n === 0), DRAIN_DEADLINE_MS);
    await server.stop();
    server = null;

    const acked = kiosks.flatMap((k) => k.acked);
    expect(new Set(acked).size).toBe(acked.length);
    const check = await openServerCore(where);
    try {
      const { store, submissions, audit } = check.deps;
      expect(await rowCount(store, 'submissions')).toBe(acked.length);
      for (const id of acked) expect((await submissions.get(id))?.clientName, id).toBe(`Stream${id.slice(0, 8)} García`);
      const created = await store.all<{ subject_id: string; n: number }>("SELECT subject_id, COUNT(*) AS n FROM audit_log WHERE action = 'submission.created' GROUP BY subject_id");
      expect(created.map((r) => [r.subject_id, Number(r.n)]).sort()).toEqual(acked.map((id) => [id, 1]).sort());
      expect(await audit.verify()).toMatchObject({ ok: true });
    } finally {
      await check.close();
    }
    let resent = 0;
    for (const k of kiosks) {
      expect(await k.core.deps.audit.verify(), k.name).toMatchObject({ ok: true });
      const forwarded = (await k.core.deps.audit.list({ limit: 1_000 })).filter((e) => e.action === 'submission.forwarded');
      expect(forwarded, `${k.name}: one forwarded entry per intake`).toHaveLength(k.acked.length);
      resent += forwarded.filter((e) => (e.details as { duplicate?: boolean } | null)?.duplicate === true).length;
    }
    // The intake whose answer was lost was stored before the kill: its resend was answered `duplicate`.
    expect(resent).toBeGreaterThanOrEqual(1);
    console.log(`server-kill (${engine}): ${acked.length} intakes, each stored once (${resent} resent after the kill and answered duplicate), in ${Math.round((Date.now() - started) / 1000)} s`);
  });
});
