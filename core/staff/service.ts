/**
 * Staff: people with a role and a PIN, first-run setup, login with a lockout that grows
 * after repeated failures (stored in the database, so a restart does not reset it), and
 * in-memory sessions, one per caller, that end after inactivity or on lock (sessions.ts).
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { RosterEntry, StaffLanguage, StaffRole, StaffSession } from '../../api/contract.ts';
import { LIMITS, STAFF_LANGUAGES } from '../../api/contract.ts';
import type { Clock } from '../ports.ts';
import { CoreError } from '../handler.ts';
import { transaction, type Migration } from '../db/database.ts';
import { DEFAULT_SCRYPT_LOG_N, hashPin, verifyPin } from './pin-hash.ts';
import { createStaffSessions, type SessionSettings } from './sessions.ts';

export const staffMigrations: readonly Migration[] = [
  {
    id: 'staff-001',
    sql: `CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('therapist', 'admin')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL
    ) STRICT;`,
  },
  {
    // The staff screens' language per person (issue 18); NULL follows the clinic's default language.
    id: 'staff-002',
    sql: `ALTER TABLE staff ADD COLUMN language TEXT CHECK (language IS NULL OR language IN (${STAFF_LANGUAGES.map((l) => `'${l}'`).join(', ')}));`,
  },
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
}

interface StaffRow {
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

export function createStaffService(db: DatabaseSync, clock: Clock, settings: () => SessionSettings, options: StaffServiceOptions = {}) {
  const logN = options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N;
  const byId = db.prepare('SELECT * FROM staff WHERE id = ?');
  const countStaff = db.prepare('SELECT COUNT(*) AS n FROM staff');
  const insert = db.prepare('INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const recordFailure = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  const clearFailures = db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const sessions = createStaffSessions(clock, settings);
  // One login per staff member at a time: parallel guesses cannot outrun the failure counter.
  const inFlight = new Map<string, Promise<unknown>>();

  const nowMs = () => clock.now().getTime();
  const toRoster = (r: Pick<StaffRow, 'id' | 'name' | 'role'>): RosterEntry => ({ staffId: r.id, name: r.name, role: r.role });
  const find = (staffId: string) => byId.get(staffId) as StaffRow | undefined;

  async function attempt(staffId: string, pin: string, callerId: string): Promise<LoginResult> {
    const row = find(staffId);
    // No dummy hash to equalise timing: the roster is public (the login screen lists it),
    // so whether an id exists is no secret.
    if (!row || row.active !== 1) return { ok: false, reason: 'unknown_staff' };
    const now = nowMs();
    if (row.locked_until && Date.parse(row.locked_until) > now) return { ok: false, reason: 'locked_out', retryAt: row.locked_until };
    if (await verifyPin(pin, row.pin_hash)) {
      clearFailures.run(row.id);
      return { ok: true, session: sessions.start(callerId, row) };
    }
    // Re-read: the count may have been reset (resetPin) while scrypt ran.
    const failures = (find(staffId)?.failed_attempts ?? row.failed_attempts) + 1;
    const wait = lockoutMs(failures);
    const retryAt = wait > 0 ? new Date(nowMs() + wait).toISOString() : null;
    recordFailure.run(failures, retryAt, row.id);
    return retryAt ? { ok: false, reason: 'locked_out', retryAt } : { ok: false, reason: 'bad_pin' };
  }

  return {
    needsSetup(): boolean {
      return (countStaff.get() as { n: number }).n === 0;
    },

    /** Creates the first admin and signs them in on `callerId`. Throws CoreError('conflict') once anyone exists. */
    setupFirstAdmin(name: string, pin: string, callerId: string): StaffSession {
      const clean = checkName(name);
      checkPin(pin);
      const hash = hashPin(pin, logN);
      const row = { id: randomUUID(), name: clean, role: 'admin' as const };
      transaction(db, () => {
        if ((countStaff.get() as { n: number }).n > 0) throw new CoreError('conflict', 'The kiosk has already been set up. Sign in instead.');
        insert.run(row.id, row.name, row.role, hash, clock.now().toISOString());
      });
      return sessions.start(callerId, row);
    },

    /** Active staff, for the login screen's name list. */
    roster(): RosterEntry[] {
      const rows = db.prepare("SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name COLLATE NOCASE, id").all() as unknown as StaffRow[];
      return rows.map(toRoster);
    },

    addStaff(name: string, role: StaffRole, pin: string): RosterEntry {
      const row = { id: randomUUID(), name: checkName(name), role };
      checkPin(pin);
      insert.run(row.id, row.name, row.role, hashPin(pin, logN), clock.now().toISOString());
      return toRoster(row);
    },

    /** Deactivating ends that person's sessions on every caller; the last active admin cannot be deactivated. */
    setActive(staffId: string, active: boolean): void {
      transaction(db, () => {
        const row = find(staffId);
        if (!row) throw new CoreError('not_found', 'No such staff member.');
        if (!active && row.role === 'admin' && row.active === 1) {
          const admins = db.prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as { n: number };
          if (admins.n <= 1) throw new CoreError('conflict', 'At least one administrator must stay active.');
        }
        db.prepare('UPDATE staff SET active = ? WHERE id = ?').run(active ? 1 : 0, staffId);
      });
      if (!active) sessions.endAllOf(staffId);
    },

    /** The staff member's screen language (null: the clinic's default); their live sessions follow at once. */
    setLanguage(staffId: string, language: StaffLanguage | null): void {
      const changed = db.prepare('UPDATE staff SET language = ? WHERE id = ?').run(language, staffId).changes;
      if (Number(changed) === 0) throw new CoreError('not_found', 'No such staff member.');
      sessions.setLanguageOf(staffId, language);
    },

    /** The clinic's default language: the staff screens' language while nobody is signed in. */
    clinicLanguage(): string {
      return settings().defaultLanguage;
    },

    /** Sets a new PIN and clears any lockout. */
    resetPin(staffId: string, pin: string): void {
      checkPin(pin);
      const hash = hashPin(pin, logN);
      const changed = db.prepare('UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(hash, staffId).changes;
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
    require(callerId: string, role?: StaffRole): StaffSession {
      const s = sessions.current(callerId);
      if (!s) throw new CoreError('unauthenticated', 'Please sign in again.');
      const row = find(s.staffId);
      if (!row || row.active !== 1) {
        sessions.lock(callerId);
        throw new CoreError('unauthenticated', 'Please sign in again.');
      }
      if (role === 'admin' && s.role !== 'admin') throw new CoreError('forbidden', 'Only an administrator can do this.');
      return sessions.touch(callerId) ?? s;
    },
  };
}
