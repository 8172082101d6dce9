import { useCallback, useLayoutEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { StaffLanguage, StaffSession } from '../../../api/contract.ts';
import { AdminApp } from '../admin/AdminApp.tsx';
import { assertNever } from '../../../forms/engine/index.ts';
import { CallError } from '../data/CallError.tsx';
import { StaffDataProvider } from '../data/StaffDataProvider.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { createStaffI18n, STAFF_LANGUAGE } from '../i18n/index.ts';
import { useDocumentLanguage } from '../i18n/use-document-language.ts';
import { AuditScreen } from './AuditScreen.tsx';
import { DetailScreen } from './DetailScreen.tsx';
import { LanguageSelect, staffLanguageOf } from './LanguageSelect.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { OutboxBanner } from './OutboxBanner.tsx';
import { QueueScreen } from './QueueScreen.tsx';
import { SetupScreen } from './SetupScreen.tsx';
import { useSessionWatch } from './use-session-watch.ts';
import './staff-workspace.css';

interface StaffAppProps {
  /** Leave staff mode: back to the attract screen (the web app: the PIN screen), nothing of staff mode kept. */
  readonly onExit: () => void;
  /** `web`: the clinic server's web app, which has no kiosk to go back to. Default `kiosk`. */
  readonly host?: 'kiosk' | 'web';
}

type View = { readonly kind: 'queue' } | { readonly kind: 'detail'; readonly submissionId: string } | { readonly kind: 'audit' } | { readonly kind: 'admin' };

/**
 * Staff mode: first-run setup, PIN login, then the therapist's queue, a client's detail, the
 * audit log, the admin area. Staff screens have their own i18n instance (their reader's
 * language, not the last client's), set the document's lang and dir from it while they are
 * shown (the client's return on exit), and have one data provider: when any call answers
 * `unauthenticated`, every screen of that session is dropped and the PIN screen returns.
 */
export function StaffApp({ onExit, host = 'kiosk' }: StaffAppProps) {
  const [i18n] = useState(() => createStaffI18n());
  // Bumped when a session ends: the screens below remount from scratch, holding nothing of it.
  const [endedSessions, setEndedSessions] = useState(0);
  const sessionEnded = useCallback(() => setEndedSessions((n) => n + 1), []);
  return (
    <I18nextProvider i18n={i18n}>
      <StaffDataProvider onSessionEnded={sessionEnded}>
        <StaffScreens key={endedSessions} onExit={onExit} host={host} hasSessionEnded={endedSessions > 0} />
      </StaffDataProvider>
    </I18nextProvider>
  );
}

function StaffScreens({ onExit, host, hasSessionEnded }: StaffAppProps & { readonly hasSessionEnded: boolean }) {
  const { t, i18n } = useTranslation('staff');
  const status = useKioskQuery((api) => api.staffStatus({}), [], { sessionless: true });
  const lockCall = useKioskAction((api) => api.staffLock({}), { sessionless: true });
  const languageCall = useKioskAction((api, language: StaffLanguage | null) => api.staffSetLanguage({ language }));
  const [view, setView] = useState<View>({ kind: 'queue' });
  const session = status.data?.session ?? null;

  // Auto log-off: main ended the session; nothing of staff mode stays on screen.
  useSessionWatch(session !== null, onExit);

  // The signed-in person's language; before sign-in (and after a lock) the clinic's default.
  // Before paint, so no frame shows the previous reader's language.
  const language = staffLanguageOf(session?.language ?? status.data?.clinicLanguage ?? STAFF_LANGUAGE) ?? STAFF_LANGUAGE;
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);
  // The document too, not only the staff root: a client's Arabic must not leave it right to left.
  useDocumentLanguage(language);
  const chooseLanguage = (next: StaffLanguage | null) =>
    void languageCall.run(next).then((r) => {
      if (r.ok) status.setData((current) => ({ ...current, session: r.value }));
    });

  const signedIn = (next: StaffSession) => {
    setView({ kind: 'queue' });
    status.setData((current) => ({ ...current, needsSetup: false, session: next }));
  };
  // Leaves whatever main answers: the screen must not stay open on a failed lock.
  const lock = () => void lockCall.run().then(onExit);
  const toQueue = useCallback(() => setView({ kind: 'queue' }), []);
  const open = useCallback((submissionId: string) => setView({ kind: 'detail', submissionId }), []);

  const workspace = (current: StaffSession) => {
    switch (view.kind) {
      case 'queue':
        return (
          <>
            <OutboxBanner />
            <QueueScreen onOpen={open} />
          </>
        );
      case 'detail':
        return <DetailScreen key={view.submissionId} submissionId={view.submissionId} onBack={toQueue} />;
      case 'audit':
        return <AuditScreen onBack={toQueue} isAdmin={current.role === 'admin'} />;
      case 'admin':
        return current.role === 'admin' ? <AdminApp session={current} onExit={toQueue} clinicLanguage={status.data?.clinicLanguage} host={host} /> : <QueueScreen onOpen={open} />;
      default:
        return assertNever(view);
    }
  };

  const data = status.data;
  return (
    <main className="staff" aria-labelledby="staff-title" lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <header className="staff-header">
        <h1 id="staff-title">{t('app.title')}</h1>
        {session ? <p className="staff-who">{t('app.signedInAs', { name: session.name, role: t(`roles.${session.role}`) })}</p> : null}
        <nav className="staff-nav" aria-label={t('app.navLabel')}>
          {session ? (
            <span className="staff-language">
              <label htmlFor="staff-language">{t('app.language')}</label>
              <LanguageSelect id="staff-language" className="staff-language-select" value={staffLanguageOf(session.language)} onChange={chooseLanguage} disabled={languageCall.isBusy} />
            </span>
          ) : null}
          {session?.role === 'admin' && view.kind !== 'admin' ? (
            <button type="button" className="button secondary" onClick={() => setView({ kind: 'admin' })}>
              {t('app.admin')}
            </button>
          ) : null}
          {session && view.kind !== 'audit' ? (
            <button type="button" className="button secondary" onClick={() => setView({ kind: 'audit' })}>
              {t('app.auditLog')}
            </button>
          ) : null}
          {host === 'web' ? (
            session ? (
              <button type="button" className="button secondary" onClick={lock}>
                {t('app.lock')}
              </button>
            ) : null
          ) : (
            <button type="button" className="button secondary" onClick={session ? lock : onExit}>
              {session ? t('app.lockAndExit') : t('app.backToKiosk')}
            </button>
          )}
        </nav>
      </header>
      <CallError errors={[status.error, languageCall.error]} />
      {data === undefined ? null : data.needsSetup ? (
        <SetupScreen onDone={signedIn} />
      ) : session ? (
        workspace(session)
      ) : (
        <LoginScreen onDone={signedIn} hasSessionEnded={hasSessionEnded} />
      )}
    </main>
  );
}
