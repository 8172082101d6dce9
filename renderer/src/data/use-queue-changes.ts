import { useEffect, useRef } from 'react';
import { useStaffData } from './staff-data-context.ts';

/**
 * Runs `onChange` whenever the host says the queue changed (the clinic server's event stream).
 * Returns whether the host pushes changes at all: the kiosk's own window does not, and its
 * queue keeps its refresh timer.
 */
export function useQueueChanges(onChange: () => void): boolean {
  const { api } = useStaffData();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const subscribe = api.onQueueChanged;
  useEffect(() => (subscribe ? subscribe(() => latest.current()) : undefined), [subscribe]);
  return subscribe !== undefined;
}
