import { useEffect, useRef } from 'react';
import { createReloadCoalescer } from './coalesce-reloads.ts';
import { LIVE_RELOAD_MAX_WAIT_MS, LIVE_RELOAD_WINDOW_MS } from './live-reload-timing.ts';
import { useStaffData } from './staff-data-context.ts';

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
