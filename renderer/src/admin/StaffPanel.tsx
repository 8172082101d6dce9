import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminStaffEntry, StaffLanguage, StaffRole } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { nativeLanguageName } from '../i18n/index.ts';
import { LanguageSelect } from '../staff/LanguageSelect.tsx';
import { PinPad } from '../staff/PinPad.tsx';
import { TextField } from '../widgets/TextField.tsx';

interface StaffPanelProps {
  /** The clinic's default language, named in the "follow the clinic" menu entry. */
  readonly clinicLanguage: string;
}

/**
 * Staff members: add with role and PIN, disable/enable, reset a PIN, choose each one's screen
 * language. PINs are entered on the same PIN pad as the login screen (touch, or Tab and Enter,
 * or the digit keys), never shown and never kept after they are sent.
 */
export function StaffPanel({ clinicLanguage }: StaffPanelProps) {
  const { t, i18n } = useTranslation('admin');
  const list = useKioskQuery((api) => api.adminListStaff({}), []);
  const addCall = useKioskAction((api, name: string, role: StaffRole, pin: string) => api.adminAddStaff({ name, role, pin }));
  const activeCall = useKioskAction((api, staffId: string, active: boolean) => api.adminSetStaffActive({ staffId, active }));
  const pinCall = useKioskAction((api, staffId: string, pin: string) => api.adminResetStaffPin({ staffId, pin }));
  const languageCall = useKioskAction((api, staffId: string, language: StaffLanguage | null) => api.adminSetStaffLanguage({ staffId, language }));
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('therapist');
  const [resetFor, setResetFor] = useState<string | null>(null);
  // A new pad (empty) after every attempt: nothing typed stays behind.
  const [padRound, setPadRound] = useState(0);
  const [status, setStatus] = useState('');
  const staff = list.data?.staff ?? [];

  const add = async (pin: string) => {
    setStatus('');
    const r = await addCall.run(name, role, pin);
    setPadRound((n) => n + 1);
    if (!r.ok) return;
    setName('');
    setStatus(t('staff.added', { name: r.value.name, role: t(`staff.roleName.${r.value.role}`) }));
    list.reload();
  };
  const toggle = async (s: AdminStaffEntry) => {
    setStatus('');
    const r = await activeCall.run(s.staffId, !s.active);
    if (!r.ok) return;
    setStatus(r.value.active ? t('staff.enabled', { name: s.name }) : t('staff.disabled', { name: s.name }));
    list.reload();
  };
  const chooseLanguage = async (s: AdminStaffEntry, language: StaffLanguage | null) => {
    setStatus('');
    const r = await languageCall.run(s.staffId, language);
    if (!r.ok) return;
    setStatus(t('staff.languageChanged', { name: s.name, language: nativeLanguageName(r.value.language ?? clinicLanguage) }));
    list.reload();
  };
  const reset = async (s: AdminStaffEntry, pin: string) => {
    setStatus('');
    const r = await pinCall.run(s.staffId, pin);
    setPadRound((n) => n + 1);
    if (!r.ok) return;
    setResetFor(null);
    setStatus(t('staff.pinChanged', { name: s.name }));
    list.reload();
  };

  return (
    <section className="staff-panel" aria-labelledby="staff-admin-heading">
      <h2 id="staff-admin-heading">{t('staff.title')}</h2>
      {list.isLoading ? <p aria-busy="true">{t('common.loading')}</p> : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.colName')}</th>
            <th scope="col">{t('staff.colRole')}</th>
            <th scope="col">{t('staff.colStatus')}</th>
            <th scope="col">{t('staff.colLanguage')}</th>
            <th scope="col">{t('staff.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.staffId}>
              <th scope="row">{s.name}</th>
              <td>{t(`staff.roleName.${s.role}`)}</td>
              <td>
                {s.active ? t('staff.active') : t('staff.inactive')}
                {s.lockedOut ? t('staff.lockedOut') : ''}
              </td>
              <td>
                <LanguageSelect
                  id={`staff-language-${s.staffId}`}
                  className="admin-input"
                  value={s.language}
                  defaultLabel={t('staff.clinicDefault', { language: nativeLanguageName(clinicLanguage) })}
                  disabled={languageCall.isBusy}
                  onChange={(language) => void chooseLanguage(s, language)}
                  aria-label={t('staff.languageFor', { name: s.name })}
                />
              </td>
              <td>
                <div className="item-actions">
                  <button type="button" className="button secondary small" onClick={() => void toggle(s)}>
                    {s.active ? t('staff.disable') : t('staff.enable')}
                    <span className="visually-hidden"> {s.name}</span>
                  </button>
                  <button type="button" className="button secondary small" aria-expanded={resetFor === s.staffId} onClick={() => setResetFor(resetFor === s.staffId ? null : s.staffId)}>
                    {t('staff.resetPin')}
                    <span className="visually-hidden"> {t('staff.resetPinFor', { name: s.name })}</span>
                  </button>
                </div>
                {resetFor === s.staffId ? (
                  <div className="admin-pinpad" data-testid={`reset-pin-${s.staffId}`}>
                    {/* The pad's own name says this too; the words stay in sight once digits replace the hint. */}
                    <p className="field-label">{t('staff.newPinFor', { name: s.name })}</p>
                    <PinPad key={padRound} label={t('staff.newPinFor', { name: s.name })} submitLabel={t('staff.setPin')} busy={pinCall.isBusy} onSubmit={(pin) => void reset(s, pin)} />
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('staff.addTitle')}</h3>
      <div className="row-fields">
        <div className="field">
          <label htmlFor="new-staff-name" id="new-staff-name-label" className="field-label">
            {t('staff.name')}
          </label>
          <TextField id="new-staff-name" kind="short" lang={i18n.language} value={name} maxLength={120} onChange={setName} describedBy={undefined} invalid={false} labelId="new-staff-name-label" />
        </div>
        <div className="field">
          <label htmlFor="new-staff-role" className="field-label">
            {t('staff.role')}
          </label>
          <select id="new-staff-role" className="admin-input" value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'therapist')}>
            <option value="therapist">{t('staff.roleOption.therapist')}</option>
            <option value="admin">{t('staff.roleOption.admin')}</option>
          </select>
        </div>
      </div>
      <div className="admin-pinpad" data-testid="new-staff-pinpad">
        <p className="field-label">{t('staff.pin')}</p>
        <PinPad key={padRound} label={t('staff.pin')} submitLabel={t('staff.add')} busy={addCall.isBusy} canSubmit={name.trim() !== ''} onSubmit={(pin) => void add(pin)} />
      </div>
      <p role="status" className="admin-status">
        {status}
      </p>
      <CallError errors={[list.error, addCall.error, activeCall.error, pinCall.error, languageCall.error]} />
    </section>
  );
}
