import { useEffect, useState } from 'react';
import type { AdminSettings } from '../../../api/contract.ts';
import type { ApiIssue } from '../../../api/result.ts';
import { fileToDataUrl } from './files.ts';

type NumberKey = 'idleWarningSeconds' | 'idleCountdownSeconds' | 'doneResetSeconds' | 'autoLogoffMinutes' | 'retentionDays';

const NUMBER_FIELDS: readonly { readonly key: NumberKey; readonly label: string }[] = [
  { key: 'idleWarningSeconds', label: 'Idle time before “Still there?” (seconds)' },
  { key: 'idleCountdownSeconds', label: 'Countdown before the kiosk resets (seconds)' },
  { key: 'doneResetSeconds', label: 'Done screen stays for (seconds)' },
  { key: 'autoLogoffMinutes', label: 'Staff sign-out after inactivity (minutes)' },
  { key: 'retentionDays', label: 'Keep submissions for (days)' },
];

/** Largest logo file accepted before upload (main enforces its own limit too). */
const MAX_LOGO_BYTES = 290_000;

/** Clinic details, timeouts, export folder, retention and languages; saved together. */
export function SettingsPanel({ onSessionEnded }: { readonly onSessionEnded: () => void }) {
  const [saved, setSaved] = useState<AdminSettings | null>(null);
  const [form, setForm] = useState<AdminSettings | null>(null);
  const [languagesText, setLanguagesText] = useState('');
  const [issues, setIssues] = useState<readonly ApiIssue[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void window.kiosk.adminGetSettings({}).then((r) => {
      if (r.ok) {
        setSaved(r.value);
        setForm(r.value);
        setLanguagesText(r.value.languages.join(', '));
      } else if (r.error.code === 'unauthenticated') onSessionEnded();
      else setStatus(r.error.message);
    });
  }, [onSessionEnded]);

  if (!form || !saved) return <p aria-busy="true">Loading settings…</p>;
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
    const r = await window.kiosk.adminUpdateSettings({
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
      setStatus('Settings saved.');
    } else if (r.error.code === 'unauthenticated') onSessionEnded();
    else {
      setIssues(r.error.issues ?? []);
      setStatus(`Not saved: ${r.error.message}`);
    }
  };

  return (
    <section className="staff-panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Clinic settings</h2>
      <div className="field">
        <label htmlFor="setting-clinicName" className="field-label">
          Clinic name
        </label>
        <input id="setting-clinicName" className="admin-input" value={form.clinicName} onChange={(e) => set({ clinicName: e.target.value })} {...describe('clinicName')} />
        {issueText('clinicName')}
      </div>
      <div className="field">
        <label htmlFor="setting-clinicAddress" className="field-label">
          Address (printed on the PDF)
        </label>
        <textarea id="setting-clinicAddress" className="admin-input" rows={3} value={form.clinicAddress} onChange={(e) => set({ clinicAddress: e.target.value })} {...describe('clinicAddress')} />
        {issueText('clinicAddress')}
      </div>
      <div className="field">
        <span className="field-label" id="logo-label">
          Logo (PNG or JPEG, up to about 290 kB; shown on the kiosk and the PDF)
        </span>
        <div className="row-fields">
          {form.logoDataUrl ? <img src={form.logoDataUrl} alt="Current clinic logo" className="logo-preview" /> : <p>No logo.</p>}
          <label htmlFor="setting-logo" className="button secondary file-button">
            Choose logo…
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
                setIssues([{ path: 'logoDataUrl', message: 'That image is too large. Please choose one under about 290 kB.' }]);
                return;
              }
              void fileToDataUrl(file).then((logoDataUrl) => set({ logoDataUrl }));
            }}
          />
          {form.logoDataUrl ? (
            <button type="button" className="button secondary" onClick={() => set({ logoDataUrl: null })}>
              Remove logo
            </button>
          ) : null}
        </div>
        {issueText('logoDataUrl')}
      </div>
      <div className="settings-grid">
        {NUMBER_FIELDS.map(({ key, label }) => (
          <div className="field" key={key}>
            <label htmlFor={`setting-${key}`} className="field-label">
              {label}
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
          Export folder for PDF copies (full path; leave empty for none). The kiosk checks it can write there.
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
            Kiosk languages (codes, comma-separated)
          </label>
          <input id="setting-languages" className="admin-input mono" value={languagesText} onChange={(e) => setLanguagesText(e.target.value)} {...describe('languages')} />
          {issueText('languages')}
        </div>
        <div className="field">
          <label htmlFor="setting-defaultLanguage" className="field-label">
            Default language
          </label>
          <input id="setting-defaultLanguage" className="admin-input mono narrow" value={form.defaultLanguage} onChange={(e) => set({ defaultLanguage: e.target.value.trim() })} {...describe('defaultLanguage')} />
          {issueText('defaultLanguage')}
        </div>
      </div>
      <div className="item-actions">
        <button type="button" className="button primary" onClick={() => void save()}>
          Save settings
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
          Undo changes
        </button>
      </div>
      <p role="status" className="admin-status">
        {status}
      </p>
    </section>
  );
}
