import { useState, type FormEvent } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createStaffI18n, STAFF_LANGUAGE } from '../i18n/index.ts';
import { staffLanguageOf } from '../staff/LanguageSelect.tsx';
import { pairDevice } from './http-bridge.ts';

interface PairingScreenProps {
  readonly onPaired: () => void;
  /** This browser was paired until a moment ago (revoked): say why the staff screens closed. */
  readonly wasRevoked?: boolean;
}

/** The browser's own language when the staff screens have it (nobody is signed in to choose one yet). */
function browserLanguage(): string {
  for (const tag of navigator.languages) {
    const language = staffLanguageOf(tag.split('-')[0] ?? '');
    if (language) return language;
  }
  return STAFF_LANGUAGE;
}

/** What an unpaired browser sees: the admin's pairing code and a name for this device. */
export function PairingScreen(props: PairingScreenProps) {
  const [i18n] = useState(() => createStaffI18n(browserLanguage()));
  return (
    <I18nextProvider i18n={i18n}>
      <PairingForm {...props} />
    </I18nextProvider>
  );
}

function PairingForm({ onPaired, wasRevoked = false }: PairingScreenProps) {
  const { t, i18n } = useTranslation('staff');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    pairDevice(code.trim(), name.trim()).then(
      (result) => {
        setBusy(false);
        if (result.ok) onPaired();
        else setError(result.error.message);
      },
      () => {
        setBusy(false);
        setError(t('pairing.unreachable'));
      },
    );
  };

  return (
    <main className="staff" aria-labelledby="pairing-title" lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <section className="staff-panel pairing">
        <h1 id="pairing-title">{t('pairing.title')}</h1>
        {wasRevoked ? (
          <p role="alert" className="error-text" data-testid="pairing-revoked">
            {t('pairing.revoked')}
          </p>
        ) : null}
        <p>{t('pairing.intro')}</p>
        <form onSubmit={submit} className="pairing-form">
          <label className="pairing-field">
            <span className="field-label">{t('pairing.codeLabel')}</span>
            <input className="text-input" name="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} required maxLength={64} />
          </label>
          <label className="pairing-field">
            <span className="field-label">{t('pairing.nameLabel')}</span>
            <input className="text-input" name="device-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="pairing-name-hint" required maxLength={60} />
            <span id="pairing-name-hint" className="pairing-hint">
              {t('pairing.nameHint')}
            </span>
          </label>
          {error ? (
            <p role="alert" className="error-text call-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('pairing.busy') : t('pairing.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
