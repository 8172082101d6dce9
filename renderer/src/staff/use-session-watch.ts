import { useEffect, useRef } from 'react';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';

/** How often the renderer asks main whether the staff session is still alive. */
const POLL_MS = 5_000;
/** At most one keep-alive per this interval, however busy the therapist is. */
const TOUCH_EVERY_MS = 20_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Auto log-off. Main owns the session clock (StaffSession.expiresAt, settings.autoLogoffMs),
 * so the renderer polls it and leaves staff mode the moment it has lapsed; reading and
 * scrolling count as activity and keep it alive through staff:touch. Its calls are
 * `sessionless`: a lapse found here is the auto log-off, which leaves staff mode (back to the
 * attract screen, as Lock does), not the mid-work refusal that returns to the PIN screen.
 */
export function useSessionWatch(isActive: boolean, onEnded: () => void): void {
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);

  useKioskQuery((api) => api.staffStatus({}), [], {
    enabled: isActive,
    refreshMs: POLL_MS,
    sessionless: true,
    onData: (status) => {
      if (status.session === null) ended.current();
    },
  });
  const { run: touch } = useKioskAction((api) => api.touchStaffSession({}), { sessionless: true });

  useEffect(() => {
    if (!isActive) return;
    let lastTouch = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      void touch().then((result) => {
        if (!result.ok && result.error.code === 'unauthenticated') ended.current();
      });
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, [isActive, touch]);
}
