import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSubmissionRepository, type SubmissionRepository } from './repository.ts';
import { nameTokens } from './name-index.ts';
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
  repo = createSubmissionRepository(store.db, store.vault, clock);
});
afterEach(() => {
  store.db.close();
  cleanup();
});

describe('insert and get', () => {
  it('stores and returns everything exactly, status new', () => {
    const s = sampleSubmission();
    expect(repo.insert(s)).toEqual({ inserted: true });
    expect(repo.get(s.id)).toEqual({ ...s, status: 'new', acknowledgedAt: null, acknowledgedBy: null });
    expect(repo.count()).toBe(1);
  });

  it('is idempotent by id: a retry writes nothing and keeps the first version', () => {
    const s = sampleSubmission();
    repo.insert(s);
    expect(repo.insert({ ...s, clientName: 'Someone Else' })).toEqual({ inserted: false });
    expect(repo.count()).toBe(1);
    expect(repo.get(s.id)?.clientName).toBe(s.clientName);
  });

  it('returns null for an unknown id', () => {
    expect(repo.get('nope')).toBeNull();
  });

  it('keeps only non-identifying columns in clear', () => {
    const s = sampleSubmission({ clientName: 'Xavier Quigley', flags: [flag('stop', 'fever'), flag('modify', 'a'), flag('modify', 'b')] });
    repo.insert(s);
    const row = store.db.prepare('SELECT * FROM submissions').get() as Record<string, unknown>;
    const clear = Object.entries(row).filter(([, v]) => !(v instanceof Uint8Array) && v !== null).map(([k]) => k).sort();
    expect(clear).toEqual(['created_at', 'form_id', 'form_version', 'id', 'sev_clearance', 'sev_info', 'sev_modify', 'sev_stop', 'started_at', 'status'].sort());
    expect(row).toMatchObject({ sev_stop: 1, sev_modify: 2, sev_clearance: 0, sev_info: 0 });
  });

  it('detects a sealed value swapped between two rows', () => {
    const a = sampleSubmission({ clientName: 'Alice Abbot' });
    const b = sampleSubmission({ clientName: 'Bob Brown' });
    repo.insert(a);
    repo.insert(b);
    const bName = (store.db.prepare('SELECT client_name FROM submissions WHERE id = ?').get(b.id) as { client_name: Uint8Array }).client_name;
    store.db.prepare('UPDATE submissions SET client_name = ? WHERE id = ?').run(bName, a.id);
    expect(() => repo.get(a.id)).toThrow();
  });
});

describe('list', () => {
  function seed() {
    const rows = [
      sampleSubmission({ clientName: 'María José Núñez', createdAt: '2025-03-10T09:00:00.000Z' }),
      sampleSubmission({ clientName: 'Mario Rossi', createdAt: '2025-03-11T09:00:00.000Z', flags: [flag('stop', 'dvt')] }),
      sampleSubmission({ clientName: 'Li Wei', createdAt: '2025-03-12T09:00:00.000Z' }),
    ];
    for (const r of rows) repo.insert(r);
    return rows;
  }

  it.each([
    ['all, newest first', { status: 'all' as const, limit: 10 }, ['Li Wei', 'Mario Rossi', 'María José Núñez']],
    ['limit', { status: 'all' as const, limit: 1 }, ['Li Wei']],
    ['from a date', { status: 'all' as const, from: '2025-03-11', limit: 10 }, ['Li Wei', 'Mario Rossi']],
    ['to a date (inclusive)', { status: 'all' as const, to: '2025-03-11', limit: 10 }, ['Mario Rossi', 'María José Núñez']],
    ['search by prefix ignores accents and case', { status: 'all' as const, search: 'MARI', limit: 10 }, ['Mario Rossi', 'María José Núñez']],
    ['search by two words', { status: 'all' as const, search: 'maria nunez', limit: 10 }, ['María José Núñez']],
    ['search by a later name part', { status: 'all' as const, search: 'Wei', limit: 10 }, ['Li Wei']],
    ['search with no match', { status: 'all' as const, search: 'zed', limit: 10 }, []],
    ['search of punctuation only matches nothing', { status: 'all' as const, search: '%_*', limit: 10 }, []],
    ['blank search is no filter', { status: 'all' as const, search: '  ', limit: 10 }, ['Li Wei', 'Mario Rossi', 'María José Núñez']],
  ])('%s', (_label, query, names) => {
    seed();
    expect(repo.list(query).map((i) => i.clientName)).toEqual(names);
  });

  it('filters by status and reports severity counts', () => {
    const [, mario] = seed();
    expect(repo.acknowledge(mario!.id, 'staff-1')).toBe(true);
    const acked = repo.list({ status: 'acknowledged', limit: 10 });
    expect(acked).toEqual([
      { submissionId: mario!.id, createdAt: mario!.createdAt, clientName: 'Mario Rossi', formId: mario!.formId, formVersion: mario!.formVersion, status: 'acknowledged', severities: { stop: 1, clearance: 0, modify: 0, info: 0 } },
    ]);
    expect(repo.list({ status: 'new', limit: 10 }).map((i) => i.clientName)).toEqual(['Li Wei', 'María José Núñez']);
  });
});

describe('acknowledge', () => {
  it('records who and when, once', () => {
    const s = sampleSubmission();
    repo.insert(s);
    expect(repo.acknowledge(s.id, 'staff-7')).toBe(true);
    clock.advance(60_000);
    expect(repo.acknowledge(s.id, 'staff-8')).toBe(false);
    expect(repo.get(s.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'staff-7', acknowledgedAt: '2025-03-12T10:00:00.000Z' });
    expect(repo.acknowledge('missing', 'staff-7')).toBe(false);
  });
});

describe('findEarlier', () => {
  it('finds earlier visits of the same person despite case and accents, not others', () => {
    const first = sampleSubmission({ clientName: 'José Pérez', dateOfBirth: '1970-01-01', createdAt: '2025-01-01T09:00:00.000Z' });
    const second = sampleSubmission({ clientName: 'jose perez', dateOfBirth: '1970-01-01', createdAt: '2025-02-01T09:00:00.000Z' });
    const namesake = sampleSubmission({ clientName: 'José Pérez', dateOfBirth: '1980-05-05', createdAt: '2025-01-15T09:00:00.000Z' });
    for (const s of [first, second, namesake]) repo.insert(s);
    expect(repo.findEarlier('JOSE PEREZ', '1970-01-01', '2025-03-01T00:00:00.000Z').map((s) => s.id)).toEqual([second.id, first.id]);
    expect(repo.findEarlier('José Pérez', '1970-01-01', '2025-02-01T09:00:00.000Z').map((s) => s.id)).toEqual([first.id]);
  });
});

describe('nameTokens', () => {
  it.each([
    ['accents and hyphen', 'José-María', ['jose', 'maria']],
    ['extra spaces and case', '  Li   WEI ', ['li', 'wei']],
    ['apostrophe', "O'Brien", ['o', 'brien']],
    ['non-Latin', 'Дмитрий Ёлкин', ['дмитрии', 'елкин']],
  ])('%s', (_label, input, tokens) => {
    expect(nameTokens(input)).toEqual(tokens);
  });
});
