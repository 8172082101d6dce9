/**
 * The clinic-network bench's figures as rows of the bench table (bench/report.ts) and as the
 * stand-alone printout of `node bench/clinic-load.ts`.
 */
import { loadavg, cpus } from 'node:os';
import type { ClinicLoadFigures } from './clinic-load.ts';
import { mb, renderTable, timingRow, type Row } from './report.ts';

const plain = (measure: string, median: string, p95 = '', target = '', result: Row['result'] = ''): Row => ({ area: 'clinic', measure, n: '', median, p95, target, result });

export function clinicRows(f: ClinicLoadFigures): Row[] {
  const { tally: t, options: o, memory: m } = f;
  const shape = `${o.kiosks} kiosks x ${o.perKiosk}, ${o.tablets} tablets, ${o.pace === 'asap' ? 'as fast as possible' : `one intake per ~${(o.pace / 1000).toFixed(1)} s per kiosk`}, ${f.engine}`;
  const clean = t.lost === 0 && t.storedTwice === 0 && t.unexpectedRows === 0 && Object.keys(t.refused).length === 0;
  const acked = t.submitToStored.n;
  const rows: Row[] = [
    timingRow('clinic', `submit -> stored on the server (${shape})`, t.submitToStored, { on: 'p95', belowMs: 300 }),
    timingRow('clinic', '  of which intake:submit answered on the kiosk (Done shown)', t.submitAnswer),
    timingRow('clinic', '  forward round trip: kiosk sends -> server\'s acknowledgement back', t.forwardRoundTrip),
    timingRow('clinic', `stored on the server -> queue event received, each of ${t.tablets} tablets`, t.storedToVisible, { on: 'p95', belowMs: 2_000 }),
  ];
  if (o.reload) rows.push(timingRow('clinic', '  stored on the server -> intake in the tablet\'s reloaded queue (queue:list)', f.storedToListed));
  rows.push(
    plain('intakes/s acknowledged (median column), wall time first submit -> last ack (p95 column)', `${(acked / (f.wallMs / 1000)).toFixed(1)}/s`, `${(f.wallMs / 1000).toFixed(1)} s`),
    plain('lost / stored twice / duplicate answers (resends)', `${t.lost} / ${t.storedTwice} / ${t.duplicateAnswers}`, `${t.submitted} sent`, '0 lost, 0 dupl.', clean ? 'pass' : 'miss'),
    plain('not acknowledged by the end / of which still in the kiosks\' outboxes', `${t.unacknowledged} / ${t.stillQueued}`, ''),
    plain('queue events per tablet (fewest / most), missing / extra', `${t.eventsMin} / ${t.eventsMax}`, `${t.missingEvents} / ${t.extraEvents}`),
    plain('streams the server ended (reopened) / intakes stored while a tablet was away', `${t.reconnects}`, `${t.storedWhileAway}`),
    plain('server RSS: idle (tablets connected) / peak / end', `${mb(m.idle.rss)} / ${mb(m.peakRss.rss)}`, mb(m.end.rss)),
    plain('server V8 heap used: idle / peak / end', `${mb(m.idle.heapUsed)} / ${mb(m.peakHeap.heapUsed)}`, mb(m.end.heapUsed)),
  );
  return rows;
}

export function clinicNotes(f: ClinicLoadFigures): string[] {
  const notes = [
    `clinic: server \`node server/main.ts\` (${f.engine}), kiosks in ${f.options.kiosks} processes over HTTPS, tablets in the bench process; memory sampled ${f.memory.samples} times; load average ${f.loadAverage.start.toFixed(2)} at start, ${f.loadAverage.end.toFixed(2)} at end.`,
  ];
  if (f.engineNote) notes.push(`clinic: ${f.engineNote}.`);
  if (f.kioskFailures.length > 0) notes.push(`clinic: ${f.kioskFailures.length} of ${f.options.kiosks} kiosks died and sent nothing: ${[...new Set(f.kioskFailures)].join('; ')}.`);
  if (f.pairRetries.length > 0) notes.push(`clinic: ${f.pairRetries.length} kiosk pairings failed and were tried again: ${[...new Set(f.pairRetries)].join('; ')}.`);
  const errors = Object.entries(f.statuses).filter(([status]) => Number(status) >= 400);
  if (errors.length > 0) notes.push(`clinic: HTTP answers >= 400 in the server log: ${errors.map(([s, n]) => `${s} x ${n}`).join(', ')}.`);
  if (Object.keys(f.failedCalls).length > 0) notes.push(`clinic: failed calls (server log): ${Object.entries(f.failedCalls).map(([k, n]) => `${k} x ${n}`).join(', ')}.`);
  if (Object.keys(f.tally.refused).length > 0) notes.push(`clinic: submits refused on the kiosk: ${Object.entries(f.tally.refused).map(([k, n]) => `${k} x ${n}`).join(', ')}.`);
  if (Object.keys(f.reloadsFailed).length > 0) notes.push(`clinic: queue reloads that failed: ${Object.entries(f.reloadsFailed).map(([k, n]) => `${k} x ${n}`).join(', ')} (of ${f.reloadsDone} done).`);
  else if (f.options.reload) notes.push(`clinic: ${f.reloadsDone} queue reloads by the tablets.`);
  if (f.streamsEnded.length > 0) notes.push(`clinic: ${f.streamsEnded.length} live-queue connections ended during the run and were reopened after 3 s: ${[...new Set(f.streamsEnded)].join('; ')}.`);
  return notes;
}

export function printClinicFigures(f: ClinicLoadFigures): void {
  const cpu = cpus();
  console.log(`\nClinic network under load, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpu.length} x ${cpu[0]?.model ?? 'cpu'}; Node ${process.version}\n`);
  console.log(renderTable(clinicRows(f)));
  for (const note of clinicNotes(f)) console.log(`- ${note}`);
  console.log(`- 1-minute load average now ${(loadavg()[0] ?? Number.NaN).toFixed(2)} (${cpu.length} cores).`);
}
