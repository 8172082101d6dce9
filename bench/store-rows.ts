/** Table rows of the store and concurrency sections (run.ts prints one engine after the other). */
import { timingRow, type Row } from './report.ts';
import type { StoreBenchResult } from './store.ts';
import type { WriterTally } from './writer-tally.ts';

export function storeRows(s: StoreBenchResult, engine: string): Row[] {
  const queue = { on: 'p95', belowMs: 50 } as const;
  const n = s.rows.toLocaleString('en');
  const area = `store ${engine}`;
  return [
    { area, measure: `seed ${n} submissions (repository.insert, ${(s.databaseBytes / 1e9).toFixed(1)} GB on disk)`, n: '1', median: `${(s.seedMs / 1000).toFixed(1)} s`, p95: '', target: '', result: '' },
    timingRow(area, `queue:list first page of 100, newest first (${n} rows)`, s.listFirstPage, queue),
    timingRow(area, `queue:list last-name search (${n} rows, ${s.searchHits === 100 ? 'a full first page' : `${s.searchHits}`} of hits)`, s.listSearch, queue),
    timingRow(area, `queue:list two-letter prefix search (${n} rows)`, s.listPrefixSearch, queue),
    timingRow(area, '  repository.list only (no zod, no session)', s.listRepositoryOnly),
    timingRow(area, `open a detail: submission:get + submission:pdf (${s.earlierVisitsMedian} earlier visits, median)`, s.openDetail, queue),
    timingRow(area, '  repository.get + decrypt only (PDF included)', s.getDetail),
  ];
}

/** The concurrency section's rows for one engine (bench/writers.ts). */
export function writerRows(t: WriterTally, label: string): Row[] {
  const area = 'concurrency';
  const codes = Object.entries(t.errorCodes).map(([code, n]) => `${code} x${n}`).join(', ');
  return [
    { area, measure: `${label}: ${t.attempted.toLocaleString('en')} intakes, intakes/s`, n: String(t.acknowledged), median: `${t.perSecond.toFixed(1)}/s`, p95: `${(t.acknowledged / t.perSecond).toFixed(1)} s`, target: '', result: '' },
    timingRow(area, `${label}: intake:submit, call to answer`, t.submit, { on: 'p95', belowMs: 300 }),
    { area, measure: `${label}: lost / errors${codes ? ` (${codes})` : ''}`, n: '', median: `${t.lost} / ${t.errors}`, p95: '', target: '0 / 0', result: t.lost === 0 && t.errors === 0 && t.acknowledged === t.attempted ? 'pass' : 'miss' },
  ];
}
