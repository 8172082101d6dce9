/**
 * Staff sessions, one per caller (an Electron webContents, an e2e page, later a paired
 * device): a therapist signed in on a tablet is not signed in at the lobby kiosk. Each
 * session lives in memory only and ends after `autoLogoffMs` without activity, on lock,
 * or when its staff member is deactivated.
 */
import type { StaffLanguage, StaffRole, StaffSession } from '../../api/contract.ts';
import type { Clock } from '../ports.ts';

export interface SessionMember {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  /** Their chosen screen language; null or absent follows the clinic's default. */
  readonly language?: StaffLanguage | null;
}

interface LiveSession {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  language: StaffLanguage | null;
  lastActivityMs: number;
}

/** What sessions read from the clinic settings, each time (an admin may change them). */
export interface SessionSettings {
  readonly autoLogoffMs: number;
  /** The clinic's default language: the screens of staff who chose none. */
  readonly defaultLanguage: string;
}

export type StaffSessions = ReturnType<typeof createStaffSessions>;

/** `onEnded` hears of every session that ends (lock, log-off, deactivation, idle log-off once noticed). */
export function createStaffSessions(clock: Clock, settings: () => SessionSettings, onEnded: (callerId: string) => void = () => undefined) {
  const sessions = new Map<string, LiveSession>();
  const nowMs = () => clock.now().getTime();
  const isIdle = (s: LiveSession, now: number) => now - s.lastActivityMs >= settings().autoLogoffMs;
  const toSession = (s: LiveSession): StaffSession => ({
    staffId: s.staffId,
    name: s.name,
    role: s.role,
    expiresAt: new Date(s.lastActivityMs + settings().autoLogoffMs).toISOString(),
    language: s.language ?? settings().defaultLanguage,
  });
  /** The caller's session unless it has idled out (then it is dropped). */
  const live = (callerId: string): LiveSession | null => {
    const s = sessions.get(callerId);
    if (s && isIdle(s, nowMs())) {
      sessions.delete(callerId);
      onEnded(callerId);
    }
    return sessions.get(callerId) ?? null;
  };

  return {
    /** Signs `member` in on `callerId`, replacing whatever session that caller had. */
    start(callerId: string, member: SessionMember): StaffSession {
      // Drop sessions that idled out on callers that never came back, so the map stays small.
      const now = nowMs();
      for (const [id, s] of sessions) {
        if (isIdle(s, now)) {
          sessions.delete(id);
          onEnded(id);
        }
      }
      const session: LiveSession = { staffId: member.id, name: member.name, role: member.role, language: member.language ?? null, lastActivityMs: now };
      sessions.set(callerId, session);
      return toSession(session);
    },

    /** The caller's live session, or null once it has been idle for autoLogoffMs or was locked. */
    current(callerId: string): StaffSession | null {
      const s = live(callerId);
      return s ? toSession(s) : null;
    },

    /** Extends the caller's live session, returning it (null when there is none). */
    touch(callerId: string): StaffSession | null {
      const s = live(callerId);
      if (!s) return null;
      s.lastActivityMs = nowMs();
      return toSession(s);
    },

    lock(callerId: string): void {
      if (sessions.delete(callerId)) onEnded(callerId);
    },

    /** `staffId` chose another screen language: their live sessions, on every caller, follow at once. */
    setLanguageOf(staffId: string, language: StaffLanguage | null): void {
      for (const s of sessions.values()) if (s.staffId === staffId) s.language = language;
    },

    /** Ends every session of `staffId`, on every caller (the person was deactivated). */
    endAllOf(staffId: string): void {
      for (const [id, s] of sessions) {
        if (s.staffId === staffId) {
          sessions.delete(id);
          onEnded(id);
        }
      }
    },
  };
}
