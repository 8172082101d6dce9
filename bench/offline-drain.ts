/**
 * Offline drain (issue 17): a kiosk in network mode queues `intakes` intakes while the clinic
 * server cannot be reached (each one validated, signed and sealed into the outbox, the client
 * told Done), then the server comes back and the forwarder drains the outbox. Reports the time
 * per queued intake, the time to drain and per forwarded intake (the server re-validates, checks
 * the signature chain, stores), and duplicates: intakes the server stored more than once, and
 * resends it answered `duplicate`. Figures only; nothing here fails a build.
 *
 *   node bench/offline-drain.ts [--intakes=1000]
 *
 * Both cores run in this process and the transport calls the server's handler table directly
 * (no HTTP yet), so the drain figure is the two cores' work, not the network's.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { createCore } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { rowCount } from '../core/tests/helpers.ts';
import { installIdentity, mintClinicCa } from '../core/network/testing/clinic-pki.ts';
import { NETWORK_CONFIG, transportTo } from '../core/network/testing/network-pair.ts';
import { benchCallContext } from './core-env.ts';
import { summarize, type Summary } from './stats.ts';

const ORIGIN = 'http://127.0.0.1:5999';

export interface DrainFigures {
  readonly intakes: number;
  /** intake:submit in network mode with the server down: validate, sign, seal into the outbox. */
  readonly queueSubmit: Summary;
  readonly drainMs: number;
  /** Stored on the server, and of those stored more than once (must be 0). */
  readonly stored: number;
  readonly storedTwice: number;
  /** Forwards the server answered `duplicate` (0 in a drain no answer was lost from). */
  readonly duplicateAnswers: number;
  readonly outboxLeft: number;
  readonly inOrder: boolean;
}

export async function runOfflineDrainBench(options: { readonly intakes: number; readonly log?: (line: string) => void }): Promise<DrainFigures> {
  const log = options.log ?? (() => {});
  const root = await mkdtemp(join(tmpdir(), 'kiosk-bench-drain-'));
  const open = (name: string, network?: Parameters<typeof createCore>[0]['network']) =>
    createCore({ dataDir: join(root, name), keyProvider: createKeyFileProvider(join(root, `${name}.key`)), allowedOrigins: [ORIGIN], ...(network ? { network } : {}) });
  const ca = mintClinicCa('Bench Clinic');
  const server = await open('server');
  await installIdentity(server, ca.issue('Bench Clinic server'));
  const link = transportTo(() => server, 'bench-kiosk', 'down');
  // Long retry waits: the bench drains by hand once the server is back, not on a timer.
  const kiosk = await open('kiosk', { config: { ...NETWORK_CONFIG, retryFirstMs: 60_000, retryMaxMs: 3_600_000 }, transport: link.transport });
  await installIdentity(kiosk, ca.issue('Bench Clinic kiosk'));
  const ctx = benchCallContext(ORIGIN);
  try {
    const ids: string[] = [];
    const submitMs: number[] = [];
    for (let i = 0; i < options.intakes; i++) {
      const submissionId = randomUUID();
      const t0 = performance.now();
      const result = await kiosk.handlers['intake:submit'](
        { submissionId, formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: `Drain${i}` }, startedAt: new Date().toISOString() },
        ctx,
      );
      submitMs.push(performance.now() - t0);
      if (!result.ok) throw new Error(`queueing intake ${i} failed: ${result.error.message}`);
      ids.push(submissionId);
      if ((i + 1) % 100 === 0) log(`  queued ${i + 1} / ${options.intakes}`);
    }
    const forwarder = kiosk.deps.network!.forwarder;
    link.state = 'up';
    log('  server back: draining...');
    const t0 = performance.now();
    let calls = link.calls;
    for (;;) {
      const report = await forwarder.drain();
      if (report.unreachable !== null) throw new Error(report.unreachable);
      if ((await kiosk.deps.network!.outbox.summary()).waiting === 0 || link.calls === calls) break;
      calls = link.calls;
    }
    const drainMs = performance.now() - t0;
    const counts = new Map<string, number>();
    for (const id of link.stored) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicateAnswers = (await kiosk.deps.audit.list({ limit: 10_000 })).filter((e) => e.action === 'submission.forwarded' && e.details['duplicate'] === true).length;
    return {
      intakes: options.intakes,
      queueSubmit: summarize(submitMs),
      drainMs,
      stored: await rowCount(server.deps.store, 'submissions'),
      storedTwice: [...counts.values()].filter((n) => n > 1).length,
      duplicateAnswers,
      outboxLeft: (await kiosk.deps.network!.outbox.summary()).waiting,
      inOrder: link.stored.join() === ids.join(),
    };
  } finally {
    await kiosk.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { intakes: { type: 'string', default: '1000' } } });
  const intakes = Number(values.intakes);
  if (!Number.isInteger(intakes) || intakes < 1) throw new Error('--intakes must be a positive integer.');
  const f = await runOfflineDrainBench({ intakes, log: (line) => console.error(line) });
  console.log(`offline drain, ${f.intakes} intakes queued with the server down, then drained`);
  console.log(`  queue (intake:submit, network mode): median ${f.queueSubmit.median.toFixed(1)} ms, p95 ${f.queueSubmit.p95.toFixed(1)} ms`);
  console.log(`  drain: ${(f.drainMs / 1000).toFixed(1)} s in all, ${(f.drainMs / f.intakes).toFixed(1)} ms per intake`);
  console.log(`  stored on the server ${f.stored}, stored twice ${f.storedTwice}, duplicate answers ${f.duplicateAnswers}, left in the outbox ${f.outboxLeft}, in queue order: ${f.inOrder ? 'yes' : 'no'}`);
}
