import { useEffect, useRef } from 'react';

/** How often the renderer asks main whether the staff session is still alive. */
const POLL_MS = 5_000;
/** At most one keep-alive per this interval, however busy the therapist is. */
const TOUCH_EVERY_MS = 20_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Auto log-off. Main owns the session clock (StaffSession.expiresAt, settings.autoLogoffMs),
 * so the renderer polls it and leaves staff mode the moment it has lapsed; reading and
 * scrolling count as activity and keep it alive through staff:touch.
 */
export function useSessionWatch(isActive: boolean, onEnded: () => void): void {
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);

  useEffect(() => {
    if (!isActive) return;
    let isStopped = false;
    let lastTouch = 0;
    const end = () => {
      if (isStopped) return;
      isStopped = true;
      ended.current();
    };
    const poll = async () => {
      const result = await window.kiosk.staffStatus({});
      if (result.ok && result.value.session === null) end();
    };
    const touch = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      void window.kiosk.touchStaffSession({}).then((result) => {
        if (!result.ok && result.error.code === 'unauthenticated') end();
      });
    };
    const timer = window.setInterval(() => void poll(), POLL_MS);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    return () => {
      isStopped = true;
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, [isActive]);
}
