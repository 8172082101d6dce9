import { useState } from 'react';
import type { StaffSession } from '../../../api/contract.ts';
import { assertNever } from '../../../forms/engine/index.ts';
import { CertificatePanel } from './CertificatePanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { FormsPanel } from './forms/FormsPanel.tsx';
import './admin.css';

type Tab = 'forms' | 'settings' | 'staff' | 'certificate';

const TABS: readonly { readonly id: Tab; readonly label: string }[] = [
  { id: 'forms', label: 'Forms' },
  { id: 'settings', label: 'Settings' },
  { id: 'staff', label: 'Staff' },
  { id: 'certificate', label: 'Certificate' },
];

interface AdminAppProps {
  /** The admin's live session (StaffApp shows this area only for the admin role). */
  readonly session: StaffSession;
  /** Leave the admin area (back to the staff screens); called too when the session has ended. */
  readonly onExit: () => void;
}

/** The admin area: forms (editor, preview, versions), clinic settings, staff members, certificate. */
export function AdminApp({ session, onExit }: AdminAppProps) {
  const [tab, setTab] = useState<Tab>('forms');
  const panel = () => {
    switch (tab) {
      case 'forms':
        return <FormsPanel onSessionEnded={onExit} />;
      case 'settings':
        return <SettingsPanel onSessionEnded={onExit} />;
      case 'staff':
        return <StaffPanel onSessionEnded={onExit} />;
      case 'certificate':
        return <CertificatePanel onSessionEnded={onExit} />;
      default:
        return assertNever(tab);
    }
  };
  return (
    <div className="admin" data-testid="admin-app">
      <div className="admin-header">
        <h2 className="admin-title">Administration</h2>
        <p className="staff-who">Administrator: {session.name}</p>
        <button type="button" className="button secondary" onClick={onExit}>
          Close administration
        </button>
      </div>
      <nav className="admin-tabs" aria-label="Administration sections">
        {TABS.map((t) => (
          <button key={t.id} type="button" className={`button ${tab === t.id ? 'primary' : 'secondary'}`} aria-current={tab === t.id ? 'page' : undefined} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {panel()}
    </div>
  );
}
