import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../db/database.ts';
import { auditMigrations, canonicalJson, createAuditLog, entryHash, type AuditLog } from './log.ts';
import { ManualClock } from '../tests/helpers.ts';

let db: DatabaseSync;
let audit: AuditLog;
let clock: ManualClock;

beforeEach(() => {
  db = openDatabase(':memory:', auditMigrations);
  clock = new ManualClock();
  audit = createAuditLog(db, clock);
  for (let i = 0; i < 5; i++) {
    audit.append({ action: 'submission.viewed', actor: 'staff-1', subjectId: `sub-${i}`, details: { n: i } });
    clock.advance(1000);
  }
});
afterEach(() => db.close());

/** What someone with the database file and a SQL shell could do: drop the triggers first. */
function tamper(sql: string, ...params: (string | number)[]) {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_head_grows_only;');
  db.prepare(sql).run(...params);
}

describe('append and list', () => {
  it('lists newest first with paging, and verifies', () => {
    expect(audit.list({ limit: 2 }).map((e) => e.subjectId)).toEqual(['sub-4', 'sub-3']);
    expect(audit.list({ limit: 2, beforeId: 4 }).map((e) => e.subjectId)).toEqual(['sub-2', 'sub-1']);
    expect(audit.list({ limit: 1 })[0]).toMatchObject({ id: 5, action: 'submission.viewed', actor: 'staff-1', details: { n: 4 }, at: '2025-03-10T09:00:04.000Z' });
    expect(audit.verify()).toEqual({ ok: true, entries: 5 });
  });

  it.each([
    ['nested object', { nested: { a: 1 } }],
    ['long text (could be a pasted answer)', { note: 'x'.repeat(201) }],
    ['odd key', { 'bad key': 1 }],
    ['infinite number', { n: Infinity }],
  ])('refuses details that are not small flat facts: %s', (_label, details) => {
    expect(() => audit.append({ action: 'settings.changed', actor: 'a', details: details as never })).toThrow();
    expect(audit.count()).toBe(5);
  });

  it('refuses an unknown action', () => {
    expect(() => audit.append({ action: 'submission.deleted' as never, actor: 'a' })).toThrow();
  });
});

describe('append-only', () => {
  it.each([
    ['UPDATE', "UPDATE audit_log SET actor = 'x' WHERE id = 2"],
    ['DELETE', 'DELETE FROM audit_log WHERE id = 5'],
    ['rewind the head', 'UPDATE audit_head SET entries = 4'],
    ['delete the head', 'DELETE FROM audit_head'],
  ])('the database refuses %s', (_label, sql) => {
    expect(() => db.exec(sql)).toThrow(/append-only|only grows|permanent/);
    expect(audit.verify()).toEqual({ ok: true, entries: 5 });
  });
});

describe('verify detects tampering and names the first broken entry', () => {
  it.each([
    ['an edited actor', "UPDATE audit_log SET actor = 'staff-2' WHERE id = 3", 3],
    ['an edited time', "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 2", 2],
    ['edited details', `UPDATE audit_log SET details = '{"n":99}' WHERE id = 4`, 4],
    ['a deleted middle entry', 'DELETE FROM audit_log WHERE id = 3', 3],
    ['a deleted first entry', 'DELETE FROM audit_log WHERE id = 1', 1],
    ['a deleted last entry', 'DELETE FROM audit_log WHERE id = 5', 5],
    ['a renumbered entry', 'UPDATE audit_log SET id = 10 WHERE id = 5', 5],
  ])('%s', (_label, sql, firstBrokenId) => {
    tamper(sql);
    const result = audit.verify();
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ firstBrokenId });
  });

  it('a re-hashed edit still breaks the link of the next entry', () => {
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as { at: string; action: string; subject_id: string; details: string; prev_hash: string };
    const forged = entryHash(row.prev_hash, { id: 2, at: row.at, action: row.action, actor: 'staff-9', subjectId: row.subject_id, details: row.details });
    tamper('UPDATE audit_log SET actor = ?, hash = ? WHERE id = 2', 'staff-9', forged);
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('deleting the last entry and rewinding the head count still mismatches the head hash', () => {
    tamper('DELETE FROM audit_log WHERE id = 5');
    db.prepare('UPDATE audit_head SET entries = 4').run();
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 4 });
  });
});

describe('canonicalJson', () => {
  it.each([
    ['sorts keys at every level', { b: 1, a: { d: 2, c: 3 } }, '{"a":{"c":3,"d":2},"b":1}'],
    ['drops undefined', { a: undefined, b: null }, '{"b":null}'],
    ['arrays keep order', [3, 1, 2], '[3,1,2]'],
  ])('%s', (_label, value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });
});
