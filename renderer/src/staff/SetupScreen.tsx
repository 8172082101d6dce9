import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction } from '../data/use-kiosk-data.ts';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import { TextField } from '../widgets/TextField.tsx';
import { PinPad } from './PinPad.tsx';

/**
 * First run: create the first admin. There is no default PIN. By touch alone: the name has the
 * on-screen keyboard (a tap opens it), the PIN pad is there from the start (its
 * Next waits for a name).
 */
export function SetupScreen({ onDone }: { readonly onDone: (session: StaffSession) => void }) {
  const { t, i18n } = useTranslation('staff');
  const [keyboardId, setKeyboardId] = useState<string | null>(null);
  const keyboardOwner = useMemo(() => ({ activeId: keyboardId, setActiveId: setKeyboardId }), [keyboardId]);
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
      <span className="field-label" id="setup-name-label">
        {t('setup.nameLabel')}
      </span>
      <KeyboardOwnerContext value={keyboardOwner}>
        <TextField id="setup-name" kind="short" lang={i18n.language} value={name} maxLength={120} onChange={setName} describedBy={undefined} invalid={false} labelId="setup-name-label" />
      </KeyboardOwnerContext>
      {isMismatch ? (
        <p role="alert" className="error-text">
          {t('setup.pinMismatch')}
        </p>
      ) : null}
      <CallError errors={[setup.error]} />
      {firstPin === null ? (
        <PinPad
          key="first"
          label={t('setup.choosePin')}
          submitLabel={t('setup.next')}
          canSubmit={name.trim() !== ''}
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
