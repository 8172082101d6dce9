/**
 * The figures of the clinic-network bench from what each side recorded (bench/clinic-load.ts):
 * the kiosks' submit calls and forward acknowledgements, every tablet's queue-event arrivals, and
 * the submissions the server holds afterwards. Pure: no clock, no I/O.
 *
 * Stored -> visible: a queue event carries no data (server/events-route.ts), so which intake an
 * event announces cannot be read from it. Each stored intake sends exactly one event to every open
 * stream, after its transaction committed, so the k-th event a tablet receives cannot have been
 * sent before the k-th intake was stored: event k is paired with the k-th store in time order
 * (over all kiosks), within each connection of a stream: a tablet whose stream the server ended
 * reconnects as EventSource does, and an intake stored while it was away sends it no event (the web
 * app reloads the queue on reconnecting). A store in the instant of a reconnection can shift that
 * connection's pairing by one. The store instant is the server's own (its `submission.created` audit entry,
 * written inside the storing transaction), not the kiosk's receipt of the acknowledgement, which
 * on a busy machine often comes after the tablets already heard the event.
 */
import { summarize, type Summary } from './stats.ts';

export interface SubmitRecord {
  readonly id: string;
  readonly kiosk: number;
  /** Wall clock (ms) at the intake:submit call and at its answer on the kiosk. */
  readonly callAt: number;
  readonly answeredAt: number;
  /** The answer's error code; null for an ok answer. */
  readonly error: string | null;
}

export interface AckRecord {
  readonly id: string;
  readonly kiosk: number;
  /** Wall clock (ms) when the kiosk had the server's acknowledgement of its forward. */
  readonly at: number;
  /** The server answered that it already had this intake. */
  readonly duplicate: boolean;
  /** Wall clock (ms) when the kiosk sent this forward (the acknowledged attempt). */
  readonly sentAt: number;
}

export interface ClinicTally {
  readonly submitted: number;
  /** intake:submit call -> first acknowledgement by the server, `duplicate` answers included (ok submits with one). */
  readonly submitToStored: Summary;
  /** intake:submit call -> its answer on the kiosk (the client sees Done). */
  readonly submitAnswer: Summary;
  /** The acknowledged forward's round trip: sent by the kiosk -> the server's answer back. */
  readonly forwardRoundTrip: Summary;
  /** Non-ok intake:submit answers, by code. */
  readonly refused: Readonly<Record<string, number>>;
  /** Answered ok on a kiosk but neither among the server's submissions afterwards nor in the kiosk's outbox. */
  readonly lost: number;
  /** Answered ok, not on the server yet, still waiting in the kiosk's outbox when the run stopped. */
  readonly stillQueued: number;
  /** Answered ok but never acknowledged (not even as `duplicate`) during the run. */
  readonly unacknowledged: number;
  /** Acknowledged as a new intake more than once, or answered `duplicate` (a resend). */
  readonly storedTwice: number;
  readonly duplicateAnswers: number;
  /** Server rows that no kiosk submitted, or that repeat an id. */
  readonly unexpectedRows: number;
  /** Server storing -> event received, over every tablet. */
  readonly storedToVisible: Summary;
  readonly tablets: number;
  /** Events per tablet, fewest and most (each should equal the intakes stored). */
  readonly eventsMin: number;
  readonly eventsMax: number;
  /** Events an open connection should have had and did not, and events beyond the intakes stored meanwhile. */
  readonly missingEvents: number;
  readonly extraEvents: number;
  /** Connections the server ended that the tablets reopened, and intakes stored while a tablet was reconnecting. */
  readonly reconnects: number;
  readonly storedWhileAway: number;
}

/** One connection of a tablet's stream (bench/clinic-https.ts StreamSegment). */
export interface Segment {
  readonly from: number;
  readonly to: number | null;
  readonly events: readonly number[];
}

