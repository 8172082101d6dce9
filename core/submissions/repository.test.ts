import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSubmissionRepository, EARLIER_VISITS_SQL, queueListSql, type QueueQuery, type SubmissionRepository } from './repository.ts';
import { nameTokens, queryTokens } from './name-index.ts';
import { DATA_LAYER_MIGRATIONS } from '../tests/helpers.ts';
import { flag, ManualClock, openTestStore, sampleSubmission, tempDir, type TestStore } from '../tests/helpers.ts';

let store: TestStore;
let repo: SubmissionRepository;
let clock: ManualClock;
let cleanup = () => {};

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = await openTestStore(t.dir);
  clock = new ManualClock('2025-03-12T10:00:00.000Z');
  repo = createSubmissionRepository(store.store, store.vault, clock);
});
afterEach(async () => {
  store.db.close();
  cleanup();
});

describe('insert and get', () => {
  it('stores and returns everything exactly, status new', async () => {
    const s = sampleSubmission({ formSettings: { ageOfConsent: 16 } });
    expect(await repo.insert(s)).toEqual({ inserted: true });
    expect(await repo.get(s.id)).toEqual({ ...s, status: 'new', acknowledgedAt: null, acknowledgedBy: null });
    expect(await repo.count()).toBe(1);
  });

  it('reads a record stored without the visit’s form settings (before they were kept) as not kept', async () => {
    const s = sampleSubmission();
    await repo.insert(s);
    expect((await repo.get(s.id))?.formSettings).toBeNull();
  });

  it('is idempotent by id: a retry writes nothing and keeps the first version', async () => {
    const s = sampleSubmission();
    await repo.insert(s);
    expect(await repo.insert({ ...s, clientName: 'Someone Else' })).toEqual({ inserted: false });
    expect(await repo.count()).toBe(1);
    expect((await repo.get(s.id))?.clientName).toBe(s.clientName);
  });

  it('returns null for an unknown id', async () => {
    expect(await repo.get('nope')).toBeNull();
  });

  it('keeps only non-identifying columns in clear', async () => {
    const s = sampleSubmission({ clientName: 'Xavier Quigley', flags: [flag('stop', 'fever'), flag('modify', 'a'), flag('modify', 'b')] });
    await repo.insert(s);
    const row = store.db.prepare('SELECT * FROM submissions').get() as Record<string, unknown>;
    const clear = Object.entries(row).filter(([, v]) => !(v instanceof Uint8Array) && v !== null).map(([k]) => k).sort();
    expect(clear).toEqual(['created_at', 'form_id', 'form_version', 'id', 'sev_clearance', 'sev_info', 'sev_modify', 'sev_stop', 'started_at', 'status'].sort());
    expect(row).toMatchObject({ sev_stop: 1, sev_modify: 2, sev_clearance: 0, sev_info: 0 });
  });

  it('detects a sealed value swapped between two rows', async () => {
    const a = sampleSubmission({ clientName: 'Alice Abbot' });
    const b = sampleSubmission({ clientName: 'Bob Brown' });
    await repo.insert(a);
    await repo.insert(b);
    const bName = (store.db.prepare('SELECT client_name FROM submissions WHERE id = ?').get(b.id) as { client_name: Uint8Array }).client_name;
    store.db.prepare('UPDATE submissions SET client_name = ? WHERE id = ?').run(bName, a.id);
    await expect((async () => repo.get(a.id))()).rejects.toThrow();
  });
});

