/**
 * Staff: people with a role and a PIN, first-run setup, login with a lockout that grows
 * after repeated failures (stored in the database, so a restart does not reset it), and
 * in-memory sessions, one per caller, that end after inactivity or on lock (sessions.ts).
 */
import { randomUUID } from 'node:crypto';
import type { RosterEntry, StaffLanguage, StaffRole, StaffSession } from '../../api/contract.ts';
import { LIMITS, STAFF_LANGUAGES } from '../../api/contract.ts';
import type { Clock } from '../ports.ts';
import { CoreError } from '../handler.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
import { DEFAULT_SCRYPT_LOG_N, hashPin, verifyPin } from './pin-hash.ts';
import { createStaffSessions, type SessionSettings } from './sessions.ts';

const STAFF_TABLE = `CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('therapist', 'admin')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL
    )`;
const STAFF_LANGUAGE_COLUMN = `ALTER TABLE staff ADD COLUMN language TEXT CHECK (language IS NULL OR language IN (${STAFF_LANGUAGES.map((l) => `'${l}'`).join(', ')}));`;

export const staffMigrations: readonly DialectMigration[] = [
  { id: 'staff-001', sqlite: `${STAFF_TABLE} STRICT;`, postgres: `${STAFF_TABLE};` },
  // The staff screens' language per person (issue 18); NULL follows the clinic's default language.
  { id: 'staff-002', sqlite: STAFF_LANGUAGE_COLUMN, postgres: STAFF_LANGUAGE_COLUMN },
];

/** Failures allowed before the first lockout. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCKOUT_MS = 30_000;
const MAX_LOCKOUT_MS = 60 * 60_000;

/** 30 s after the 5th failure, doubling with each further one, at most an hour. */
export function lockoutMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCKOUT_MS);
}

export type LoginResult =
  | { readonly ok: true; readonly session: StaffSession }
  | { readonly ok: false; readonly reason: 'bad_pin' | 'locked_out' | 'unknown_staff'; readonly retryAt?: string };

export interface StaffServiceOptions {
  /** log2 of scrypt's N; tests lower it to stay fast. */
  readonly scryptLogN?: number;
  /** A staff session ended (core/staff/sessions.ts): the core tells hosts (CoreEvents.onAccessChanged). */
  readonly onSessionEnded?: (callerId: string) => void;
}

type StaffRow = {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly pin_hash: string;
  readonly active: number;
  readonly failed_attempts: number;
  readonly locked_until: string | null;
  readonly language: StaffLanguage | null;
}

const PIN = /^\d+$/;

function checkPin(pin: string): void {
  if (!PIN.test(pin) || pin.length < LIMITS.pin.min || pin.length > LIMITS.pin.max) {
    throw new CoreError('invalid_request', `A PIN is ${LIMITS.pin.min} to ${LIMITS.pin.max} digits.`);
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > LIMITS.name) throw new CoreError('invalid_request', 'Enter a name.');
  return trimmed;
}

export type StaffService = ReturnType<typeof createStaffService>;

const INSERT_STAFF = 'INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)';
const COUNT_STAFF = 'SELECT COUNT(*) AS n FROM staff';

