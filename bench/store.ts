/**
 * The therapist's queue with a large store: seeds `rows` submissions straight through the
 * repository (real sealing and name index, batched into transactions), then times
 *   - queue:list through the real handler (zod, sender check, staff session), first page newest first;
 *   - the same with a name search (blind-index join): a whole last name (~2% of rows match),
 *     and a two-letter prefix as a search box sends it while typing (~10-20% match);
 *   - opening a detail as the therapist's screen does: submission:get (the detail, compared with the
 *     client's earlier visits, plus its audit entry) then submission:pdf, through the real handlers;
 *   - repository.get(id) of a random stored submission (row read + decrypt of every sealed column, PDF included).
 * Names and dates of birth repeat (2,000 people, ~50 visits each over three years), so every
 * detail has earlier visits to compare with, as a regular client's would.
 * Every row carries the same real signed PDF (about 50 KB), so the file has the size a clinic's would.
 * `database` picks the engine: SQLite (default) or PostgreSQL; run.ts runs both side by side.
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { evaluateScreening, type Answers } from '../forms/engine/index.ts';
import { DEFAULT_FORM_ANSWERS, requestOfSummary } from '../core/pdf/test-fixtures.ts';
import { createSignedSummary } from '../core/pdf/index.ts';
import { sqlFor } from '../core/db/port.ts';
import type { NewSubmission } from '../core/submissions/repository.ts';
import { seededRandom } from '../core/tests/seeded-random.ts';
import type { StoreConfig } from '../core/db/open-store.ts';
import { benchCallContext, createBenchCore } from './core-env.ts';
import { summarize, timeRuns, type Summary } from './stats.ts';

const ORIGIN = 'http://bench.invalid';
const BATCH = 5_000;
const PG_BATCH = 50;
const DAY_MS = 86_400_000;

// Invented names, combined 40 x 50 ways: a last-name search matches about 2% of the rows.
const FIRST = ['Ada', 'Bram', 'Cleo', 'Dario', 'Edda', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jude', 'Kira', 'Lior', 'Maud', 'Nils', 'Odile', 'Pia', 'Quin', 'Rosa', 'Soren', 'Tove', 'Ugo', 'Vera', 'Wim', 'Xena', 'Yara', 'Zeno', 'Ana', 'José', 'Zoë', 'Łucja', 'Mara', 'Ines', 'Tomas', 'Ruth', 'Begoña', 'Lu', 'Omar', 'Priya', 'Sven', 'Noor'];
const LAST = ['Abbott', 'Brennan', 'Castro', 'Dahl', 'Eze', 'Fischer', 'García', 'Holm', 'Iqbal', 'Jansen', 'Kowalski', 'Lund', 'Moreau', 'Núñez', 'Okafor', 'Petrov', 'Quinlan', 'Ríos', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhou', 'Abernathy', 'Marchetti', 'Olsen', 'Nguyen', 'Haddad', 'Kaur', 'Novak', 'Rossi', 'Sato', 'Berg', 'Costa', 'Dubois', 'Ortiz', 'Park', 'Reyes', 'Stone', 'Toivonen', 'Vance', 'Wolfe', 'Young', 'Ahn', 'Baker', 'Cruz', 'Diaz'];

export interface StoreBenchOptions {
  readonly rows: number;
  readonly runs: number;
  readonly warmup: number;
  readonly log?: (line: string) => void;
  /** The store to seed and query (absent: SQLite in a temp data directory). */
  readonly database?: StoreConfig;
}

export interface StoreBenchResult {
  readonly rows: number;
  readonly seedMs: number;
  readonly databaseBytes: number;
  readonly listFirstPage: Summary;
  readonly listSearch: Summary;
  readonly searchHits: number;
  readonly listPrefixSearch: Summary;
  readonly listRepositoryOnly: Summary;
  readonly openDetail: Summary;
  /** Earlier visits of the opened clients, median (each detail compares with up to five). */
  readonly earlierVisitsMedian: number;
  readonly getDetail: Summary;
}

