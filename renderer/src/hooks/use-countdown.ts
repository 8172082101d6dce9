import { useEffect, useRef, useState } from 'react';

/** Seconds left until `ms` from mount; calls `onDone` once at the end. */
export function useCountdown(ms: number, onDone: () => void): number {
  const [deadline] = useState(() => Date.now() + ms);
  const [now, setNow] = useState(() => Date.now());
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  }, [onDone]);
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    const end = window.setTimeout(() => doneRef.current(), Math.max(0, deadline - Date.now()));
    return () => {
      window.clearInterval(tick);
      window.clearTimeout(end);
    };
  }, [deadline]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
