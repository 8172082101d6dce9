/**
 * One lobby kiosk of bench/clinic-load.ts in its own process: a real app core in network mode
 * whose transport is the kiosk's HTTPS client (core/network/https-transport.ts, trusting only the
 * clinic CA). It pairs with the kiosk pairing code it was given (POST /pair/kiosk with a key made
 * here; the certificate the clinic CA issued becomes its signing identity), prints `ready`, waits
 * for `go` on stdin, then calls intake:submit `count` times at the pace asked, and waits until the
 * server acknowledged every queued intake (until none came for DRAIN_STALL_MS), then lists what is still in
 * its outbox. Lines on stdout: see bench/clinic-kiosks.ts.
 *
 *   node bench/clinic-kiosk-child.ts '<KioskSpec as JSON>'
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, writeSync } from 'node:fs';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import type { Channel, Request, Responses } from '../api/contract.ts';
import type { Result } from '../api/result.ts';
import { createCore } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { KIOSK_PAIR_PATH, kioskPairingSchema, type KioskPairing } from '../core/devices/kiosk-pairing.ts';
import { CSRF_HEADER, postJson } from '../core/network/https-post.ts';
import { createHttpsTransport } from '../core/network/https-transport.ts';
import { generateKioskKey, installKioskIdentity } from '../core/network/kiosk-identity.ts';
import type { Transport } from '../core/network/transport.ts';
import { wallNow } from './clinic-https.ts';
import { benchCallContext } from './core-env.ts';
import type { KioskSpec } from './clinic-kiosks.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as KioskSpec;
const ORIGIN = 'http://bench.invalid';
/** After the last submit, wait for the forwarder while acknowledgements keep coming: stop after this long without one. */
const DRAIN_STALL_MS = 60_000;
const PAIR_ATTEMPTS = 3;
const line = (text: string) => writeSync(1, `${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const caPem = readFileSync(spec.caFile, 'utf8');
let credential: string | null = null;
const https = createHttpsTransport({ serverUrl: spec.origin, caPem, credential: async () => credential ?? '' });
// The bench's only addition: note when the server acknowledged each forward.
const acknowledged = new Set<string>();
const transport: Transport = async <C extends Channel>(channel: C, payload: Request<C>): Promise<Result<Responses[C]>> => {
  const sentAt = wallNow();
  const result = await https.transport(channel, payload);
  if (channel === 'intake:forward' && result.ok) {
    const receipt = result.value as Responses['intake:forward'];
    line(`ack ${receipt.submissionId} ${wallNow()} ${receipt.duplicate ? 1 : 0} ${sentAt}`);
    acknowledged.add(receipt.submissionId);
  }
  return result;
};

const core = await createCore({
  dataDir: spec.dataDir,
  keyProvider: createKeyFileProvider(join(spec.dataDir, 'kiosk-data-key.bin')),
  allowedOrigins: [ORIGIN],
  network: { config: { mode: 'network', serverUrl: spec.origin, deviceCredentialRef: 'bench-kiosk-credential' }, transport },
});
/**
 * POST /pair/kiosk through the kiosk's own HTTPS client code (https-post.ts), with an agent that
 * trusts only the clinic CA, as clinicAgent's does, from this kiosk's own loopback address (the
 * server limits pairings per address: ten kiosks on one address would share ten a minute). Core has
 * no kiosk-side pairing call yet (kiosk-join's next step). The forwards go through the transport's
 * own agent, from 127.0.0.1.
 */
async function pairKiosk(publicKeyPem: string): Promise<KioskPairing> {
  const agent = new Agent({ ca: caPem, minVersion: 'TLSv1.2', localAddress: spec.localAddress });
  try {
    const url = new URL(KIOSK_PAIR_PATH, spec.origin);
    const body = { code: spec.code, name: `Lobby kiosk ${spec.index + 1}`, publicKeyPem };
    const result = await postJson({ agent, url, body, headers: { origin: url.origin, [CSRF_HEADER]: '1' }, timeoutMs: 60_000 });
    if (!result.ok) throw new Error(`pairing refused: ${result.error.code} ${result.error.message}`);
    return kioskPairingSchema.parse(result.value);
  } finally {
    agent.destroy();
  }
}

/** As a person at the kiosk would: tap "Pair" again after a failure (the code is used up only by a pairing that succeeded). */
async function pairWithRetries(publicKeyPem: string): Promise<KioskPairing> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pairKiosk(publicKeyPem);
    } catch (error) {
      if (attempt >= PAIR_ATTEMPTS) throw error;
      line(`pair-retry ${String((error as Error).message).replace(/\s+/g, '_').slice(0, 120)}`);
      await sleep(3_000);
    }
  }
}

const key = generateKioskKey();
const pairing = await pairWithRetries(key.publicKeyPem);
credential = pairing.credential;
await installKioskIdentity(core.deps.secrets, key, pairing.certificatePem, caPem, core.deps.clock.now());
core.deps.resetSigningIdentity();
await core.fontsReady;
await core.deps.signingIdentity();
line('ready');

process.stdin.setEncoding('utf8');
await once(process.stdin, 'data');
const ctx = benchCallContext(ORIGIN, `lobby-kiosk-${spec.index}`);
const gap = () => (spec.pace === 'asap' ? 0 : spec.pace * (0.5 + Math.random()));
if (spec.pace !== 'asap') await sleep(Math.random() * spec.pace);
const sent: string[] = [];
for (let i = 0; i < spec.count; i++) {
  if (i > 0) await sleep(gap());
  const submissionId = randomUUID();
  const callAt = wallNow();
  let outcome: string;
  try {
    const result = await core.handlers['intake:submit'](
      {
        submissionId,
        formId: DEFAULT_INTAKE_FORM.id,
        formVersion: DEFAULT_INTAKE_FORM.version,
        language: 'en',
        answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: 'Bench', last_name: `Kiosk${spec.index}x${i}` },
        startedAt: new Date(Date.now() - 4 * 60_000).toISOString(),
      },
      ctx,
    );
    outcome = result.ok ? 'ok' : result.error.code;
  } catch {
    outcome = 'thrown';
  }
  line(`submit ${submissionId} ${callAt} ${wallNow()} ${outcome}`);
  if (outcome === 'ok') sent.push(submissionId);
}
let lastProgress = Date.now();
for (let seen = acknowledged.size; Date.now() - lastProgress < DRAIN_STALL_MS && sent.some((id) => !acknowledged.has(id)); await sleep(50)) {
  if (acknowledged.size !== seen) [seen, lastProgress] = [acknowledged.size, Date.now()];
}
// What the forwarder has not delivered yet stays in the kiosk's outbox (durable): listed, not lost.
for (const row of await core.deps.store.all<{ submission_id: string }>('SELECT submission_id FROM kiosk_outbox')) line(`queued ${row.submission_id}`);
line('done');
await core.close();
await https.close();
process.exit(0);
