import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSettings, Request } from '../../../api/contract.ts';
import type { ApiIssue } from '../../../api/result.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { AGE_OF_CONSENT_RANGE } from '../../../forms/engine/index.ts';
import { nativeLanguageName } from '../i18n/index.ts';
import { fileToDataUrl } from './files.ts';
import { TextField } from '../widgets/TextField.tsx';
import { daysToRetention, languageChoices, RETENTION_LIMITS, retentionToDays, type RetentionParts } from './settings-units.ts';
import { CodeInput } from './forms/CodeInput.tsx';

type NumberKey = 'idleWarningSeconds' | 'idleCountdownSeconds' | 'doneResetSeconds' | 'autoLogoffMinutes';

/** The number settings, in screen order; each one's label is `settings.field.<key>`. */
const NUMBER_FIELDS: readonly NumberKey[] = ['idleWarningSeconds', 'idleCountdownSeconds', 'doneResetSeconds', 'autoLogoffMinutes'];

/** The retention inputs: each part's largest value keeps the total within main's limit. */
const RETENTION_UNITS = [
  { part: 'years', max: RETENTION_LIMITS.maxYears, label: 'settings.retentionYears' },
  { part: 'months', max: 11, label: 'settings.retentionMonths' },
] as const satisfies readonly { part: keyof RetentionParts; max: number; label: string }[];

/** Largest logo file accepted before upload (main enforces its own limit too). */
const MAX_LOGO_BYTES = 290_000;