export interface StoredRecord {
  readonly id: string;
  readonly at: number;
}

export interface TallyInput {
  readonly submits: readonly SubmitRecord[];
  readonly acks: readonly AckRecord[];
  /** Each tablet's connections, with their event arrival times (ms, wall clock). */
  readonly streams: readonly (readonly Segment[])[];
  /** Ids still in the kiosks' outboxes when they stopped. */
  readonly stillQueued?: readonly string[];
  /** The submissions on the server after the run, each with the server's store time (ms; NaN if unknown). */
  readonly stored: readonly StoredRecord[];
}

export function tallyClinic(input: TallyInput): ClinicTally {
  const okSubmits = input.submits.filter((s) => s.error === null);
  const refused: Record<string, number> = {};
  for (const s of input.submits) if (s.error !== null) refused[s.error] = (refused[s.error] ?? 0) + 1;

  const firstAck = new Map<string, number>();
  let storedTwice = 0;
  let duplicateAnswers = 0;
  const newAcks = new Set<string>();
  for (const ack of [...input.acks].sort((a, b) => a.at - b.at)) {
    // A `duplicate` answer is an acknowledgement too: the server has the intake (a resend after a lost answer).
    if (!firstAck.has(ack.id)) firstAck.set(ack.id, ack.at);
    if (ack.duplicate) duplicateAnswers++;
    else if (newAcks.has(ack.id)) storedTwice++;
    else newAcks.add(ack.id);
  }
  const stored = new Set(input.stored.map((r) => r.id));
  const queued = new Set(input.stillQueued ?? []);
  const submittedIds = new Set(input.submits.map((s) => s.id));
  const unexpectedRows = input.stored.length - stored.size + [...stored].filter((id) => !submittedIds.has(id)).length;

  const toStored: number[] = [];
  let unacknowledged = 0;
  for (const s of okSubmits) {
    const at = firstAck.get(s.id);
    if (at === undefined) unacknowledged++;
    else toStored.push(at - s.callAt);
  }

  const storeTimes = input.stored.map((r) => r.at).sort((a, b) => a - b);
  const visible: number[] = [];
  let missingEvents = 0;
  let extraEvents = 0;
  let inWindows = 0;
  for (const stream of input.streams) {
    for (const segment of stream) {
      const events = [...segment.events].sort((a, b) => a - b);
      const stores = storeTimes.filter((at) => at >= segment.from && (segment.to === null || at < segment.to));
      inWindows += stores.length;
      const paired = Math.min(events.length, stores.length);
      for (let k = 0; k < paired; k++) visible.push((events[k] ?? Number.NaN) - (stores[k] ?? Number.NaN));
      missingEvents += stores.length - paired;
      extraEvents += events.length - paired;
    }
  }
  const counts = input.streams.map((s) => s.reduce((n, segment) => n + segment.events.length, 0));
  return {
    submitted: input.submits.length,
    submitToStored: summarize(toStored),
    submitAnswer: summarize(okSubmits.map((s) => s.answeredAt - s.callAt)),
    forwardRoundTrip: summarize(input.acks.filter((a) => !a.duplicate).map((a) => a.at - a.sentAt)),
    refused,
    lost: okSubmits.filter((s) => !stored.has(s.id) && !queued.has(s.id)).length,
    stillQueued: okSubmits.filter((s) => !stored.has(s.id) && queued.has(s.id)).length,
    unacknowledged,
    storedTwice,
    duplicateAnswers,
    unexpectedRows,
    storedToVisible: summarize(visible),
    tablets: input.streams.length,
    eventsMin: counts.length ? Math.min(...counts) : 0,
    eventsMax: counts.length ? Math.max(...counts) : 0,
    missingEvents,
    extraEvents,
    reconnects: input.streams.reduce((n, s) => n + Math.max(0, s.length - 1), 0),
    storedWhileAway: storeTimes.length * input.streams.length - inWindows,
  };
}
