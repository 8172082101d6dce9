import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../api/contract.ts';
import { assertNever } from '../../../forms/engine/index.ts';
import { CertificatePanel } from './CertificatePanel.tsx';
import { DataKeyPanel } from './DataKeyPanel.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { FormsPanel } from './forms/FormsPanel.tsx';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import './admin.css';
import './admin-dialogs.css';

type Tab = 'forms' | 'settings' | 'staff' | 'devices' | 'certificate';

const TABS: readonly Tab[] = ['forms', 'settings', 'staff', 'devices', 'certificate'];

/** The Devices panel keeps its text, its section button's too, in its own files (i18n/admin-devices-*.ts). */
const tabLabelKey = (tab: Tab) => (tab === 'devices' ? 'devices.tab' : `app.tab.${tab}`);

interface AdminAppProps {
  /** The admin's live session (StaffApp shows this area only for the admin role). */
  readonly session: StaffSession;
  /** Leave the admin area (back to the staff screens). A session that ends is StaffApp's (data provider). */
  readonly onExit: () => void;
  /** The clinic's default language (staff who chose none read their screens in it). */
  readonly clinicLanguage?: string;
}

/** The admin area: forms (editor, preview, versions), clinic settings, staff members, paired devices, certificate and data key. */
export function AdminApp({ session, onExit, clinicLanguage = 'en' }: AdminAppProps) {
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
        {TABS.map((id) => (
          <button key={id} type="button" className={`button ${tab === id ? 'primary' : 'secondary'}`} aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {t(tabLabelKey(id))}
          </button>
        ))}
      </nav>
      <KeyboardOwnerContext value={keyboardOwner}>{panel()}</KeyboardOwnerContext>
    </div>
  );
}
