import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction } from '../data/use-kiosk-data.ts';
import { PinPad } from './PinPad.tsx';

/** First run: create the first admin. There is no default PIN. */
export function SetupScreen({ onDone }: { readonly onDone: (session: StaffSession) => void }) {
  const { t } = useTranslation('staff');
  const setup = useKioskAction((api, name: string, pin: string) => api.setupFirstAdmin({ name, pin }), { sessionless: true });
  const [name, setName] = useState('');
  const [firstPin, setFirstPin] = useState<string | null>(null);
  const [isMismatch, setIsMismatch] = useState(false);

  const confirm = async (pin: string) => {
    if (pin !== firstPin) {
      setFirstPin(null);
      setup.clearError();
      setIsMismatch(true);
      return;
    }
    const result = await setup.run(name, pin);
    if (result.ok) onDone(result.value);
    else setFirstPin(null);
  };

  return (
    <section className="staff-panel" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      <label className="field-label" htmlFor="setup-name">
        {t('setup.nameLabel')}
      </label>
      <input id="setup-name" className="text-input" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      {isMismatch ? (
        <p role="alert" className="error-text">
          {t('setup.pinMismatch')}
        </p>
      ) : null}
      <CallError errors={[setup.error]} />
      {name.trim() === '' ? null : firstPin === null ? (
        <PinPad
          key="first"
          label={t('setup.choosePin')}
          submitLabel={t('setup.next')}
          onSubmit={(pin) => {
            setIsMismatch(false);
            setup.clearError();
            setFirstPin(pin);
          }}
        />
      ) : (
        <PinPad key="confirm" label={t('setup.confirmPin')} submitLabel={t('setup.create')} busy={setup.isBusy} onSubmit={(pin) => void confirm(pin)} />
      )}
    </section>
  );
}