export async function runStoreBench(options: StoreBenchOptions): Promise<StoreBenchResult> {
  const log = options.log ?? (() => {});
  const env = await createBenchCore([ORIGIN], undefined, options.database);
  try {
    const { deps, handlers } = env.core;
    const now = new Date();
    const flags = evaluateScreening(DEFAULT_INTAKE_FORM, DEFAULT_FORM_ANSWERS, now);
    const seedInput = { form: DEFAULT_INTAKE_FORM, answers: DEFAULT_FORM_ANSWERS, flags, language: 'en', submissionId: 'seed', createdAt: now, clinicName: 'Bench Clinic', clinicAddress: '' };
    const summary = await createSignedSummary(seedInput, await deps.signingIdentity(), deps.clock, requestOfSummary(seedInput));
    const random = seededRandom(42);
    // Names drawn up front, so row i is the same person whatever order the batches finish in.
    const people = Array.from({ length: options.rows }, () => [FIRST[Math.floor(random() * FIRST.length)] ?? 'Ada', LAST[Math.floor(random() * LAST.length)] ?? 'Abbott'] as const);
    const ids: string[] = [];
    const seedStart = performance.now();
    // PostgreSQL: two batches in flight, so sealing in this process overlaps the server's writes
    // (SQLite has one writer: one batch at a time).
    // PostgreSQL batches stay under 64 rows: each insert is a savepoint, and a transaction with more
    // than 64 subtransactions overflows PostgreSQL's per-backend cache and slows every snapshot.
    const inFlight = deps.store.dialect === 'postgres' ? 2 : 1;
    const batch = deps.store.dialect === 'postgres' ? PG_BATCH : BATCH;
    const seedBatch = async (done: number) => {
      // A transaction may run again (PostgreSQL serialization retry): ids are kept only once it committed.
      let batchIds: string[] = [];
      await deps.store.transaction(async () => {
        batchIds = [];
        for (let i = done; i < Math.min(options.rows, done + batch); i++) {
          const [first, last] = people[i] ?? ['Ada', 'Abbott'];
          // Spread over about three years, oldest first, one every ~15 minutes of opening time.
          const createdAt = new Date(now.getTime() - (options.rows - i) * ((3 * 365 * DAY_MS) / options.rows));
          const answers: Answers = { ...DEFAULT_FORM_ANSWERS, first_name: first, last_name: last };
          const id = crypto.randomUUID();
          batchIds.push(id);
          const row: NewSubmission = {
            id,
            createdAt: createdAt.toISOString(),
            startedAt: new Date(createdAt.getTime() - 6 * 60_000).toISOString(),
            formId: DEFAULT_INTAKE_FORM.id,
            formVersion: DEFAULT_INTAKE_FORM.version,
            language: 'en',
            clientName: `${first} ${last}`,
            dateOfBirth: '1975-03-14',
            answers,
            flags,
            pdf: summary.pdf,
            pdfSha256: summary.sha256,
            signedAt: summary.signedAt,
          };
          await deps.submissions.insert(row);
        }
      });
      ids.push(...batchIds);
    };
    for (let done = 0; done < options.rows; done += batch * inFlight) {
      const starts = Array.from({ length: inFlight }, (_, k) => done + k * batch).filter((start) => start < options.rows);
      await Promise.all(starts.map(seedBatch));
      const seeded = Math.min(options.rows, done + batch * inFlight);
      if (Math.floor(seeded / 20_000) > Math.floor(done / 20_000)) log(`  ${deps.store.dialect}: seeded ${seeded.toLocaleString('en')} rows`);
    }
    const seedMs = performance.now() - seedStart;
    await deps.store.query(sqlFor(deps.store, { sqlite: 'PRAGMA wal_checkpoint(TRUNCATE)', postgres: 'SELECT 1' }));
    const pages = (await deps.store.one<{ bytes: number }>(
      sqlFor(deps.store, { sqlite: 'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()', postgres: 'SELECT pg_database_size(current_database()) AS bytes' }),
    )) ?? { bytes: 0 };
    const databaseBytes = Number(pages.bytes);

    const ctx = benchCallContext(ORIGIN);
    await deps.staff.setupFirstAdmin('Bench Admin', '482916', ctx.caller.id);
    const listVia = async (payload: Readonly<Record<string, unknown>>) => {
      const result = await handlers['queue:list'](payload, ctx);
      if (!result.ok) throw new Error(`queue:list failed: ${result.error.code}`);
      return result.value.items;
    };
    const firstPage = await listVia({});
    if (firstPage.length === 0 || (firstPage[0]?.createdAt ?? '') < (firstPage[firstPage.length - 1]?.createdAt ?? '')) {
      throw new Error('queue:list did not return the newest submissions first');
    }
    const searchHits = (await listVia({ search: 'quinlan' })).length;
    if (searchHits === 0) throw new Error('the name search found nothing');

    const { runs, warmup } = options;
    const listFirstPage = summarize(await timeRuns(runs, warmup, () => listVia({})));
    const listSearch = summarize(await timeRuns(runs, warmup, (i) => listVia({ search: LAST[i % LAST.length] ?? 'Quinlan' })));
    const listPrefixSearch = summarize(await timeRuns(Math.min(runs, 20), 2, (i) => listVia({ search: (LAST[(i * 7) % LAST.length] ?? 'Ma').slice(0, 2) })));
    const listRepositoryOnly = summarize(await timeRuns(runs, warmup, () => deps.submissions.list({ status: 'all', limit: 100 })));
    const earlierVisits: number[] = [];
    const openDetail = summarize(
      await timeRuns(runs, warmup, async () => {
        const submissionId = ids[Math.floor(random() * ids.length)] ?? '';
        const detail = await handlers['submission:get']({ submissionId }, ctx);
        if (!detail.ok) throw new Error(`submission:get failed: ${detail.error.code}`);
        earlierVisits.push(detail.value.changes?.earlierVisits ?? 0);
        const pdf = await handlers['submission:pdf']({ submissionId }, ctx);
        if (!pdf.ok) throw new Error(`submission:pdf failed: ${pdf.error.code}`);
      }),
    );
    const getDetail = summarize(
      await timeRuns(runs, warmup, async () => {
        const id = ids[Math.floor(random() * ids.length)] ?? '';
        if ((await deps.submissions.get(id)) === null) throw new Error('a seeded submission is missing');
      }),
    );
    return { rows: options.rows, seedMs, databaseBytes, listFirstPage, listSearch, searchHits, listPrefixSearch, listRepositoryOnly, openDetail, earlierVisitsMedian: summarize(earlierVisits).median, getDetail };
  } finally {
    await env.dispose();
  }
}

if (import.meta.main) {
  const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 100_000);
  const r = await runStoreBench({ rows, runs: 50, warmup: 5, log: console.log });
  console.log(JSON.stringify(r, null, 2));
}