/** Clinic details, timeouts, export folder, retention, age of consent and languages; saved together. */
export function SettingsPanel() {
  const { t, i18n } = useTranslation('admin');
  const [saved, setSaved] = useState<AdminSettings | null>(null);
  const [form, setForm] = useState<AdminSettings | null>(null);
  const [issues, setIssues] = useState<readonly ApiIssue[]>([]);
  const [status, setStatus] = useState('');
  const adopt = (settings: AdminSettings) => {
    setSaved(settings);
    setForm(settings);
  };
  const loaded = useKioskQuery((api) => api.adminGetSettings({}), [], { onData: adopt });
  const saveCall = useKioskAction((api, next: Request<'admin:updateSettings'>) => api.adminUpdateSettings(next));

  if (!form || !saved) return loaded.isLoading ? <p aria-busy="true">{t('settings.loading')}</p> : <CallError errors={[loaded.error]} />;
  // Every language the kiosk has text for (the bundled resources), named in itself and in the staff language.
  const choices = languageChoices(Object.keys(i18n.options.resources ?? {}), saved.languages, i18n.language, nativeLanguageName);
  const retention = daysToRetention(form.retentionDays);
  const setRetention = (patch: Partial<RetentionParts>) => set({ retentionDays: retentionToDays({ ...retention, ...patch }) });
  const toggleLanguage = (code: string, isOn: boolean) => {
    const languages = choices.map((c) => c.code).filter((c) => (c === code ? isOn : form.languages.includes(c)));
    const defaultLanguage = languages.includes(form.defaultLanguage) ? form.defaultLanguage : (languages[0] ?? form.defaultLanguage);
    set({ languages, defaultLanguage });
  };
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
      ageOfConsent: form.ageOfConsent,
      languages: [...form.languages],
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
        <label htmlFor="setting-clinicName" id="setting-clinicName-label" className="field-label">
          {t('settings.clinicName')}
        </label>
        <TextField
          id="setting-clinicName"
          kind="short"
          lang={i18n.language}
          value={form.clinicName}
          onChange={(clinicName) => set({ clinicName })}
          describedBy={issueFor('clinicName') ? 'setting-clinicName-error' : undefined}
          invalid={Boolean(issueFor('clinicName'))}
          labelId="setting-clinicName-label"
        />
        {issueText('clinicName')}
      </div>
      <div className="field">
        <label htmlFor="setting-clinicAddress" id="setting-clinicAddress-label" className="field-label">
          {t('settings.clinicAddress')}
        </label>
        <TextField
          id="setting-clinicAddress"
          kind="long"
          lang={i18n.language}
          value={form.clinicAddress}
          onChange={(clinicAddress) => set({ clinicAddress })}
          describedBy={issueFor('clinicAddress') ? 'setting-clinicAddress-error' : undefined}
          invalid={Boolean(issueFor('clinicAddress'))}
          labelId="setting-clinicAddress-label"
        />
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
              void fileToDataUrl(file).then(
                (logoDataUrl) => set({ logoDataUrl }),
                () => setIssues([{ path: 'logoDataUrl', message: t('settings.logoUnreadable') }]),
              );
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
            <label htmlFor={`setting-${key}`} id={`setting-${key}-label`} className="field-label">
              {t(`settings.field.${key}`)}
            </label>
            <CodeInput id={`setting-${key}`} kind="number" value={String(form[key])} onChange={(text) => set({ [key]: Number(text) })} invalid={Boolean(issueFor(key))} describedBy={issueFor(key) ? `setting-${key}-error` : undefined} />
            {issueText(key)}
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor="setting-exportFolder" id="setting-exportFolder-label" className="field-label">
          {t('settings.exportFolder')}
        </label>
        <CodeInput
          id="setting-exportFolder"
          value={form.exportFolder ?? ''}
          onChange={(text) => set({ exportFolder: text === '' ? null : text })}
          invalid={Boolean(issueFor('exportFolder'))}
          describedBy={issueFor('exportFolder') ? 'setting-exportFolder-error' : undefined}
        />
        {issueText('exportFolder')}
      </div>
      <fieldset className="field settings-retention">
        <legend className="field-label">{t('settings.retention')}</legend>
        <div className="row-fields">
          {RETENTION_UNITS.map(({ part, max, label }) => (
            <div className="field" key={part}>
              <label htmlFor={`setting-retention-${part}`} id={`setting-retention-${part}-label`}>
                {t(label)}
              </label>
              <CodeInput
                id={`setting-retention-${part}`}
                kind="number"
                maxLength={String(max).length}
                value={String(retention[part])}
                invalid={Boolean(issueFor('retentionDays'))}
                describedBy={issueFor('retentionDays') ? 'setting-retentionDays-error' : undefined}
                onChange={(text) => setRetention({ [part]: Math.max(0, Math.min(max, Math.trunc(Number(text) || 0))) })}
              />
            </div>
          ))}
        </div>
        <p>{t('settings.retentionHint', { count: form.retentionDays })}</p>
        {issueText('retentionDays')}
      </fieldset>
      <div className="field">
        <label htmlFor="setting-ageOfConsent" id="setting-ageOfConsent-label" className="field-label">
          {t('settings.ageOfConsent')}
        </label>
        <CodeInput
          id="setting-ageOfConsent"
          kind="number"
          maxLength={String(AGE_OF_CONSENT_RANGE.max).length}
          value={String(form.ageOfConsent)}
          onChange={(text) => set({ ageOfConsent: Math.trunc(Number(text) || 0) })}
          invalid={Boolean(issueFor('ageOfConsent'))}
          describedBy={issueFor('ageOfConsent') ? 'setting-ageOfConsent-error' : 'setting-ageOfConsent-hint'}
        />
        <p id="setting-ageOfConsent-hint">{t('settings.ageOfConsentHint', { min: AGE_OF_CONSENT_RANGE.min, max: AGE_OF_CONSENT_RANGE.max })}</p>
        {issueText('ageOfConsent')}
      </div>
      <fieldset className="field" aria-describedby={issueFor('languages') ? 'setting-languages-error' : undefined}>
        <legend className="field-label">{t('settings.languages')}</legend>
        <div className="settings-languages">
          {choices.map((c) => (
            <label key={c.code} className="settings-language" lang={c.code}>
              <input type="checkbox" checked={form.languages.includes(c.code)} onChange={(e) => toggleLanguage(c.code, e.target.checked)} />
              <span>{c.nativeName}</span>
              {c.localName ? <span lang={i18n.language}>{t('settings.languageLocalName', { name: c.localName })}</span> : null}
            </label>
          ))}
        </div>
        {issueText('languages')}
      </fieldset>
      <div className="field">
        <label htmlFor="setting-defaultLanguage" className="field-label">
          {t('settings.defaultLanguage')}
        </label>
        <select id="setting-defaultLanguage" className="admin-input" value={form.defaultLanguage} onChange={(e) => set({ defaultLanguage: e.target.value })} {...describe('defaultLanguage')}>
          {choices
            .filter((c) => form.languages.includes(c.code))
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.localName ? t('settings.languageOption', { native: c.nativeName, name: c.localName }) : c.nativeName}
              </option>
            ))}
        </select>
        {issueText('defaultLanguage')}
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
