/**
 * The acknowledgement outcome repository on both engines: written once, the note sealed,
 * read back, listed for the queue, gone with its submission.
 */
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { vaultMigrations, type Vault } from '../crypto/vault.ts';
import { ENGINES, type OpenedStore } from '../db/testing/engines.ts';
import { openTestVault, tempDir } from '../tests/helpers.ts';
import { createOutcomeRepository, outcomeDialectMigrations } from './outcomes.ts';

// The outcome table references submissions; a one-column stand-in is enough here.
const SUBMISSIONS_STUB = { id: 'test-submissions-stub', sqlite: 'CREATE TABLE submissions (id TEXT PRIMARY KEY);', postgres: 'CREATE TABLE submissions (id TEXT PRIMARY KEY);' };
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const AT = new Date('2026-03-20T10:00:00.000Z');

let vault: Vault;
let keyDir = '';
let cleanupKeys = () => {};
beforeAll(() => {
  ({ dir: keyDir, cleanup: cleanupKeys } = tempDir('kiosk-outcomes-'));
});
afterAll(() => cleanupKeys());

describe.each(ENGINES)('acknowledgement outcomes on $dialect', (engine) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });

  async function fresh() {
    opened = await engine.open();
    await opened.store.migrate([SUBMISSIONS_STUB, ...outcomeDialectMigrations, ...vaultMigrations]);
    vault = await openTestVault(opened.store, keyDir);
    for (const id of [A, B, C]) await opened.store.exec('INSERT INTO submissions (id) VALUES (?)', [id]);
    return { store: opened.store, repo: createOutcomeRepository(opened.store, vault) };
  }

  it.skipIf(!engine.isAvailable)('records once, reads back the note, lists the codes for the queue', async () => {
    const { store, repo } = await fresh();
    expect(await repo.record(A, { code: 'other', note: 'Sent to urgent care' }, 'staff-1', AT)).toBe(true);
    expect(await repo.record(B, { code: 'rebooked', note: null }, 'staff-1', AT)).toBe(true);
    // Written once: a second acknowledgement cannot change what was recorded.
    expect(await repo.record(A, { code: 'rebooked', note: null }, 'staff-2', AT)).toBe(false);
    expect(await repo.get(A)).toEqual({ code: 'other', note: 'Sent to urgent care' });
    expect(await repo.get(B)).toEqual({ code: 'rebooked', note: null });
    expect(await repo.get(C)).toBeNull();
    expect([...(await repo.codesFor([A, B, C]))]).toEqual(expect.arrayContaining([[A, 'other'], [B, 'rebooked']]));
    expect((await repo.codesFor([A, B, C])).size).toBe(2);
    expect((await repo.codesFor([])).size).toBe(0);
    const raw = await store.one<{ note: Uint8Array }>('SELECT note FROM acknowledgement_outcomes WHERE submission_id = ?', [A]);
    expect(Buffer.from(raw!.note).toString('latin1')).not.toContain('urgent');
  });

  it.skipIf(!engine.isAvailable)('refuses a code the kiosk does not know and goes with its submission', async () => {
    const { store, repo } = await fresh();
    await expect(store.exec("INSERT INTO acknowledgement_outcomes (submission_id, outcome, recorded_at, recorded_by) VALUES (?, 'treated_anyway', 'x', 'y')", [C])).rejects.toThrow();
    await repo.record(C, { code: 'clearance_seen', note: null }, 'staff-1', AT);
    await store.exec('DELETE FROM submissions WHERE id = ?', [C]);
    expect(await repo.get(C)).toBeNull();
  });

  it.skipIf(!engine.isAvailable)('a note moved to another submission does not open', async () => {
    const { store, repo } = await fresh();
    await repo.record(A, { code: 'other', note: 'Private' }, 'staff-1', AT);
    await repo.record(B, { code: 'other', note: 'Other' }, 'staff-1', AT);
    await store.exec('UPDATE acknowledgement_outcomes SET note = (SELECT note FROM acknowledgement_outcomes WHERE submission_id = ?) WHERE submission_id = ?', [A, B]);
    await expect(repo.get(B)).rejects.toThrow();
  });
});
