/**
 * On the clinic server: how each forwarded intake arrived. The visit time is the kiosk's
 * (stored as the submission's creation time); this row keeps which kiosk sent it, when the
 * server received it, whether it waited in the kiosk's outbox (`late`: more than 2 minutes
 * between signing and sending) and the kiosk's clock skew when it was more than 2 minutes.
 * Nothing here is health data. Deleted with its submission (retention).
 *
 * Written against the storage port (`deps.store`), both engines.
 */
import type { ArrivalNote } from '../../api/contract.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { Queryable } from '../db/port.ts';

/** Sent more than this long after signing: it waited on the kiosk. Clocks further apart than this are noted. */
export const LATE_AFTER_MS = 2 * 60_000;
export const SKEW_NOTED_MS = 2 * 60_000;

export const arrivalDialectMigrations: readonly DialectMigration[] = [
  {
    id: 'arrivals-001',
    sqlite: `CREATE TABLE submission_arrivals (
      submission_id TEXT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      device_id TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      kiosk_clock_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      late INTEGER NOT NULL,
      clock_skew_ms INTEGER
    ) STRICT;`,
    postgres: `CREATE TABLE submission_arrivals (
      submission_id TEXT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      device_id TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      kiosk_clock_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      late INTEGER NOT NULL,
      clock_skew_ms BIGINT
    );`,
  },
];

export interface Arrival {
  readonly submissionId: string;
  readonly deviceId: string;
  readonly signedAt: string;
  readonly kioskClockAt: string;
  readonly receivedAt: string;
  readonly late: boolean;
  /** Kiosk clock minus server clock, when more than SKEW_NOTED_MS apart; else null. */
  readonly clockSkewMs: number | null;
}

/**
 * Late and skew from the times of one forward. Late is measured on the kiosk's own clock
 * (sent minus signed), so a kiosk whose clock is off is not called late for it; the skew is the
 * kiosk's clock at sending against the server's at receiving (the network's delay is far below 2 minutes).
 */
export function judgeArrival(signedAt: Date, kioskClockAt: Date, receivedAt: Date): { late: boolean; clockSkewMs: number | null } {
  const skew = kioskClockAt.getTime() - receivedAt.getTime();
  return {
    late: kioskClockAt.getTime() - signedAt.getTime() > LATE_AFTER_MS,
    clockSkewMs: Math.abs(skew) > SKEW_NOTED_MS ? skew : null,
  };
}

/** The skew as the staff screen says it: whole minutes, kiosk minus server. */
export function skewMinutes(clockSkewMs: number | null): number | null {
  return clockSkewMs === null ? null : Math.round(clockSkewMs / 60_000);
}

export function noteOf(arrival: Pick<Arrival, 'late' | 'clockSkewMs'>): ArrivalNote {
  return { late: arrival.late, clockSkewMinutes: skewMinutes(arrival.clockSkewMs) };
}

type ArrivalRow = {
  readonly submission_id: string;
  readonly device_id: string;
  readonly signed_at: string;
  readonly kiosk_clock_at: string;
  readonly received_at: string;
  readonly late: number;
  readonly clock_skew_ms: number | string | null;
};

const toArrival = (r: ArrivalRow): Arrival => ({
  submissionId: r.submission_id,
  deviceId: r.device_id,
  signedAt: r.signed_at,
  kioskClockAt: r.kiosk_clock_at,
  receivedAt: r.received_at,
  late: r.late === 1,
  clockSkewMs: r.clock_skew_ms === null ? null : Number(r.clock_skew_ms),
});

const COLUMNS = 'submission_id, device_id, signed_at, kiosk_clock_at, received_at, late, clock_skew_ms';
/** Ids per IN list: well under either engine's parameter limit. */
const CHUNK = 500;

export type ArrivalRepository = ReturnType<typeof createArrivalRepository>;

export function createArrivalRepository(store: Queryable) {
  return {
    /** Records one arrival on `tx` (the submission's transaction); false when this id already has one. */
    async record(tx: Queryable, a: Arrival): Promise<boolean> {
      const changes = await tx.exec(
        `INSERT INTO submission_arrivals (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING`,
        [a.submissionId, a.deviceId, a.signedAt, a.kioskClockAt, a.receivedAt, a.late ? 1 : 0, a.clockSkewMs],
      );
      return changes > 0;
    },

    async get(id: string): Promise<Arrival | null> {
      const row = await store.one<ArrivalRow>(`SELECT ${COLUMNS} FROM submission_arrivals WHERE submission_id = ?`, [id]);
      return row ? toArrival(row) : null;
    },

    /** The arrivals of those of `ids` a kiosk forwarded (the queue page's badges). */
    async forIds(ids: readonly string[]): Promise<Map<string, Arrival>> {
      const found = new Map<string, Arrival>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const rows = await store.all<ArrivalRow>(`SELECT ${COLUMNS} FROM submission_arrivals WHERE submission_id IN (${chunk.map(() => '?').join(', ')})`, chunk);
        for (const row of rows) found.set(row.submission_id, toArrival(row));
      }
      return found;
    },
  };
}