describe('list', () => {
  async function seed() {
    const rows = [
      sampleSubmission({ clientName: 'María José Núñez', createdAt: '2025-03-10T09:00:00.000Z' }),
      sampleSubmission({ clientName: 'Mario Rossi', createdAt: '2025-03-11T09:00:00.000Z', flags: [flag('stop', 'dvt')] }),
      sampleSubmission({ clientName: 'Li Wei', createdAt: '2025-03-12T09:00:00.000Z' }),
    ];
    for (const r of rows) (await repo.insert(r));
    return rows;
  }

  it.each([
    ['all, newest first', { status: 'all' as const, limit: 10 }, ['Li Wei', 'Mario Rossi', 'María José Núñez']],
    ['limit', { status: 'all' as const, limit: 1 }, ['Li Wei']],
    ['since an instant (inclusive)', { status: 'all' as const, since: '2025-03-11T09:00:00.000Z', limit: 10 }, ['Li Wei', 'Mario Rossi']],
    ['before an instant (exclusive)', { status: 'all' as const, before: '2025-03-12T09:00:00.000Z', limit: 10 }, ['Mario Rossi', 'María José Núñez']],
    ['a local day that spans two UTC dates (UTC-8)', { status: 'all' as const, since: '2025-03-10T08:00:00.000Z', before: '2025-03-11T08:00:00.000Z', limit: 10 }, ['María José Núñez']],
    ['instants without milliseconds or with an offset', { status: 'all' as const, since: '2025-03-11T10:00:00+01:00', before: '2025-03-12T09:00:00Z', limit: 10 }, ['Mario Rossi']],
    ['search by prefix ignores accents and case', { status: 'all' as const, search: 'MARI', limit: 10 }, ['Mario Rossi', 'María José Núñez']],
    ['search by two words', { status: 'all' as const, search: 'maria nunez', limit: 10 }, ['María José Núñez']],
    ['search by a later name part', { status: 'all' as const, search: 'Wei', limit: 10 }, ['Li Wei']],
    ['search with no match', { status: 'all' as const, search: 'zed', limit: 10 }, []],
    ['search of punctuation only matches nothing', { status: 'all' as const, search: '%_*', limit: 10 }, []],
    ['blank search is no filter', { status: 'all' as const, search: '  ', limit: 10 }, ['Li Wei', 'Mario Rossi', 'María José Núñez']],
    ['search within a period', { status: 'all' as const, search: 'mari', since: '2025-03-11T00:00:00.000Z', before: '2025-03-12T00:00:00.000Z', limit: 10 }, ['Mario Rossi']],
    ['search with a limit keeps the newest', { status: 'all' as const, search: 'mari', limit: 1 }, ['Mario Rossi']],
    ['search by two words in either order', { status: 'all' as const, search: 'nunez jose', limit: 10 }, ['María José Núñez']],
    ['search by two words of different people matches nobody', { status: 'all' as const, search: 'mario wei', limit: 10 }, []],
  ])('%s', async (_label, query, names) => {
    await seed();
    expect((await repo.list(query)).map((i) => i.clientName)).toEqual(names);
  });

  it('filters by status and reports severity counts', async () => {
    const [, mario] = await seed();
    expect(await repo.acknowledge(mario!.id, 'staff-1')).toBe(true);
    const acked = await repo.list({ status: 'acknowledged', limit: 10 });
    expect(acked).toEqual([
      { submissionId: mario!.id, createdAt: mario!.createdAt, clientName: 'Mario Rossi', formId: mario!.formId, formVersion: mario!.formVersion, status: 'acknowledged', severities: { stop: 1, clearance: 0, modify: 0, info: 0 } },
    ]);
    expect((await repo.list({ status: 'new', limit: 10 })).map((i) => i.clientName)).toEqual(['Li Wei', 'María José Núñez']);
  });
});

describe('list with many matches', () => {
  it('returns the newest page of a common last name, ties broken by id, with status filter', async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      sampleSubmission({ clientName: `Client${i} Quinlan`, createdAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2), 9)).toISOString() }),
    );
    rows.push(sampleSubmission({ clientName: 'Other Person', createdAt: '2025-12-31T09:00:00.000Z' }));
    for (const r of rows) (await repo.insert(r));
    for (const r of rows.slice(30, 34)) (await repo.acknowledge(r.id, 'staff-1'));
    const newest = (list: typeof rows) =>
      list
        .filter((r) => r.clientName.endsWith('Quinlan'))
        .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
        .slice(0, 5)
        .map((r) => r.id);
    expect((await repo.list({ status: 'all', search: 'quinlan', limit: 5 })).map((i) => i.submissionId)).toEqual(newest(rows));
    const acked = new Set(rows.slice(30, 34).map((r) => r.id));
    expect((await repo.list({ status: 'new', search: 'quin', limit: 5 })).map((i) => i.submissionId)).toEqual(newest(rows.filter((r) => !acked.has(r.id))));
  });

  // A page must not need every match sorted first: a common last name is thousands of rows.
  it.each<[string, QueueQuery]>([
    ['no filter', { status: 'all', limit: 100 }],
    ['status and period', { status: 'new', since: '2025-01-01T00:00:00.000Z', before: '2025-02-01T00:00:00.000Z', limit: 100 }],
    ['one word', { status: 'all', search: 'quinlan', limit: 100 }],
    ['two words, status and period', { status: 'new', search: 'mara quinlan', since: '2025-01-01T00:00:00.000Z', before: '2025-02-01T00:00:00.000Z', limit: 100 }],
  ])('reads in index order without sorting: %s', async (_label, query) => {
    const { sql, params } = queueListSql(query, query.search ? queryTokens(store.vault, query.search) : []);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('keeps name search working for rows stored before the index carried creation times', async () => {
    const rows = [
      sampleSubmission({ clientName: 'María José Núñez', createdAt: '2025-03-10T09:00:00.000Z' }),
      sampleSubmission({ clientName: 'Mario Rossi', createdAt: '2025-03-11T09:00:00.000Z' }),
    ];
    for (const r of rows) (await repo.insert(r));
    // Put the name index back in its first shape (no created_at), as a kiosk upgraded from it has.
    store.db.exec(`CREATE TABLE old_tokens (token BLOB NOT NULL, submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE, PRIMARY KEY (token, submission_id)) STRICT, WITHOUT ROWID;
      INSERT INTO old_tokens SELECT token, submission_id FROM submission_name_tokens;
      DROP TABLE submission_name_tokens;
      ALTER TABLE old_tokens RENAME TO submission_name_tokens;
      CREATE INDEX submission_name_tokens_by_submission ON submission_name_tokens (submission_id);
      DROP INDEX submissions_created;
      CREATE INDEX submissions_created ON submissions (created_at);
      DELETE FROM schema_migrations WHERE id = 'submissions-002';`);
    await store.store.migrate(DATA_LAYER_MIGRATIONS);
    expect((await repo.list({ status: 'all', search: 'mari', limit: 10 })).map((i) => i.clientName)).toEqual(['Mario Rossi', 'María José Núñez']);
    const columns = (store.db.prepare('SELECT name FROM pragma_table_info(?)').all('submission_name_tokens') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['token', 'created_at', 'submission_id']);
  });
});

