/**
 * The kiosks of bench/clinic-load.ts, seen from the bench: one child process each
 * (bench/clinic-kiosk-child.ts), started and paired, then on `go` submitting. A child prints one
 * line per event (times on the wall clock every process here shares):
 *
 *   ready | submit <id> <callAt> <answeredAt> <ok|error code> | ack <id> <at> <0|1 duplicate> <sentAt>
 *   | queued <id> (still in its outbox at the end) | pair-retry <reason> | done
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AckRecord, SubmitRecord } from './clinic-tally.ts';

const CHILD = fileURLToPath(new URL('./clinic-kiosk-child.ts', import.meta.url));

export interface KioskSpec {
  readonly index: number;
  readonly dataDir: string;
  readonly origin: string;
  /** The clinic CA (PEM file): what the kiosk trusts. */
  readonly caFile: string;
  readonly code: string;
  readonly count: number;
  readonly pace: number | 'asap';
  /** The kiosk's own source address for pairing (127.0.0.N). */
  readonly localAddress: string;
}

export interface KioskProcess {
  readonly submits: SubmitRecord[];
  readonly acks: AckRecord[];
  /** Intakes still in the kiosk's outbox when it stopped. */
  readonly queued: string[];
  /** Why each pairing attempt that had to be repeated failed, and why the kiosk died (null while it did not). */
  readonly pairRetries: string[];
  failure(): string | null;
  /** Resolves once the kiosk is paired and its core up (or it exited: see `exited`). */
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  go(): void;
  kill(): void;
}

export function parseKioskLine(kiosk: number, line: string): SubmitRecord | AckRecord | { queued: string } | { pairRetry: string } | 'ready' | 'done' | null {
  const [kind, id, a, b, c] = line.trim().split(' ');
  if (kind === 'ready' || kind === 'done') return kind;
  if (kind === 'pair-retry') return { pairRetry: (id ?? '').replace(/_/g, ' ') };
  if (kind === 'queued' && id) return { queued: id };
  if (kind === 'submit' && id && a && b && c) return { id, kiosk, callAt: Number(a), answeredAt: Number(b), error: c === 'ok' ? null : c };
  if (kind === 'ack' && id && a && b && c) return { id, kiosk, at: Number(a), duplicate: b === '1', sentAt: Number(c) };
  return null;
}

export function startKiosk(spec: KioskSpec, log: (line: string) => void): KioskProcess {
  const child = spawn(process.execPath, [CHILD, JSON.stringify(spec)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const submits: SubmitRecord[] = [];
  const acks: AckRecord[] = [];
  const queued: string[] = [];
  const pairRetries: string[] = [];
  let failure: string | null = null;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr = (stderr + chunk).slice(-2_000)));
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = parseKioskLine(spec.index, line);
    if (parsed === 'ready') markReady();
    else if (parsed === null || parsed === 'done') return;
    else if ('queued' in parsed) queued.push(parsed.queued);
    else if ('pairRetry' in parsed) pairRetries.push(parsed.pairRetry);
    else if ('callAt' in parsed) submits.push(parsed);
    else acks.push(parsed);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0) {
        failure = stderr.split('\n').find((l) => /^\s*\w*Error\b/.test(l))?.trim().slice(0, 200) ?? `exit code ${code}`;
        log(`  kiosk ${spec.index} exited with ${code}: ${failure}`);
      }
      markReady();
      resolve(code);
    }),
  );
  return {
    submits,
    acks,
    queued,
    pairRetries,
    failure: () => failure,
    ready,
    exited,
    go: () => child.stdin.end('go\n'),
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
