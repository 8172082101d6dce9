import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../api/contract.ts';
import { assertNever } from '../../../forms/engine/index.ts';
import { CertificatePanel } from './CertificatePanel.tsx';
import { ClinicServerPanel } from './ClinicServerPanel.tsx';
import { DataKeyPanel } from './DataKeyPanel.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { FormsPanel } from './forms/FormsPanel.tsx';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import './admin.css';
import './admin-dialogs.css';

type Tab = 'forms' | 'settings' | 'staff' | 'devices' | 'network' | 'certificate';

const TABS: readonly Tab[] = ['forms', 'settings', 'staff', 'devices', 'network', 'certificate'];
/** Joining a clinic server is done at the kiosk itself; the server's web app has no such section. */
const KIOSK_ONLY_TABS: ReadonlySet<Tab> = new Set(['network']);

/** The Devices and Clinic server panels keep their text, their section buttons' too, in their own files (i18n/admin-devices-*.ts, admin-network-*.ts). */
const tabLabelKey = (tab: Tab) => (tab === 'devices' || tab === 'network' ? `${tab}.tab` : `app.tab.${tab}`);

interface AdminAppProps {
  /** The admin's live session (StaffApp shows this area only for the admin role). */
  readonly session: StaffSession;
  /** Leave the admin area (back to the staff screens). A session that ends is StaffApp's (data provider). */
  readonly onExit: () => void;
  /** The clinic's default language (staff who chose none read their screens in it). */
  readonly clinicLanguage?: string;
  /** Where the admin area is shown: the kiosk's own window, or the clinic server's web app. */
  readonly host?: 'kiosk' | 'web';
}

/** The admin area: forms (editor, preview, versions), clinic settings, staff members, paired devices, the clinic server (at the kiosk), certificate and data key. */
export function AdminApp({ session, onExit, clinicLanguage = 'en', host = 'kiosk' }: AdminAppProps) {
  const { t } = useTranslation('admin');
  const [tab, setTab] = useState<Tab>('forms');
  // One on-screen keyboard at a time across the admin area: a text field opens it on a tap.
  const [keyboardId, setKeyboardId] = useState<string | null>(null);
  const keyboardOwner = useMemo(() => ({ activeId: keyboardId, setActiveId: setKeyboardId }), [keyboardId]);
  const panel = () => {
    switch (tab) {
      case 'forms':
        return <FormsPanel />;
      case 'settings':
        return <SettingsPanel />;
      case 'staff':
        return <StaffPanel clinicLanguage={clinicLanguage} />;
      case 'devices':
        return <DevicesPanel />;
      case 'network':
        return <ClinicServerPanel />;
      case 'certificate':
        return (
          <>
            <CertificatePanel />
            <DataKeyPanel />
          </>
        );
      default:
        return assertNever(tab);
    }
  };
  return (
    <div className="admin" data-testid="admin-app">
      <div className="admin-header">
        <h2 className="admin-title">{t('app.title')}</h2>
        <p className="staff-who">{t('app.who', { name: session.name })}</p>
        <button type="button" className="button secondary" onClick={onExit}>
          {t('app.close')}
        </button>
      </div>
      <nav className="admin-tabs" aria-label={t('app.tabsLabel')}>
        {TABS.filter((id) => host === 'kiosk' || !KIOSK_ONLY_TABS.has(id)).map((id) => (
          <button key={id} type="button" className={`button ${tab === id ? 'primary' : 'secondary'}`} aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {t(tabLabelKey(id))}
          </button>
        ))}
      </nav>
      <KeyboardOwnerContext value={keyboardOwner}>{panel()}</KeyboardOwnerContext>
    </div>
  );
}
