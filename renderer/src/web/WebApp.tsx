import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { onUnpaired } from './http-bridge.ts';
import { PairingScreen } from './PairingScreen.tsx';

const StaffApp = lazy(() => import('../staff/StaffApp.tsx').then((m) => ({ default: m.StaffApp })));

/** `revoked`: it was paired, then a call answered `not_paired` (an admin revoked it). */
type Gate = 'checking' | 'unpaired' | 'revoked' | 'paired';

/**
 * The staff web app's gate: an unpaired browser sees only the pairing screen; a paired one
 * the staff screens (PIN, queue, detail, admin), as at the kiosk but without a way "back to
 * the kiosk": leaving staff mode (lock, idle log-off) returns to the PIN screen. The moment any
 * call answers that this browser is no longer paired, the staff screens (and the client data on
 * them) close and the pairing screen says why.
 */
export function WebApp() {
  const [gate, setGate] = useState<Gate>('checking');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    void window.kiosk.staffStatus({}).then(
      (result) => {
        if (current) setGate(!result.ok && result.error.code === 'not_paired' ? 'unpaired' : 'paired');
      },
      // Unreachable: show the staff screens, whose calls say so and retry.
      () => current && setGate('paired'),
    );
    return () => {
      current = false;
    };
  }, [generation]);
  useEffect(() => onUnpaired(() => setGate((current) => (current === 'paired' ? 'revoked' : current))), []);
  const restart = useCallback(() => setGeneration((g) => g + 1), []);

  switch (gate) {
    case 'checking':
      return <main className="screen screen-center" aria-busy="true" aria-label="Staff" />;
    case 'unpaired':
    case 'revoked':
      return <PairingScreen onPaired={() => setGate('paired')} wasRevoked={gate === 'revoked'} />;
    case 'paired':
      return (
        <Suspense fallback={<main className="screen screen-center" aria-busy="true" aria-label="Staff" />}>
          <StaffApp key={generation} onExit={restart} host="web" />
        </Suspense>
      );
  }
}
