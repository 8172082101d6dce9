/**
 * Verifying the audit log: the keyed chain inside the database, then the signed checkpoints
 * outside it. Names the first entry that does not fit and says how it does not fit; `notes`
 * say what the check could and could not cover (legacy entries, missing checkpoints).
 */
import type { Queryable } from '../db/port.ts';
import { entryMac, GENESIS, sameMac, type ChainedFields } from './chain.ts';
import { checkCheckpoint, type Checkpoint, type CheckpointSink } from './checkpoints.ts';

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly notes: readonly string[] }
  | { readonly ok: false; readonly firstBrokenId: number; readonly reason: string; readonly notes: readonly string[] };

export type LogRow = {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly subject_id: string | null;
  readonly details: string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly prev_mac: string | null;
  readonly mac: string | null;
}

export const fieldsOf = (r: LogRow): ChainedFields => ({ id: r.id, at: r.at, action: r.action, actor: r.actor, subjectId: r.subject_id, details: r.details });

/** How far a renumbered entry's original id is searched for, either way (only when its link is broken). */
const MAX_RENUMBER_SEARCH = 10_000;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Broken = { readonly firstBrokenId: number; readonly reason: string };

/**
 * Why entry `r`'s own MAC does not verify. `isLinked`: its stored previous MAC is the previous
 * entry's, so nothing was removed just before it and it was edited or forged in place;
 * otherwise it may be a real entry moved to another id (renumbered after deletions).
 */
async function explainBadMac(db: Queryable, key: Uint8Array, r: LogRow & { prev_mac: string; mac: string }, isLinked: boolean): Promise<Broken> {
  if (!isLinked) {
    const fields = fieldsOf(r);
    for (let step = 1; step <= MAX_RENUMBER_SEARCH; step++) {
      for (const shift of [step, -step]) {
        const original = r.id + shift;
        if (original < 1 || !sameMac(entryMac(key, r.prev_mac, { ...fields, id: original }), r.mac)) continue;
        const what = shift > 0 ? `${plural(shift, 'entry', 'entries')} before it ${shift === 1 ? 'was' : 'were'} deleted` : `${plural(-shift, 'entry was', 'entries were')} inserted before it`;
        return { firstBrokenId: r.id, reason: `entry ${r.id} was renumbered: it was written as entry ${original}, so ${what}` };
      }
    }
  }
  const next = await db.one<{ prev_mac: string | null }>('SELECT prev_mac FROM audit_log WHERE id > ? ORDER BY id LIMIT 1', [r.id]);
  if (next && sameMac(next.prev_mac, r.mac)) {
    return { firstBrokenId: r.id, reason: `entry ${r.id} was changed after it was written: its content no longer matches its MAC` };
  }
  return { firstBrokenId: r.id, reason: `entry ${r.id} was not written by the kiosk: its MAC is not one the audit key makes (a forged or inserted entry)` };
}

/** Rows read per page while walking the chain (a long log is never held in memory at once). */
const WALK_PAGE = 1_000;