describe('acknowledge', () => {
  it('records who and when, once', async () => {
    const s = sampleSubmission();
    await repo.insert(s);
    expect(await repo.acknowledge(s.id, 'staff-7')).toBe(true);
    clock.advance(60_000);
    expect(await repo.acknowledge(s.id, 'staff-8')).toBe(false);
    expect(await repo.get(s.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'staff-7', acknowledgedAt: '2025-03-12T10:00:00.000Z' });
    expect(await repo.acknowledge('missing', 'staff-7')).toBe(false);
  });
});

describe('findEarlier', () => {
  it('finds earlier visits of the same person despite case and accents, not others', async () => {
    const first = sampleSubmission({ clientName: 'José Pérez', dateOfBirth: '1970-01-01', createdAt: '2025-01-01T09:00:00.000Z' });
    const second = sampleSubmission({ clientName: 'jose perez', dateOfBirth: '1970-01-01', createdAt: '2025-02-01T09:00:00.000Z' });
    const namesake = sampleSubmission({ clientName: 'José Pérez', dateOfBirth: '1980-05-05', createdAt: '2025-01-15T09:00:00.000Z' });
    for (const s of [first, second, namesake]) (await repo.insert(s));
    expect((await repo.findEarlier('JOSE PEREZ', '1970-01-01', '2025-03-01T00:00:00.000Z', 5)).visits.map((s) => s.id)).toEqual([second.id, first.id]);
    expect((await repo.findEarlier('José Pérez', '1970-01-01', '2025-02-01T09:00:00.000Z', 5)).visits.map((s) => s.id)).toEqual([first.id]);
  });

  it('a regular: the newest visits up to the limit, with answers and flags opened, and the count of all', async () => {
    const visits = Array.from({ length: 12 }, (_, i) =>
      sampleSubmission({ clientName: 'Ruth Abernathy', dateOfBirth: '1975-01-15', createdAt: `2025-01-${String(i + 1).padStart(2, '0')}T09:00:00.000Z` }),
    );
    for (const s of visits) (await repo.insert(s));
    const found = await repo.findEarlier('Ruth Abernathy', '1975-01-15', '2025-01-12T09:00:00.000Z', 3);
    expect(found.total).toBe(11);
    expect(found.visits.map((v) => v.createdAt)).toEqual(['2025-01-11T09:00:00.000Z', '2025-01-10T09:00:00.000Z', '2025-01-09T09:00:00.000Z']);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${EARLIER_VISITS_SQL}`).all(new Uint8Array(32), '2025-01-12', 3) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING INDEX submissions_identity/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(found.visits[0]).toEqual({ id: visits[10]?.id, createdAt: '2025-01-11T09:00:00.000Z', formId: visits[10]?.formId, formVersion: visits[10]?.formVersion, answers: visits[10]?.answers, flags: visits[10]?.flags });
  });
});

describe('nameTokens', () => {
  it.each([
    ['accents and hyphen', 'José-María', ['jose', 'maria']],
    ['extra spaces and case', '  Li   WEI ', ['li', 'wei']],
    ['apostrophe', "O'Brien", ['o', 'brien']],
    ['non-Latin', 'Дмитрий Ёлкин', ['дмитрии', 'елкин']],
  ])('%s', async (_label, input, tokens) => {
    expect(nameTokens(input)).toEqual(tokens);
  });
});
