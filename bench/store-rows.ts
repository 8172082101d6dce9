/** The store section's table rows for one engine (run.ts prints SQLite's and PostgreSQL's one after the other). */
import { timingRow, type Row } from './report.ts';
import type { StoreBenchResult } from './store.ts';

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