export function createStaffService(db: Queryable, clock: Clock, settings: () => SessionSettings, options: StaffServiceOptions = {}) {
  const logN = options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N;
  const sessions = createStaffSessions(clock, settings, options.onSessionEnded);
  // One login per staff member at a time: parallel guesses cannot outrun the failure counter.
  const inFlight = new Map<string, Promise<unknown>>();

  const nowMs = () => clock.now().getTime();
  const toRoster = (r: Pick<StaffRow, 'id' | 'name' | 'role'>): RosterEntry => ({ staffId: r.id, name: r.name, role: r.role });
  const find = (staffId: string, q: Queryable = db) => q.one<StaffRow>('SELECT * FROM staff WHERE id = ?', [staffId]);
  const count = async (q: Queryable) => (await q.one<{ n: number }>(COUNT_STAFF))?.n ?? 0;

  async function attempt(staffId: string, pin: string, callerId: string): Promise<LoginResult> {
    const row = await find(staffId);
    // No dummy hash to equalise timing: the roster is public (the login screen lists it),
    // so whether an id exists is no secret.
    if (!row || row.active !== 1) return { ok: false, reason: 'unknown_staff' };
    const now = nowMs();
    if (row.locked_until && Date.parse(row.locked_until) > now) return { ok: false, reason: 'locked_out', retryAt: row.locked_until };
    if (await verifyPin(pin, row.pin_hash)) {
      await db.exec('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [row.id]);
      return { ok: true, session: sessions.start(callerId, row) };
    }
    // Re-read: the count may have been reset (resetPin) while scrypt ran.
    const failures = ((await find(staffId))?.failed_attempts ?? row.failed_attempts) + 1;
    const wait = lockoutMs(failures);
    const retryAt = wait > 0 ? new Date(nowMs() + wait).toISOString() : null;
    await db.exec('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?', [failures, retryAt, row.id]);
    return retryAt ? { ok: false, reason: 'locked_out', retryAt } : { ok: false, reason: 'bad_pin' };
  }

  return {
    async needsSetup(): Promise<boolean> {
      return (await count(db)) === 0;
    },

    /** Creates the first admin and signs them in on `callerId`. Throws CoreError('conflict') once anyone exists. */
    async setupFirstAdmin(name: string, pin: string, callerId: string): Promise<StaffSession> {
      const clean = checkName(name);
      checkPin(pin);
      const hash = hashPin(pin, logN);
      const row = { id: randomUUID(), name: clean, role: 'admin' as const };
      await db.transaction(async (tx) => {
        if ((await count(tx)) > 0) throw new CoreError('conflict', 'The kiosk has already been set up. Sign in instead.');
        await tx.exec(INSERT_STAFF, [row.id, row.name, row.role, hash, clock.now().toISOString()]);
      });
      return sessions.start(callerId, row);
    },

    /** Active staff, for the login screen's name list. */
    async roster(): Promise<RosterEntry[]> {
      // lower(): ASCII case folding on both engines, as SQLite's NOCASE did.
      const rows = await db.all<StaffRow>('SELECT id, name, role FROM staff WHERE active = 1 ORDER BY lower(name), id');
      return rows.map(toRoster);
    },

    async addStaff(name: string, role: StaffRole, pin: string): Promise<RosterEntry> {
      const row = { id: randomUUID(), name: checkName(name), role };
      checkPin(pin);
      await db.exec(INSERT_STAFF, [row.id, row.name, row.role, hashPin(pin, logN), clock.now().toISOString()]);
      return toRoster(row);
    },

    /** Deactivating ends that person's sessions on every caller; the last active admin cannot be deactivated. */
    async setActive(staffId: string, active: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await find(staffId, tx);
        if (!row) throw new CoreError('not_found', 'No such staff member.');
        if (!active && row.role === 'admin' && row.active === 1) {
          const admins = await tx.one<{ n: number }>("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1");
          if ((admins?.n ?? 0) <= 1) throw new CoreError('conflict', 'At least one administrator must stay active.');
        }
        await tx.exec('UPDATE staff SET active = ? WHERE id = ?', [active ? 1 : 0, staffId]);
      });
      if (!active) sessions.endAllOf(staffId);
    },

    /** The staff member's screen language (null: the clinic's default); their live sessions follow at once. */
    async setLanguage(staffId: string, language: StaffLanguage | null): Promise<void> {
      const changed = await db.exec('UPDATE staff SET language = ? WHERE id = ?', [language, staffId]);
      if (Number(changed) === 0) throw new CoreError('not_found', 'No such staff member.');
      sessions.setLanguageOf(staffId, language);
    },

    /** The clinic's default language: the staff screens' language while nobody is signed in. */
    clinicLanguage(): string {
      return settings().defaultLanguage;
    },

    /** Sets a new PIN and clears any lockout. */
    async resetPin(staffId: string, pin: string): Promise<void> {
      checkPin(pin);
      const hash = hashPin(pin, logN);
      const changed = await db.exec('UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?', [hash, staffId]);
      if (Number(changed) === 0) throw new CoreError('not_found', 'No such staff member.');
    },

    /** Checks the PIN and, when it is right, signs the person in on `callerId`. */
    login(staffId: string, pin: string, callerId: string): Promise<LoginResult> {
      const previous = inFlight.get(staffId) ?? Promise.resolve();
      const next = previous.then(
        () => attempt(staffId, pin, callerId),
        () => attempt(staffId, pin, callerId),
      );
      inFlight.set(staffId, next);
      void next.finally(() => {
        if (inFlight.get(staffId) === next) inFlight.delete(staffId);
      }).catch(() => {});
      return next;
    },

    /** The caller's live session, or null once it has been idle for autoLogoffMs or was locked. */
    current: sessions.current,

    /** Extends the caller's live session (any staff activity). */
    touch(callerId: string): void {
      sessions.touch(callerId);
    },

    /** Ends the caller's session (other callers keep theirs). */
    lock: sessions.lock,

    /** The caller's live session (touched), or throws CoreError unauthenticated / forbidden. An admin may do what a therapist may. */
    async require(callerId: string, role?: StaffRole): Promise<StaffSession> {
      const s = sessions.current(callerId);
      if (!s) throw new CoreError('unauthenticated', 'Please sign in again.');
      const row = await find(s.staffId);
      if (!row || row.active !== 1) {
        sessions.lock(callerId);
        throw new CoreError('unauthenticated', 'Please sign in again.');
      }
      if (role === 'admin' && s.role !== 'admin') throw new CoreError('forbidden', 'Only an administrator can do this.');
      return sessions.touch(callerId) ?? s;
    },
  };
}
