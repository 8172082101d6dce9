import { useEffect, useRef } from 'react';

/** Ctrl+Alt+Shift+S opens staff mode: a combination no client presses by accident. */
export function useStaffShortcut(onStaff: () => void): void {
  const callback = useRef(onStaff);
  useEffect(() => {
    callback.current = onStaff;
  }, [onStaff]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.altKey && e.shiftKey && e.code === 'KeyS') {
        e.preventDefault();
        callback.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
