import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openSqliteStore, type SqliteStore } from '../db/sqlite-store.ts';
import { buildLegacyDatabase } from '../tests/legacy-database.ts';
import { regenerateIdentity, memorySecretStore } from '../signing/identity.ts';
import { auditMigrations, canonicalJson, createAuditLog, entryHash, type AuditLog } from './log.ts';
import { GENESIS, logIdOf } from './chain.ts';
import { createCheckpointer, fileCheckpointSink, signerFromIdentity, type Checkpointer, type CheckpointSigner } from './checkpoints.ts';
import { ManualClock, openMigratedStore, rawConnection, tempDir } from '../tests/helpers.ts';

let signer: CheckpointSigner;
beforeAll(async () => {
  const store = memorySecretStore();
  signer = signerFromIdentity(await regenerateIdentity(store, 'Test Clinic', new ManualClock()));
});

/** The raw connection: what someone with the file and a SQL shell uses. */
let db: DatabaseSync;
/** The port over the same file: what the audit log is given. */
let store: SqliteStore;
let audit: AuditLog;
let checkpointer: Checkpointer;
let clock: ManualClock;
let key: Uint8Array;
let tmp: ReturnType<typeof tempDir>;

function open() {
  const sinks = [fileCheckpointSink('the data folder', () => tmp.dir, { createBase: false, fileMode: 0o600 })];
  audit = createAuditLog(store, clock, { key, sinks });
  checkpointer = createCheckpointer({ key, logId: logIdOf(key), clock, head: () => audit.head(), signer: async () => signer, sinks, run: (task) => void task() });
}

beforeEach(async () => {
  tmp = tempDir('kiosk-audit-');
  await openFresh('kiosk.db');
  clock = new ManualClock();
  key = new Uint8Array(randomBytes(32));
  open();
  for (let i = 0; i < 10; i++) {
    await audit.append({ action: 'submission.viewed', actor: 'staff-1', subjectId: `sub-${i}`, details: { n: i } });
    clock.advance(1000);
  }
  // Checkpoint 1 covers entries 1-10; entries 11 and 12 are newer than it.
  expect(await checkpointer.checkpointNow()).toMatchObject({ seq: 1, entries: 10 });
  await audit.append({ action: 'staff.login', actor: 'staff-1' });
  await audit.append({ action: 'staff.logout', actor: 'staff-1' });
});
afterEach(async () => {
  await closeBoth();
  tmp.cleanup();
});

async function openFresh(name: string): Promise<void> {
  const file = join(tmp.dir, name);
  store = await openMigratedStore(file);
  db = rawConnection(file);
}

async function closeBoth(): Promise<void> {
  if (db.isOpen) db.close();
  await store.close();
}

