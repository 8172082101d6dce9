import { useCallback, useEffect, useState } from 'react';
import type { StaffSession, StaffStatus } from '../../../api/contract.ts';
import type { ApiError } from '../../../api/result.ts';
import { AdminApp } from '../admin/AdminApp.tsx';
import { assertNever } from '../../../forms/engine/index.ts';
import { AuditScreen } from './AuditScreen.tsx';
import { DetailScreen } from './DetailScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { QueueScreen } from './QueueScreen.tsx';
import { SetupScreen } from './SetupScreen.tsx';
import { useSessionWatch } from './use-session-watch.ts';
import './staff-workspace.css';

interface StaffAppProps {
  /** Leave staff mode: back to the attract screen, nothing of staff mode kept. */
  readonly onExit: () => void;
}

type View = { readonly kind: 'queue' } | { readonly kind: 'detail'; readonly submissionId: string } | { readonly kind: 'audit' } | { readonly kind: 'admin' };

/** Staff mode: first-run setup, PIN login, then the therapist's queue, a client's detail, the audit log. */
export function StaffApp({ onExit }: StaffAppProps) {
  const [status, setStatus] = useState<StaffStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'queue' });
  const session = status?.session ?? null;

  useEffect(() => {
    void window.kiosk.staffStatus({}).then((result) => {
      if (result.ok) setStatus(result.value);
      else setError(result.error.message);
    });
  }, []);

  // Auto log-off: main ended the session; nothing of staff mode stays on screen.
  useSessionWatch(session !== null, onExit);

  const onApiError = useCallback(
    (apiError: ApiError) => {
      if (apiError.code === 'unauthenticated') onExit();
    },
    [onExit],
  );
  const signedIn = (next: StaffSession) => {
    setView({ kind: 'queue' });
    setStatus({ needsSetup: false, session: next });
  };
  const lock = async () => {
    await window.kiosk.staffLock({});
    onExit();
  };
  const toQueue = useCallback(() => setView({ kind: 'queue' }), []);
  const open = useCallback((submissionId: string) => setView({ kind: 'detail', submissionId }), []);

  const workspace = (current: StaffSession) => {
    switch (view.kind) {
      case 'queue':
        return <QueueScreen onOpen={open} onError={onApiError} />;
      case 'detail':
        return <DetailScreen key={view.submissionId} submissionId={view.submissionId} onBack={toQueue} onError={onApiError} />;
      case 'audit':
        return <AuditScreen onBack={toQueue} onError={onApiError} />;
      case 'admin':
        // The admin area closes back to the queue; a lapsed session is caught by useSessionWatch.
        return current.role === 'admin' ? <AdminApp session={current} onExit={toQueue} /> : <QueueScreen onOpen={open} onError={onApiError} />;
      default:
        return assertNever(view);
    }
  };

  return (
    <main className="staff" aria-labelledby="staff-title">
      <header className="staff-header">
        <h1 id="staff-title">Staff</h1>
        {session ? (
          <p className="staff-who">
            Signed in as {session.name} ({session.role})
          </p>
        ) : null}
        <nav className="staff-nav" aria-label="Staff">
          {session?.role === 'admin' && view.kind !== 'admin' ? (
            <button type="button" className="button secondary" onClick={() => setView({ kind: 'admin' })}>
              Admin
            </button>
          ) : null}
          {session && view.kind !== 'audit' ? (
            <button type="button" className="button secondary" onClick={() => setView({ kind: 'audit' })}>
              Audit log
            </button>
          ) : null}
          <button type="button" className="button secondary" onClick={session ? () => void lock() : onExit}>
            {session ? 'Lock and exit' : 'Back to kiosk'}
          </button>
        </nav>
      </header>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {status === null ? null : status.needsSetup ? <SetupScreen onDone={signedIn} /> : session ? workspace(session) : <LoginScreen onDone={signedIn} />}
    </main>
  );
}