async function* rowsInOrder(db: Queryable): AsyncGenerator<LogRow> {
  let after = -1;
  for (;;) {
    const page = await db.all<LogRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?', [after, WALK_PAGE]);
    yield* page;
    if (page.length < WALK_PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/** Walks the chain from entry 1. Returns the first break, or the count and last MAC. */
async function walk(db: Queryable, key: Uint8Array): Promise<Broken | { readonly entries: number; readonly lastMac: string }> {
  let prevMac = GENESIS;
  let expectedId = 1;
  for await (const r of rowsInOrder(db)) {
    if (r.id !== expectedId) {
      const gap = expectedId === r.id - 1 ? `entry ${expectedId} is` : `entries ${expectedId}–${r.id - 1} are`;
      return { firstBrokenId: expectedId, reason: `${gap} missing: deleted from the log` };
    }
    if (r.mac === null || r.prev_mac === null) {
      return { firstBrokenId: r.id, reason: `entry ${r.id} has no MAC: it was added to the database without the audit key (a plain INSERT)` };
    }
    const isLinked = sameMac(r.prev_mac, prevMac);
    if (!sameMac(entryMac(key, r.prev_mac, fieldsOf(r)), r.mac)) return await explainBadMac(db, key, { ...r, prev_mac: r.prev_mac, mac: r.mac }, isLinked);
    if (!isLinked) {
      return {
        firstBrokenId: r.id,
        reason: r.id === 1 ? 'entry 1 does not start the chain: earlier entries were removed' : `entry ${r.id} does not follow entry ${r.id - 1}: entries between them were deleted or replaced`,
      };
    }
    prevMac = r.mac;
    expectedId++;
  }
  return { entries: expectedId - 1, lastMac: prevMac };
}

/** Reads in one snapshot (a read-only transaction): entries appended meanwhile are not half seen. */
export async function verifyAuditLog(store: Queryable, key: Uint8Array, logId: string, sinks: readonly CheckpointSink[]): Promise<AuditVerification> {
  return store.transaction((db) => verifyIn(db, key, logId, sinks), { readOnly: true });
}

async function verifyIn(db: Queryable, key: Uint8Array, logId: string, sinks: readonly CheckpointSink[]): Promise<AuditVerification> {
  const notes: string[] = [];
  const legacy = await db.one<{ id: number; at: string; details: string }>("SELECT id, at, details FROM audit_log WHERE action = 'audit.legacy_sealed' ORDER BY id LIMIT 1");
  if (legacy) {
    const d = JSON.parse(legacy.details) as { legacyEntries?: number; plainChainIntact?: boolean };
    notes.push(
      `Entries 1–${d.legacyEntries ?? legacy.id - 1} were written by an earlier version with a plain SHA-256 chain (no key); ` +
        `on ${legacy.at.slice(0, 10)} they were ${d.plainChainIntact ? 'checked intact and' : 'found already broken, and were nevertheless'} sealed with the audit key (entry ${legacy.id}). ` +
        'A change made to them before that day would not have been detected.',
    );
  }
  const chain = await walk(db, key);
  if ('reason' in chain) return { ok: false, ...chain, notes };

  const head = await db.one<{ entries: number }>('SELECT entries FROM audit_head WHERE singleton = 1');
  if (!head) return { ok: false, firstBrokenId: chain.entries + 1, reason: 'the audit head row is missing: it was deleted', notes };
  if (head.entries > chain.entries) {
    return { ok: false, firstBrokenId: chain.entries + 1, reason: `entries ${chain.entries + 1}–${head.entries} are missing: the head records ${head.entries} entries (the newest were deleted)`, notes };
  }
  if (head.entries < chain.entries) {
    return { ok: false, firstBrokenId: head.entries + 1, reason: `the head records ${head.entries} entries but ${chain.entries} are present: entries were added behind the head`, notes };
  }

  const valid: { c: Checkpoint; sink: string }[] = [];
  for (const sink of sinks) {
    let read: Awaited<ReturnType<CheckpointSink['read']>>;
    try {
      read = await sink.read(logId);
    } catch {
      notes.push(`The checkpoints in ${sink.name} could not be read.`);
      continue;
    }
    if (!read.isConfigured) continue;
    let foreign = read.skipped;
    let unsigned = 0;
    for (const c of read.checkpoints) {
      const check = checkCheckpoint(key, c);
      if (!check.isMacValid) foreign++;
      else {
        if (!check.isSignatureValid) unsigned++;
        valid.push({ c, sink: sink.name });
      }
    }
    if (foreign > 0) notes.push(`${plural(foreign, 'line', 'lines')} in ${sink.name}'s checkpoint file ${foreign === 1 ? 'was' : 'were'} not made with this kiosk's audit key and ${foreign === 1 ? 'was' : 'were'} ignored.`);
    if (unsigned > 0) notes.push(`${plural(unsigned, 'checkpoint', 'checkpoints')} in ${sink.name} carry a signature that does not verify with their certificate.`);
  }
  if (valid.length === 0) {
    notes.push('No checkpoint was found outside the database: removing the newest entries, or the whole log, could not be detected.');
    return { ok: true, entries: chain.entries, notes };
  }
  const newest = valid.reduce((a, b) => (b.c.entries > a.c.entries ? b : a));
  // Entry 1's time only words the message of a break the counts or MACs already prove: clocks
  // move backwards (a corrected kiosk clock, a test clock), so a time alone never breaks the log.
  const first = await db.one<{ at: string }>('SELECT at FROM audit_log WHERE id = 1');
  const restartedAfter = (c: Checkpoint) => first !== undefined && c.entries > 0 && c.at < first.at;
  const wipedAndRestarted = (c: Checkpoint, sink: string): AuditVerification => ({
    ok: false,
    firstBrokenId: 1,
    reason: `entry 1 was written after checkpoint ${c.seq} in ${sink} (${c.at}), which already recorded ${c.entries} entries: the log was wiped and started again`,
    notes,
  });
  if (newest.c.entries > chain.entries) {
    const when = `checkpoint ${newest.c.seq} in ${newest.sink} (${newest.c.at})`;
    if (chain.entries > 0 && restartedAfter(newest.c)) return wipedAndRestarted(newest.c, newest.sink);
    return chain.entries === 0
      ? { ok: false, firstBrokenId: 1, reason: `the log is empty but ${when} recorded ${newest.c.entries} entries: the log was wiped`, notes }
      : {
          ok: false,
          firstBrokenId: chain.entries + 1,
          reason: `entries ${chain.entries + 1}–${newest.c.entries} are missing: ${when} recorded ${newest.c.entries} entries (the newest entries were deleted and the head rewound)`,
          notes,
        };
  }
  for (const { c, sink } of valid.sort((a, b) => a.c.entries - b.c.entries)) {
    const mac = c.entries === 0 ? GENESIS : ((await db.one<{ mac: string | null }>('SELECT mac FROM audit_log WHERE id = ?', [c.entries]))?.mac ?? null);
    if (!sameMac(mac, c.headMac)) {
      if (restartedAfter(c)) return wipedAndRestarted(c, sink);
      return { ok: false, firstBrokenId: Math.max(c.entries, 1), reason: `entry ${c.entries} is not the one checkpoint ${c.seq} in ${sink} (${c.at}) recorded: the log was rewritten`, notes };
    }
  }
  const newer = chain.entries - newest.c.entries;
  notes.push(
    `Matches ${plural(valid.length, 'signed checkpoint', 'signed checkpoints')} outside the database (newest: ${newest.c.entries} entries at ${newest.c.at}).` +
      (newer > 0 ? ` The newest ${plural(newer, 'entry is', 'entries are')} not yet covered by a checkpoint.` : ''),
  );
  return { ok: true, entries: chain.entries, notes };
}
