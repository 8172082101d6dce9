import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSettings, Request } from '../../../api/contract.ts';
import type { ApiIssue } from '../../../api/result.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { fileToDataUrl } from './files.ts';

type NumberKey = 'idleWarningSeconds' | 'idleCountdownSeconds' | 'doneResetSeconds' | 'autoLogoffMinutes' | 'retentionDays';

/** The number settings, in screen order; each one's label is `settings.field.<key>`. */
const NUMBER_FIELDS: readonly NumberKey[] = ['idleWarningSeconds', 'idleCountdownSeconds', 'doneResetSeconds', 'autoLogoffMinutes', 'retentionDays'];

/** Largest logo file accepted before upload (main enforces its own limit too). */
const MAX_LOGO_BYTES = 290_000;

/** Clinic details, timeouts, export folder, retention and languages; saved together. */
export function SettingsPanel() {
  const { t } = useTranslation('admin');
  const [saved, setSaved] = useState<AdminSettings | null>(null);
  const [form, setForm] = useState<AdminSettings | null>(null);
  const [languagesText, setLanguagesText] = useState('');
  const [issues, setIssues] = useState<readonly ApiIssue[]>([]);
  const [status, setStatus] = useState('');
  const adopt = (settings: AdminSettings) => {
    setSaved(settings);
    setForm(settings);
    setLanguagesText(settings.languages.join(', '));
  };
  const loaded = useKioskQuery((api) => api.adminGetSettings({}), [], { onData: adopt });
  const saveCall = useKioskAction((api, next: Request<'admin:updateSettings'>) => api.adminUpdateSettings(next));

  if (!form || !saved) return loaded.isLoading ? <p aria-busy="true">{t('settings.loading')}</p> : <CallError errors={[loaded.error]} />;
  const issueFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const set = (patch: Partial<AdminSettings>) => setForm({ ...form, ...patch });
  const describe = (path: string) => (issueFor(path) ? { 'aria-invalid': true as const, 'aria-describedby': `setting-${path}-error` } : {});
  const issueText = (path: string) =>
    issueFor(path) ? (
      <p id={`setting-${path}-error`} className="error-text">
        {issueFor(path)}
      </p>
    ) : null;

  const save = async () => {
    setStatus('');
    const r = await saveCall.run({
      clinicName: form.clinicName,
      clinicAddress: form.clinicAddress,
      logoDataUrl: form.logoDataUrl,
      idleWarningSeconds: form.idleWarningSeconds,
      idleCountdownSeconds: form.idleCountdownSeconds,
      doneResetSeconds: form.doneResetSeconds,
      autoLogoffMinutes: form.autoLogoffMinutes,
      exportFolder: form.exportFolder,
      retentionDays: form.retentionDays,
      languages: languagesText
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      defaultLanguage: form.defaultLanguage,
    });
    if (r.ok) {
      setSaved(r.value);
      setForm(r.value);
      setIssues([]);
      setStatus(t('settings.saved'));
    } else {
      setIssues(r.error.issues ?? []);
      setStatus(t('settings.notSaved'));
    }
  };

  return (
    <section className="staff-panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.title')}</h2>
      <div className="field">
        <label htmlFor="setting-clinicName" className="field-label">
          {t('settings.clinicName')}
        </label>
        <input id="setting-clinicName" className="admin-input" value={form.clinicName} onChange={(e) => set({ clinicName: e.target.value })} {...describe('clinicName')} />
        {issueText('clinicName')}
      </div>
      <div className="field">
        <label htmlFor="setting-clinicAddress" className="field-label">
          {t('settings.clinicAddress')}
        </label>
        <textarea id="setting-clinicAddress" className="admin-input" rows={3} value={form.clinicAddress} onChange={(e) => set({ clinicAddress: e.target.value })} {...describe('clinicAddress')} />
        {issueText('clinicAddress')}
      </div>
      <div className="field">
        <span className="field-label" id="logo-label">
          {t('settings.logo')}
        </span>
        <div className="row-fields">
          {form.logoDataUrl ? <img src={form.logoDataUrl} alt={t('settings.logoAlt')} className="logo-preview" /> : <p>{t('settings.noLogo')}</p>}
          <label htmlFor="setting-logo" className="button secondary file-button">
            {t('settings.chooseLogo')}
          </label>
          <input
            id="setting-logo"
            type="file"
            accept="image/png,image/jpeg"
            className="visually-hidden"
            aria-describedby="logo-label"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > MAX_LOGO_BYTES) {
                setIssues([{ path: 'logoDataUrl', message: t('settings.logoTooLarge') }]);
                return;
              }
              void fileToDataUrl(file).then((logoDataUrl) => set({ logoDataUrl }));
            }}
          />
          {form.logoDataUrl ? (
            <button type="button" className="button secondary" onClick={() => set({ logoDataUrl: null })}>
              {t('settings.removeLogo')}
            </button>
          ) : null}
        </div>
        {issueText('logoDataUrl')}
      </div>
      <div className="settings-grid">
        {NUMBER_FIELDS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`setting-${key}`} className="field-label">
              {t(`settings.field.${key}`)}
            </label>
            <input
              id={`setting-${key}`}
              className="admin-input narrow"
              type="number"
              inputMode="numeric"
              value={String(form[key])}
              onChange={(e) => set({ [key]: Number(e.target.value) })}
              {...describe(key)}
            />
            {issueText(key)}
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor="setting-exportFolder" className="field-label">
          {t('settings.exportFolder')}
        </label>
        <input
          id="setting-exportFolder"
          className="admin-input mono"
          value={form.exportFolder ?? ''}
          onChange={(e) => set({ exportFolder: e.target.value === '' ? null : e.target.value })}
          {...describe('exportFolder')}
        />
        {issueText('exportFolder')}
      </div>
      <div className="row-fields">
        <div className="field">
          <label htmlFor="setting-languages" className="field-label">
            {t('settings.languages')}
          </label>
          <input id="setting-languages" className="admin-input mono" value={languagesText} onChange={(e) => setLanguagesText(e.target.value)} {...describe('languages')} />
          {issueText('languages')}
        </div>
        <div className="field">
          <label htmlFor="setting-defaultLanguage" className="field-label">
            {t('settings.defaultLanguage')}
          </label>
          <input id="setting-defaultLanguage" className="admin-input mono narrow" value={form.defaultLanguage} onChange={(e) => set({ defaultLanguage: e.target.value.trim() })} {...describe('defaultLanguage')} />
          {issueText('defaultLanguage')}
        </div>
      </div>
      <div className="item-actions">
        <button type="button" className="button primary" disabled={saveCall.isBusy} onClick={() => void save()}>
          {t('settings.save')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setForm(saved);
            setLanguagesText(saved.languages.join(', '));
            setIssues([]);
          }}
        >
          {t('settings.undo')}
        </button>
      </div>
      <p role="status" className="admin-status">
        {status}
      </p>
      <CallError errors={[saveCall.error]} />
    </section>
  );
}
