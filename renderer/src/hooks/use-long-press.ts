import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';

/**
 * Pointer handlers that fire `onLongPress` after the pointer stays down for `ms`.
 * Releasing, leaving or cancelling early does nothing, so a passing tap is harmless.
 */
export function useLongPress(onLongPress: () => void, ms = 2000) {
  const timer = useRef<number | null>(null);
  const callback = useRef(onLongPress);
  useEffect(() => {
    callback.current = onLongPress;
  }, [onLongPress]);
  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);
  return {
    onPointerDown: (e: ReactPointerEvent) => {
      e.preventDefault();
      cancel();
      timer.current = window.setTimeout(() => {
        timer.current = null;
        callback.current();
      }, ms);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    onContextMenu: (e: { preventDefault(): void }) => e.preventDefault(),
  };
}
