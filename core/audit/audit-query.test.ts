/**
 * The audit log read with filters on both engines: kind, who, period, paging; and client
 * names opened from the sealed column for the subjects still on the kiosk.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_GROUPS } from '../../api/contract.ts';
import { vaultMigrations, type Vault } from '../crypto/vault.ts';
import { ENGINES, type OpenedStore } from '../db/testing/engines.ts';
import { submissionSealedColumns } from '../submissions/repository.ts';
import { openTestVault, tempDir } from '../tests/helpers.ts';
import { AUDIT_GROUP_ACTIONS, createAuditQuery, subjectKindOf } from './audit-query.ts';
import { AUDIT_ACTIONS } from './log.ts';

// The columns the query reads, as log.ts and the submission repository create them.
const SCHEMA = {
  id: 'audit-query-test-schema',
  sqlite: `CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, subject_id TEXT, details TEXT NOT NULL);
           CREATE TABLE submissions (id TEXT PRIMARY KEY, client_name BLOB NOT NULL);`,
  postgres: `CREATE TABLE audit_log (id BIGINT PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, subject_id TEXT, details TEXT NOT NULL);
             CREATE TABLE submissions (id TEXT PRIMARY KEY, client_name BYTEA NOT NULL);`,
};
const ANA = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const ROWS = [
  [1, '2026-03-18T09:00:00.000Z', 'staff.added', 'dana', 'dana', '{"firstRun":true}'],
  [2, '2026-03-19T09:00:00.000Z', 'submission.created', 'kiosk-client', ANA, '{}'],
  [3, '2026-03-19T10:00:00.000Z', 'staff.login', 'dana', null, '{}'],
  [4, '2026-03-19T10:01:00.000Z', 'submission.viewed', 'dana', ANA, '{"earlierVisits":0}'],
  [5, '2026-03-20T08:00:00.000Z', 'submission.viewed', 'sam', GONE, '{}'],
  [6, '2026-03-20T09:00:00.000Z', 'submission.purged', 'system', null, '{"count":1}'],
] as const;

let vault: Vault;
let keyDir = '';
let cleanupKeys = () => {};
beforeAll(() => {
  ({ dir: keyDir, cleanup: cleanupKeys } = tempDir('kiosk-audit-query-'));
});
afterAll(() => cleanupKeys());

describe('the filter groups', () => {
  it('put every audit action in exactly one group', () => {
    const grouped = AUDIT_GROUPS.flatMap((g) => AUDIT_GROUP_ACTIONS[g]);
    expect([...grouped].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each([
    ['submission.viewed', 'submission'],
    ['submission.purged', null],
    ['staff.changed', 'staff'],
    ['staff.login', null],
    ['form.published', 'form'],
    ['audit.verified', null],
  ] as const)('%s names a %s', (action, kind) => {
    expect(subjectKindOf(action)).toBe(kind);
  });
});

describe.each(ENGINES)('audit query on $dialect', (engine) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });

  async function fresh() {
    opened = await engine.open();
    await opened.store.migrate([SCHEMA, ...vaultMigrations]);
    vault = await openTestVault(opened.store, keyDir);
    for (const row of ROWS) await opened.store.exec('INSERT INTO audit_log (id, at, action, actor, subject_id, details) VALUES (?, ?, ?, ?, ?, ?)', [...row]);
    const aad = submissionSealedColumns.find((c) => c.column === 'client_name')!.aad;
    await opened.store.exec('INSERT INTO submissions (id, client_name) VALUES (?, ?)', [ANA, (await vault.sealerIn(opened.store)).seal('Ana García', aad(ANA))]);
    return createAuditQuery(opened.store, vault);
  }

  it.skipIf(!engine.isAvailable)('filters by kind, who and period, newest first, and pages by id', async () => {
    const query = await fresh();
    const ids = async (f: Parameters<typeof query.list>[0]) => (await query.list(f)).map((e) => e.id);
    expect(await ids({ limit: 50 })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await ids({ limit: 2 })).toEqual([6, 5]);
    expect(await ids({ limit: 2, beforeId: 5 })).toEqual([4, 3]);
    expect(await ids({ limit: 50, actions: AUDIT_GROUP_ACTIONS.records })).toEqual([5, 4, 2]);
    expect(await ids({ limit: 50, actions: AUDIT_GROUP_ACTIONS.system })).toEqual([6]);
    expect(await ids({ limit: 50, actions: [] })).toEqual([]);
    expect(await ids({ limit: 50, actor: 'dana' })).toEqual([4, 3, 1]);
    expect(await ids({ limit: 50, actor: 'kiosk-client' })).toEqual([2]);
    expect(await ids({ limit: 50, since: '2026-03-19T00:00:00.000Z', before: '2026-03-20T00:00:00.000Z' })).toEqual([4, 3, 2]);
    expect(await ids({ limit: 50, actor: 'dana', actions: AUDIT_GROUP_ACTIONS.records, since: '2026-03-19T10:00:00.000Z' })).toEqual([4]);
    const [viewed] = await query.list({ limit: 1, beforeId: 5 });
    expect(viewed).toEqual({ id: 4, at: '2026-03-19T10:01:00.000Z', action: 'submission.viewed', actor: 'dana', subjectId: ANA, details: { earlierVisits: 0 } });
  });

  it.skipIf(!engine.isAvailable)('names the clients still on the kiosk; a purged one has no name', async () => {
    const query = await fresh();
    const names = await query.clientNames([ANA, GONE, ANA]);
    expect([...names]).toEqual([[ANA, 'Ana García']]);
    expect((await query.clientNames([])).size).toBe(0);
  });
});
