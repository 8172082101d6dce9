/**
 * Signed checkpoints of the audit chain's head, written OUTSIDE the database: whoever holds
 * the database file can delete the newest entries and rewind the head, or wipe the log, and
 * nothing inside the file would show it. A checkpoint records how many entries existed and
 * the MAC of the newest one; `verify` then proves that those entries are still there.
 *
 * Each checkpoint is one JSON line, appended (never rewritten) to `audit-<logId>.jsonl` in
 * every sink: a folder beside the database, the export folder when one is configured, and
 * later the clinic server. A line carries:
 *   - a MAC under the audit key, which the kiosk itself checks (it survives certificate changes);
 *   - an RSA/SHA-256 signature by the clinic's signing certificate, embedded as DER, so anyone
 *     (an auditor, the clinic server) can check it without the kiosk's keys:
 *     `openssl dgst -sha256 -verify cert-pubkey.pem -signature sig.bin body.json`, where
 *     body.json is `checkpointBody(line)` (the canonical JSON of the six body fields).
 */
import { createPrivateKey, createPublicKey, createHmac, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import { matchesKey, openP12, type SigningIdentity } from '../signing/identity.ts';
import type { Clock } from '../ports.ts';
import { canonicalJson, sameMac } from './chain.ts';

export const CHECKPOINT_FORMAT = 'kiosk-audit-checkpoint/1';
const CHECKPOINT_MAC_DOMAIN = 'kiosk-audit-checkpoint:v1\n';

export interface CheckpointBody {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** The log's public id (chain.ts logIdOf). */
  readonly log: string;
  /** This checkpoint's number: 1, 2, 3 ... per log. */
  readonly seq: number;
  /** Entries in the log when it was taken (entry ids run 1..entries). */
  readonly entries: number;
  /** MAC of entry `entries` (the genesis value for an empty log). */
  readonly headMac: string;
  readonly at: string;
}

export interface Checkpoint extends CheckpointBody {
  readonly mac: string;
  /** base64 RSASSA-PKCS1-v1_5 / SHA-256 signature over checkpointBody(). */
  readonly signature: string;
  /** base64 DER of the signing certificate. */
  readonly certificate: string;
}

export interface CheckpointSigner {
  readonly certificateDer: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

/** The canonical bytes that are MAC'd and signed. */
export function checkpointBody(c: CheckpointBody): string {
  return canonicalJson({ format: c.format, log: c.log, seq: c.seq, entries: c.entries, headMac: c.headMac, at: c.at });
}

function checkpointMac(key: Uint8Array, body: string): string {
  return createHmac('sha256', key).update(CHECKPOINT_MAC_DOMAIN).update(body).digest('hex');
}

export function makeCheckpoint(key: Uint8Array, signer: CheckpointSigner, body: Omit<CheckpointBody, 'format'>): Checkpoint {
  const full: CheckpointBody = { format: CHECKPOINT_FORMAT, ...body };
  const text = checkpointBody(full);
  return {
    ...full,
    mac: checkpointMac(key, text),
    signature: Buffer.from(signer.sign(Buffer.from(text))).toString('base64'),
    certificate: Buffer.from(signer.certificateDer).toString('base64'),
  };
}

export interface CheckpointCheck {
  /** Made with this kiosk's audit key. */
  readonly isMacValid: boolean;
  /** The signature verifies with the embedded certificate's public key. */
  readonly isSignatureValid: boolean;
}

export function checkCheckpoint(key: Uint8Array, c: Checkpoint): CheckpointCheck {
  const body = checkpointBody(c);
  let isSignatureValid: boolean;
  try {
    const cert = new X509Certificate(Buffer.from(c.certificate, 'base64'));
    isSignatureValid = verify('sha256', Buffer.from(body), cert.publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    isSignatureValid = false;
  }
  return { isMacValid: sameMac(checkpointMac(key, body), c.mac), isSignatureValid };
}

/** Signs with the clinic identity's private key (the one that signs the PDFs). */
export function signerFromIdentity(identity: SigningIdentity): CheckpointSigner {
  const { key, certs } = openP12(identity.p12, identity.passphrase);
  const leaf = certs.find((c) => matchesKey(c, key));
  if (!leaf) throw new Error('The signing identity has no certificate for its key.');
  const privateKey: KeyObject = createPrivateKey(forge.pki.privateKeyToPem(key));
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes(), 'binary');
  // Fail now, not at verify time, if the key and certificate do not belong together.
  createPublicKey(privateKey);
  return { certificateDer: new Uint8Array(der), sign: (data) => new Uint8Array(sign('sha256', data, privateKey)) };
}

/** Where checkpoints go and come back from. A clinic server client will be a third kind. */
export interface CheckpointSink {
  /** For messages: "the data folder", "the export folder". */
  readonly name: string;
  /** Appends one checkpoint; resolves once it is durable. A sink that is not configured does nothing. */
  append(c: Checkpoint): Promise<void>;
  /** Every readable checkpoint of `logId`; `skipped` counts lines that are not checkpoints (e.g. torn by a crash). */
  read(logId: string): Promise<{ readonly checkpoints: readonly Checkpoint[]; readonly skipped: number; readonly isConfigured: boolean }>;
}

const CHECKPOINT_FOLDER = 'audit-checkpoints';

/**
 * Checkpoints as JSON lines in `<base>/audit-checkpoints/audit-<logId>.jsonl`, opened for
 * append only. `base()` null means not configured. `createBase`: the data dir may be created;
 * an export folder (a network share) must already exist, as for the PDF copies.
 */
export function fileCheckpointSink(name: string, base: () => string | null, options: { readonly createBase: boolean; readonly fileMode: number }): CheckpointSink {
  const fileOf = (dir: string, logId: string) => join(dir, CHECKPOINT_FOLDER, `audit-${logId}.jsonl`);
  return {
    name,
    async append(c) {
      const dir = base();
      if (!dir) return;
      if (options.createBase) await mkdir(dir, { recursive: true, mode: 0o700 });
      await mkdir(join(dir, CHECKPOINT_FOLDER), { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      const handle = await open(fileOf(dir, c.log), 'a', options.fileMode);
      try {
        await handle.writeFile(`${JSON.stringify(c)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async read(logId) {
      const dir = base();
      if (!dir) return { checkpoints: [], skipped: 0, isConfigured: false };
      let text: string;
      try {
        text = await readFile(fileOf(dir, logId), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], skipped: 0, isConfigured: true };
        throw error;
      }
      const checkpoints: Checkpoint[] = [];
      let skipped = 0;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const parsed = parseCheckpoint(line);
        if (parsed && parsed.log === logId) checkpoints.push(parsed);
        else skipped += 1;
      }
      return { checkpoints, skipped, isConfigured: true };
    },
  };
}

function parseCheckpoint(line: string): Checkpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const isText = (k: string) => typeof v[k] === 'string' && (v[k] as string).length <= 8_000;
  const isCount = (k: string) => Number.isSafeInteger(v[k]) && (v[k] as number) >= 0;
  if (v.format !== CHECKPOINT_FORMAT || !isCount('seq') || !isCount('entries')) return null;
  if (!['log', 'headMac', 'at', 'mac', 'signature', 'certificate'].every(isText)) return null;
  return v as unknown as Checkpoint;
}

export interface CheckpointerOptions {
  readonly key: Uint8Array;
  readonly logId: string;
  readonly clock: Clock;
  /** The committed head, or null while a transaction is open (try again later). */
  readonly head: () => Promise<{ readonly entries: number; readonly headMac: string } | null>;
  /** null: no signing identity yet; the checkpoint waits for the next occasion. */
  readonly signer: () => Promise<CheckpointSigner | null>;
  readonly sinks: readonly CheckpointSink[];
  /** Runs a background task (create-core's background runner, so close() waits for it). */
  readonly run: (task: () => Promise<void>) => void;
  /** A checkpoint after this many new entries... */
  readonly everyEntries?: number;
  /** ...or this long after the head first moved past the last checkpoint. */
  readonly everyMs?: number;
  /** A sink failed (share offline): sink name only, no paths. */
  readonly onSinkError?: (sink: string, error: unknown) => void;
}

export const CHECKPOINT_EVERY_ENTRIES = 100;
export const CHECKPOINT_EVERY_MS = 15 * 60_000;

export type Checkpointer = ReturnType<typeof createCheckpointer>;

/** Decides when to take a checkpoint and writes it to every sink, one at a time. */
export function createCheckpointer(options: CheckpointerOptions) {
  const everyEntries = options.everyEntries ?? CHECKPOINT_EVERY_ENTRIES;
  const everyMs = options.everyMs ?? CHECKPOINT_EVERY_MS;
  let last: { seq: number; entries: number; headMac: string } | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;

  /** The newest checkpoint any sink holds (sequence numbers continue from it). */
  async function loadLast(): Promise<{ seq: number; entries: number; headMac: string }> {
    let best = { seq: 0, entries: -1, headMac: '' };
    for (const sink of options.sinks) {
      try {
        const { checkpoints } = await sink.read(options.logId);
        for (const c of checkpoints) if (c.seq > best.seq) best = { seq: c.seq, entries: c.entries, headMac: c.headMac };
      } catch (error) {
        options.onSinkError?.(sink.name, error);
      }
    }
    return best;
  }

  async function write(): Promise<Checkpoint | null> {
    const head = await options.head();
    if (!head) return null;
    last ??= await loadLast();
    if (head.entries === last.entries && head.headMac === last.headMac) return null;
    // Nothing to protect yet (and no reason to load the signing identity for it).
    if (head.entries === 0 && last.seq === 0) return null;
    const signer = await options.signer();
    if (!signer) return null;
    const checkpoint = makeCheckpoint(options.key, signer, { log: options.logId, seq: last.seq + 1, entries: head.entries, headMac: head.headMac, at: options.clock.now().toISOString() });
    let isWritten = false;
    for (const sink of options.sinks) {
      try {
        await sink.append(checkpoint);
        isWritten = true;
      } catch (error) {
        options.onSinkError?.(sink.name, error);
      }
    }
    if (isWritten) last = { seq: checkpoint.seq, entries: checkpoint.entries, headMac: checkpoint.headMac };
    return isWritten ? checkpoint : null;
  }

  /** Queues a checkpoint behind any running one; resolves with it (null when the head has not moved). */
  function checkpointNow(): Promise<Checkpoint | null> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const next = chain.then(write, write);
    chain = next.catch(() => null);
    return next;
  }

  return {
    checkpointNow,
    /** Called after each append: a checkpoint now after `everyEntries` (or while there is none yet), else one within `everyMs`. */
    noteAppended(entries: number): void {
      if (isStopped) return;
      // No checkpoint of this log yet (e.g. the signing identity appeared only now): one at once.
      if (last && (last.seq === 0 || entries - last.entries >= everyEntries)) {
        options.run(async () => void (await checkpointNow()));
        return;
      }
      if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          options.run(async () => void (await checkpointNow()));
        }, everyMs);
        timer.unref();
      }
    },
    /** A final checkpoint (on close), then no more timers. */
    async stop(): Promise<void> {
      isStopped = true;
      await checkpointNow().catch(() => null);
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
