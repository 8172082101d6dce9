import { describe, expect, it } from 'vitest';
import { tallyClinic, type AckRecord, type SubmitRecord } from './clinic-tally.ts';
import { parseKioskLine } from './clinic-kiosks.ts';

const submit = (id: string, callAt: number, answeredAt = callAt + 5, error: string | null = null, kiosk = 0): SubmitRecord => ({ id, kiosk, callAt, answeredAt, error });
const ack = (id: string, at: number, duplicate = false, kiosk = 0): AckRecord => ({ id, kiosk, at, duplicate, sentAt: at - 20 });
/** The server's rows, each stored 2 ms before its kiosk had the acknowledgement. */
const rows = (...ids: string[]) => ids.map((id) => ({ id, at: { a: 38, b: 178, c: 228, zz: 400 }[id] ?? Number.NaN }));

/** A tablet whose one connection was open the whole run. */
const open = (events: number[]) => [{ from: 0, to: null, events }];

describe('tallyClinic', () => {
  const submits = [submit('a', 0), submit('b', 100, 110, null, 1), submit('c', 200)];
  const acks = [ack('a', 40), ack('b', 180, false, 1), ack('c', 230)];

  it('times each intake from its submit call to the server acknowledging it, and the answer on the kiosk apart', () => {
    const t = tallyClinic({ submits, acks, streams: [], stored: rows('a', 'b', 'c') });
    expect(t.submitToStored).toMatchObject({ n: 3, median: 40, max: 80 });
    expect(t.submitAnswer).toMatchObject({ n: 3, median: 5, max: 10 });
    expect(t.forwardRoundTrip).toMatchObject({ n: 3, median: 20 });
    expect(t).toMatchObject({ lost: 0, unacknowledged: 0, storedTwice: 0, duplicateAnswers: 0, unexpectedRows: 0 });
  });

  it('pairs the k-th event of each tablet with the k-th intake the server stored, whichever kiosk sent it', () => {
    // Tablet 1 hears each intake 12 ms after the server stored it; tablet 2 hears the last one 502 ms late.
    const t = tallyClinic({ submits, acks, streams: [open([50, 190, 240]), open([39, 179, 730])], stored: rows('a', 'b', 'c') });
    expect(t.storedToVisible).toMatchObject({ n: 6, min: 1, max: 502 });
    expect(t).toMatchObject({ tablets: 2, eventsMin: 3, eventsMax: 3, missingEvents: 0, extraEvents: 0 });
  });

  it.each([
    ['a tablet that missed an event', [open([50, 190]), open([50, 190, 240])], { missingEvents: 1, extraEvents: 0, eventsMin: 2, eventsMax: 3, reconnects: 0 }],
    ['a tablet that heard one event too many', [open([50, 190, 240, 300])], { missingEvents: 0, extraEvents: 1, eventsMin: 4, eventsMax: 4 }],
    [
      'a tablet whose stream ended and was reopened: nothing missing, the store while away noted',
      [[{ from: 0, to: 100, events: [50] }, { from: 200, to: null, events: [240] }]],
      { missingEvents: 0, extraEvents: 0, reconnects: 1, storedWhileAway: 1, eventsMin: 2 },
    ],
  ])('%s is counted', (_label, streams, expected) => {
    expect(tallyClinic({ submits, acks, streams, stored: rows('a', 'b', 'c') })).toMatchObject(expected);
  });

  it('counts an ok intake the server does not hold as lost, and one never acknowledged as unacknowledged', () => {
    const t = tallyClinic({ submits, acks: acks.slice(0, 2), streams: [], stored: rows('a', 'b') });
    expect(t).toMatchObject({ lost: 1, stillQueued: 0, unacknowledged: 1 });
    expect(t.submitToStored.n).toBe(2);
  });

  it('an intake not on the server yet but still in its kiosk\'s outbox is queued, not lost', () => {
    const t = tallyClinic({ submits, acks: acks.slice(0, 2), streams: [], stored: rows('a', 'b'), stillQueued: ['c'] });
    expect(t).toMatchObject({ lost: 0, stillQueued: 1, unacknowledged: 1 });
  });

  it('counts resends answered duplicate, an intake acknowledged as new twice, and rows no kiosk sent', () => {
    const t = tallyClinic({ submits, acks: [...acks, ack('a', 300, true), ack('b', 310, false, 1)], streams: [], stored: rows('a', 'b', 'c', 'zz') });
    expect(t).toMatchObject({ duplicateAnswers: 1, storedTwice: 1, unexpectedRows: 1 });
    // The first acknowledgement is the one timed.
    expect(t.submitToStored.max).toBe(80);
  });

  it('an intake whose first answer was lost is acknowledged by the duplicate answer to its resend', () => {
    const t = tallyClinic({ submits, acks: [ack('a', 40), ack('b', 180, false, 1), ack('c', 900, true)], streams: [], stored: rows('a', 'b', 'c') });
    expect(t).toMatchObject({ unacknowledged: 0, duplicateAnswers: 1, storedTwice: 0, lost: 0 });
    expect(t.submitToStored.max).toBe(700);
  });

  it('lists refused submits by code and leaves them out of the timings', () => {
    const t = tallyClinic({ submits: [...submits, submit('d', 300, 301, 'invalid_request')], acks, streams: [], stored: rows('a', 'b', 'c') });
    expect(t.refused).toEqual({ invalid_request: 1 });
    expect(t).toMatchObject({ submitted: 4, lost: 0, unacknowledged: 0 });
    expect(t.submitAnswer.n).toBe(3);
  });
});

describe('parseKioskLine', () => {
  it.each([
    ['submit a-1 1000.5 1080.25 ok', { id: 'a-1', kiosk: 3, callAt: 1000.5, answeredAt: 1080.25, error: null }],
    ['submit a-2 1000 1001 invalid_request', { id: 'a-2', kiosk: 3, callAt: 1000, answeredAt: 1001, error: 'invalid_request' }],
    ['ack a-1 1200 0 1150', { id: 'a-1', kiosk: 3, at: 1200, duplicate: false, sentAt: 1150 }],
    ['ack a-1 1300 1 1290', { id: 'a-1', kiosk: 3, at: 1300, duplicate: true, sentAt: 1290 }],
    ['queued a-9', { queued: 'a-9' }],
    ['pair-retry pairing_refused:_internal', { pairRetry: 'pairing refused: internal' }],
    ['ready', 'ready'],
    ['done', 'done'],
    ['submit a-3 soon', null],
    ['a stray log line', null],
  ])('%s', (line, expected) => expect(parseKioskLine(3, line)).toEqual(expected));
});