interface Row {
  id: number;
  at: string;
  action: string;
  actor: string;
  subject_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/**
 * What someone with the database file and a SQL shell can do, knowing the old scheme but not
 * the key: drop the triggers, change rows, and recompute the plain SHA-256 chain and the head.
 */
const attacker = {
  sql(sql: string, ...params: (string | number | null)[]) {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_head_grows_only; DROP TRIGGER IF EXISTS audit_log_needs_mac;');
    db.prepare(sql).run(...params);
  },
  rechain() {
    let prev = GENESIS;
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as unknown as Row[];
    for (const r of rows) {
      const hash = entryHash(prev, { id: r.id, at: r.at, action: r.action, actor: r.actor, subjectId: r.subject_id, details: r.details });
      attacker.sql('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', prev, hash, r.id);
      prev = hash;
    }
    attacker.sql('UPDATE audit_head SET entries = ?, last_hash = ?', rows.length, prev);
  },
};

describe('verify detects each forgery made without the key, and says which entry and how', () => {
  it.each([
    {
      label: '(a) a row edited and the plain hash chain recomputed',
      forge: () => {
        attacker.sql("UPDATE audit_log SET actor = 'staff-2' WHERE id = 3");
        attacker.rechain();
      },
      firstBrokenId: 3,
      reason: /^entry 3 was changed after it was written: its content no longer matches its MAC$/,
    },
    {
      label: '(b) middle rows deleted and the rest renumbered',
      forge: () => {
        attacker.sql('DELETE FROM audit_log WHERE id IN (4, 5)');
        for (let id = 6; id <= 12; id++) attacker.sql('UPDATE audit_log SET id = ? WHERE id = ?', id - 2, id);
        attacker.rechain();
      },
      firstBrokenId: 4,
      reason: /^entry 4 was renumbered: it was written as entry 6, so 2 entries before it were deleted$/,
    },
    {
      label: '(c) the newest rows deleted and the head rewound',
      forge: () => {
        attacker.sql('DELETE FROM audit_log WHERE id >= 9');
        attacker.rechain();
      },
      firstBrokenId: 9,
      reason: /^entries 9–10 are missing: checkpoint 1 in the data folder \(2025-03-10T09:00:10\.000Z\) recorded 10 entries \(the newest entries were deleted and the head rewound\)$/,
    },
    {
      label: '(d) a forged login added with a plain INSERT',
      forge: () => {
        attacker.sql("INSERT INTO audit_log (id, at, action, actor, subject_id, details, prev_hash, hash) VALUES (13, '2025-03-10T09:00:20.000Z', 'staff.login', 'staff-9', NULL, '{}', '', '')");
        attacker.rechain();
      },
      firstBrokenId: 13,
      reason: /^entry 13 has no MAC: it was added to the database without the audit key \(a plain INSERT\)$/,
    },
    {
      label: '(d) a forged login with a MAC copied from the entry before',
      forge: () => {
        const last = db.prepare('SELECT mac FROM audit_log WHERE id = 12').get() as { mac: string };
        attacker.sql(
          "INSERT INTO audit_log (id, at, action, actor, subject_id, details, prev_hash, hash, prev_mac, mac) VALUES (13, '2025-03-10T09:00:20.000Z', 'staff.login', 'staff-9', NULL, '{}', '', '', ?, ?)",
          last.mac,
          last.mac,
        );
        attacker.rechain();
      },
      firstBrokenId: 13,
      reason: /^entry 13 was not written by the kiosk: its MAC is not one the audit key makes \(a forged or inserted entry\)$/,
    },
    {
      label: '(e) the log wiped',
      forge: () => {
        attacker.sql('DELETE FROM audit_log');
        attacker.rechain();
      },
      firstBrokenId: 1,
      reason: /^the log is empty but checkpoint 1 in the data folder \(2025-03-10T09:00:10\.000Z\) recorded 10 entries: the log was wiped$/,
    },
  ])('$label', async ({ forge, firstBrokenId, reason }) => {
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 12 });
    forge();
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenId });
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it.each([
    ['an edited time', "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 2", 2, /changed after it was written/],
    ['edited details', `UPDATE audit_log SET details = '{"n":99}' WHERE id = 4`, 4, /changed after it was written/],
    ['a deleted middle entry', 'DELETE FROM audit_log WHERE id = 3', 3, /^entry 3 is missing/],
    ['a deleted first entry', 'DELETE FROM audit_log WHERE id = 1', 1, /^entry 1 is missing/],
    ['the newest entry deleted, head left alone', 'DELETE FROM audit_log WHERE id = 12', 12, /the head records 12 entries/],
    ['a renumbered last entry', 'UPDATE audit_log SET id = 20 WHERE id = 12', 12, /^entries 12–19 are missing/],
  ])('also: %s', async (_label, sql, firstBrokenId, reason) => {
    attacker.sql(sql);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenId });
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});

describe('times never break the log on their own', () => {
  it('a kiosk clock set back after entry 1 (then a checkpoint at the earlier time) still verifies', async () => {
    await closeBoth();
    await openFresh('second.db');
    key = new Uint8Array(randomBytes(32));
    open();
    await audit.append({ action: 'staff.login', actor: 'staff-1' });
    clock.advance(-14 * 86_400_000);
    await audit.append({ action: 'submission.viewed', actor: 'staff-1', subjectId: 'sub-a' });
    expect(await checkpointer.checkpointNow()).toMatchObject({ entries: 2 });
    clock.advance(14 * 86_400_000 + 1000);
    await audit.append({ action: 'staff.logout', actor: 'staff-1' });
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('what verify cannot catch (docs/SECURITY.md says so too)', () => {
  it('the newest entries not yet covered by a checkpoint can be removed unseen; the note says how many were uncovered', async () => {
    expect(await audit.verify()).toMatchObject({ ok: true, notes: [expect.stringMatching(/newest 2 entries are not yet covered by a checkpoint/)] });
    attacker.sql('DELETE FROM audit_log WHERE id > 10');
    attacker.rechain();
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 10 });
  });

  it('truncation after deleting every checkpoint file too: ok, but the note says no checkpoint was found', async () => {
    attacker.sql('DELETE FROM audit_log WHERE id > 5');
    attacker.rechain();
    rmSync(join(tmp.dir, 'audit-checkpoints'), { recursive: true });
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, entries: 5 });
    expect(result.notes).toContainEqual(expect.stringMatching(/No checkpoint was found outside the database/));
  });
});

