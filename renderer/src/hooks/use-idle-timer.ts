import { useCallback, useEffect, useRef, useState } from 'react';

export type IdlePhase = 'active' | 'warning';

/** Any of these on the document counts as "the client is still here". */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

interface IdleOptions {
  readonly enabled: boolean;
  readonly warningMs: number;
  readonly countdownMs: number;
  /** Called once when the countdown runs out. */
  readonly onTimeout: () => void;
}

/**
 * Idle handling: after `warningMs` without input the phase becomes 'warning' and a
 * countdown of `countdownMs` starts; activity before then restarts the wait, while in
 * 'warning' only `stay()` does (a stray touch on the dialog's backdrop should not silently
 * keep a walked-away client's answers on screen).
 */
export function useIdleTimer({ enabled, warningMs, countdownMs, onTimeout }: IdleOptions) {
  const [phase, setPhase] = useState<IdlePhase>('active');
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const timeoutRef = useRef(onTimeout);
  const phaseRef = useRef<IdlePhase>('active');
  const [restartToken, setRestartToken] = useState(0);

  useEffect(() => {
    timeoutRef.current = onTimeout;
  }, [onTimeout]);

  // Waiting for the warning: restart on every activity event.
  useEffect(() => {
    if (!enabled || phase !== 'active') return;
    let timer = window.setTimeout(warn, warningMs);
    function warn() {
      phaseRef.current = 'warning';
      setPhase('warning');
      setDeadline(Date.now() + countdownMs);
      setNow(Date.now());
    }
    const restart = () => {
      if (phaseRef.current !== 'active') return;
      window.clearTimeout(timer);
      timer = window.setTimeout(warn, warningMs);
    };
    for (const e of ACTIVITY_EVENTS) document.addEventListener(e, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) document.removeEventListener(e, restart, { capture: true });
    };
  }, [enabled, phase, warningMs, countdownMs, restartToken]);

  // Counting down: tick once a second for the visible countdown, reset at the deadline.
  useEffect(() => {
    if (!enabled || phase !== 'warning' || deadline === null) return;
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    const end = window.setTimeout(() => timeoutRef.current(), Math.max(0, deadline - Date.now()));
    return () => {
      window.clearInterval(tick);
      window.clearTimeout(end);
    };
  }, [enabled, phase, deadline]);

  const stay = useCallback(() => {
    phaseRef.current = 'active';
    setPhase('active');
    setDeadline(null);
    setRestartToken((n) => n + 1);
  }, []);

  const secondsLeft = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  return { phase: enabled ? phase : 'active', secondsLeft, stay } as const;
}
