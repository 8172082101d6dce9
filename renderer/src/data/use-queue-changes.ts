import { useEffect, useRef } from 'react';
import { createReloadCoalescer } from './coalesce-reloads.ts';
import { useStaffData } from './staff-data-context.ts';

/** A burst of live events within this is one reload (a new intake still shows well within 2 s). */
export const LIVE_RELOAD_WINDOW_MS = 300;
/** A reload still unanswered after this no longer holds back the next one. */
const LIVE_RELOAD_MAX_WAIT_MS = 10_000;

/**
 * Runs `reload` when the host says the queue changed (the clinic server's event stream),
 * coalesced (coalesce-reloads.ts): one reload in flight at most, a burst of events is one reload,
 * events during a reload give exactly one more after it. `reload` resolves when its answer is in.
 * Returns whether the host pushes changes at all: the kiosk's own window does not, and its
 * queue keeps its refresh timer.
 */
export function useQueueChanges(reload: () => Promise<void>): boolean {
  const { api } = useStaffData();
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  const subscribe = api.onQueueChanged;
  useEffect(() => {
    if (!subscribe) return undefined;
    const coalescer = createReloadCoalescer({ reload: () => latest.current(), windowMs: LIVE_RELOAD_WINDOW_MS, maxWaitMs: LIVE_RELOAD_MAX_WAIT_MS });
    const unsubscribe = subscribe(coalescer.changed);
    return () => {
      unsubscribe();
      coalescer.dispose();
    };
  }, [subscribe]);
  return subscribe !== undefined;
}
