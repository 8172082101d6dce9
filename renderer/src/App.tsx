import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Staff and admin screens (with pdf.js) load only when staff mode opens, so a client's
// first screen does not wait for code it never uses.
const StaffApp = lazy(() => import('./staff/StaffApp.tsx').then((m) => ({ default: m.StaffApp })));
import { ClientSession } from './client/ClientSession.tsx';
import { useKioskBoot } from './hooks/use-kiosk-boot.ts';
import { useStaffShortcut } from './hooks/use-staff-shortcut.ts';
import { applyLanguage } from './i18n/index.ts';
import { assertNever } from '../../forms/engine/index.ts';

type Mode = 'client' | 'staff';

/**
 * The mode switch. Each client session is a fresh React subtree (keyed by `generation`):
 * a reset unmounts it, so answers, signature, keyboard buffer and refs are all dropped.
 */
export function App() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('client');
  const [generation, setGeneration] = useState(0);
  const { state, retry } = useKioskBoot(generation);

  const resetClient = useCallback(() => {
    if (state.status === 'ready') applyLanguage(state.config.defaultLanguage);
    setGeneration((g) => g + 1);
  }, [state]);
  const enterStaff = useCallback(() => {
    // Entering staff mode ends any client session in progress: nothing of it is kept.
    setGeneration((g) => g + 1);
    setMode('staff');
  }, []);
  const exitStaff = useCallback(() => {
    setGeneration((g) => g + 1);
    setMode('client');
  }, []);
  useStaffShortcut(enterStaff);

  if (mode === 'staff') {
    return (
      <Suspense fallback={<main className="screen screen-center" aria-busy="true" aria-label="Staff" />}>
        <StaffApp onExit={exitStaff} />
      </Suspense>
    );
  }

  switch (state.status) {
    case 'loading':
      return (
        <main className="screen screen-center" aria-busy="true">
          <h1 className="visually-hidden">{t('attract.welcome')}</h1>
          <p className="lead">{t('app.loading')}</p>
        </main>
      );
    case 'error':
      return (
        <main className="screen screen-center">
          <h1>{t('attract.welcome')}</h1>
          <p className="lead" role="alert">
            {t('app.loadError')}
          </p>
          <button type="button" className="button primary" onClick={retry}>
            {t('app.retry')}
          </button>
        </main>
      );
    case 'ready':
      return <ClientSession key={generation} config={state.config} form={state.form} onReset={resetClient} onStaff={enterStaff} />;
    default:
      return assertNever(state);
  }
}
