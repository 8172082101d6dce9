/**
 * Pure helpers of the concurrency bench (bench/writers.ts): the lines a writer prints and the
 * tally of what was acknowledged against what the database holds afterwards.
 */
import { summarize, type Summary } from './stats.ts';

/** One line of a writer's stdout: `ack <id> <ms>` after an ok answer, `err <id> <code>` after any other. */
export type WriterLine = { kind: 'ack'; id: string; ms: number } | { kind: 'err'; id: string; code: string } | { kind: 'other'; text: string };

export function parseWriterLine(line: string): WriterLine {
  const [kind, id, value] = line.trim().split(' ');
  if (kind === 'ack' && id && value !== undefined && Number.isFinite(Number(value))) return { kind: 'ack', id, ms: Number(value) };
  if (kind === 'err' && id && value) return { kind: 'err', id, code: value };
  return { kind: 'other', text: line };
}

export interface WriterTally {
  readonly attempted: number;
  readonly acknowledged: number;
  /** Acknowledged (ok answer) but not in the database afterwards: must be 0. */
  readonly lost: number;
  /** Non-ok answers, crashed writers' unanswered intakes included: must be 0. */
  readonly errors: number;
  /** Error codes and how often each came. */
  readonly errorCodes: Readonly<Record<string, number>>;
  /** Acknowledged intakes per second of wall time (all writers started together). */
  readonly perSecond: number;
  readonly submit: Summary;
}

export function tallyWriters(input: {
  readonly attempted: number;
  readonly lines: readonly WriterLine[];
  readonly stored: ReadonlySet<string>;
  readonly wallMs: number;
}): WriterTally {
  const acks = input.lines.filter((l) => l.kind === 'ack');
  const errs = input.lines.filter((l) => l.kind === 'err');
  const errorCodes: Record<string, number> = {};
  for (const e of errs) errorCodes[e.code] = (errorCodes[e.code] ?? 0) + 1;
  const unanswered = Math.max(0, input.attempted - acks.length - errs.length);
  if (unanswered > 0) errorCodes['no answer (writer died)'] = unanswered;
  return {
    attempted: input.attempted,
    acknowledged: acks.length,
    lost: acks.filter((a) => !input.stored.has(a.id)).length,
    errors: errs.length + unanswered,
    errorCodes,
    perSecond: input.wallMs > 0 ? acks.length / (input.wallMs / 1000) : Number.NaN,
    submit: summarize(acks.map((a) => a.ms)),
  };
}
