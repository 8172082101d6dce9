import { describe, expect, it } from 'vitest';
import { parseWriterLine, tallyWriters } from './writer-tally.ts';

describe('parseWriterLine', () => {
  it.each([
    ['ack a-1 12.5', { kind: 'ack', id: 'a-1', ms: 12.5 }],
    ['err a-2 internal', { kind: 'err', id: 'a-2', code: 'internal' }],
    ['ack a-3 soon', { kind: 'other', text: 'ack a-3 soon' }],
    ['ready', { kind: 'other', text: 'ready' }],
  ])('%s', (line, expected) => expect(parseWriterLine(line)).toEqual(expected));
});

describe('tallyWriters', () => {
  const lines = ['ack a 10', 'ack b 30', 'err c conflict', 'ack d 20'].map(parseWriterLine);

  it('counts an acknowledged intake missing from the database as lost, and a non-ok answer as an error', () => {
    const t = tallyWriters({ attempted: 4, lines, stored: new Set(['a', 'b', 'c']), wallMs: 2_000 });
    expect(t).toMatchObject({ acknowledged: 3, lost: 1, errors: 1, errorCodes: { conflict: 1 }, perSecond: 1.5 });
    expect(t.submit).toMatchObject({ n: 3, median: 20, p95: 30 });
  });

  it('counts intakes a dead writer never answered as errors', () => {
    const t = tallyWriters({ attempted: 10, lines, stored: new Set(['a', 'b', 'd']), wallMs: 1_000 });
    expect(t).toMatchObject({ lost: 0, errors: 7, errorCodes: { conflict: 1, 'no answer (writer died)': 6 } });
  });
});