describe('append, list and the database guards', () => {
  it('lists newest first with paging', async () => {
    expect((await audit.list({ limit: 2 })).map((e) => e.action)).toEqual(['staff.logout', 'staff.login']);
    expect((await audit.list({ limit: 2, beforeId: 4 })).map((e) => e.subjectId)).toEqual(['sub-2', 'sub-1']);
    expect((await audit.list({ limit: 1, beforeId: 11 }))[0]).toMatchObject({ id: 10, action: 'submission.viewed', actor: 'staff-1', details: { n: 9 }, at: '2025-03-10T09:00:09.000Z' });
  });

  it.each([
    ['nested object', { nested: { a: 1 } }],
    ['long text (could be a pasted answer)', { note: 'x'.repeat(201) }],
    ['odd key', { 'bad key': 1 }],
    ['infinite number', { n: Infinity }],
  ])('refuses details that are not small flat facts: %s', async (_label, details) => {
    await expect((async () => audit.append({ action: 'settings.changed', actor: 'a', details: details as never }))()).rejects.toThrow();
    expect(await audit.count()).toBe(12);
  });

  it('refuses an unknown action', async () => {
    await expect((async () => audit.append({ action: 'submission.deleted' as never, actor: 'a' }))()).rejects.toThrow();
  });

  it.each([
    ['UPDATE', "UPDATE audit_log SET actor = 'x' WHERE id = 2"],
    ['DELETE', 'DELETE FROM audit_log WHERE id = 5'],
    ['INSERT without a MAC', "INSERT INTO audit_log (id, at, action, actor, details, prev_hash, hash) VALUES (13, 'x', 'staff.login', 'a', '{}', '', '')"],
    ['rewind the head', 'UPDATE audit_head SET entries = 4'],
    ['delete the head', 'DELETE FROM audit_head'],
  ])('the database refuses %s', async (_label, sql) => {
    expect(() => db.exec(sql)).toThrow(/append-only|only grows|permanent|carry a MAC/);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 12 });
  });

  it('a checkpoint is written only when the head moved', async () => {
    expect(await checkpointer.checkpointNow()).toMatchObject({ seq: 2, entries: 12 });
    expect(await checkpointer.checkpointNow()).toBeNull();
  });
});

describe('entries from earlier versions (plain SHA-256 chain)', () => {
  /** A database as version 1 left it: audit-001 only, rows chained with plain SHA-256. */
  async function legacyDatabase(rows: number): Promise<void> {
    const file = join(tmp.dir, `legacy-${rows}-${Math.random().toString(36).slice(2)}.db`);
    const old = buildLegacyDatabase(file, auditMigrations.slice(0, 1));
    let prev = GENESIS;
    for (let id = 1; id <= rows; id++) {
      const e = { id, at: `2024-01-01T00:00:0${id}.000Z`, action: 'staff.login', actor: 'staff-1', subjectId: null, details: '{}' };
      const hash = entryHash(prev, e);
      old.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, e.at, e.action, e.actor, null, e.details, prev, hash);
      old.prepare('UPDATE audit_head SET entries = entries + 1, last_hash = ?').run(hash);
      prev = hash;
    }
    old.close();
    store = await openSqliteStore(file);
    await store.migrate(auditMigrations);
    db = rawConnection(file);
  }

  it('are checked, sealed with the key once, and verify with a note saying so', async () => {
    await closeBoth();
    await legacyDatabase(3);
    key = new Uint8Array(randomBytes(32)); // a log never keyed: no checkpoint of it exists
    open();
    expect(await audit.sealLegacyEntries()).toEqual({ sealed: 3, plainChainIntact: true });
    expect(await audit.sealLegacyEntries()).toBeNull();
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, entries: 4 });
    expect(result.notes[0]).toMatch(/^Entries 1–3 were written by an earlier version with a plain SHA-256 chain \(no key\); on 2025-03-10 they were checked intact and sealed with the audit key \(entry 4\)/);
    // Sealed, a legacy row is as protected as any other.
    attacker.sql("UPDATE audit_log SET actor = 'staff-2' WHERE id = 2");
    expect(await audit.verify()).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('a legacy chain already broken is sealed as found, and the note says it was broken', async () => {
    await closeBoth();
    await legacyDatabase(3);
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x' WHERE id = 2");
    key = new Uint8Array(randomBytes(32));
    open();
    expect(await audit.sealLegacyEntries()).toEqual({ sealed: 3, plainChainIntact: false });
    expect((await audit.verify()).notes[0]).toMatch(/found already broken/);
  });

  it('plain-hash rows are never sealed once this log has a checkpoint (a replaced log is not laundered)', async () => {
    attacker.sql('DELETE FROM audit_log');
    for (let id = 1; id <= 3; id++) attacker.sql("INSERT INTO audit_log (id, at, action, actor, details, prev_hash, hash) VALUES (?, 'x', 'staff.login', 'a', '{}', '', '')", id);
    attacker.rechain();
    expect(await audit.sealLegacyEntries()).toBeNull();
    expect(await audit.verify()).toMatchObject({ ok: false, firstBrokenId: 1, reason: expect.stringMatching(/has no MAC/) });
  });
});

describe('canonicalJson', () => {
  it.each([
    ['sorts keys at every level', { b: 1, a: { d: 2, c: 3 } }, '{"a":{"c":3,"d":2},"b":1}'],
    ['drops undefined', { a: undefined, b: null }, '{"b":null}'],
    ['arrays keep order', [3, 1, 2], '[3,1,2]'],
  ])('%s', async (_label, value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });
});
