import { useCallback, useEffect, useState } from 'react';
import type { StaffSession, StaffStatus } from '../../../api/contract.ts';
import { SetupScreen } from './SetupScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { QueueScreen } from './QueueScreen.tsx';

interface StaffAppProps {
  /** Leave staff mode: back to the attract screen, nothing of staff mode kept. */
  readonly onExit: () => void;
}

/** Staff mode: first-run setup, PIN login, then the therapist's queue. */
export function StaffApp({ onExit }: StaffAppProps) {
  const [status, setStatus] = useState<StaffStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await window.kiosk.staffStatus({});
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signedIn = (session: StaffSession) => setStatus({ needsSetup: false, session });
  const lock = async () => {
    await window.kiosk.staffLock({});
    onExit();
  };

  return (
    <main className="staff" aria-labelledby="staff-title">
      <header className="staff-header">
        <h1 id="staff-title">Staff</h1>
        {status?.session ? (
          <p className="staff-who">
            Signed in as {status.session.name} ({status.session.role})
          </p>
        ) : null}
        <button type="button" className="button secondary" onClick={status?.session ? lock : onExit}>
          {status?.session ? 'Lock and exit' : 'Back to kiosk'}
        </button>
      </header>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {status === null ? null : status.needsSetup ? (
        <SetupScreen onDone={signedIn} />
      ) : status.session ? (
        <QueueScreen onSessionEnded={onExit} />
      ) : (
        <LoginScreen onDone={signedIn} />
      )}
    </main>
  );
}
