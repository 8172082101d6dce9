import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { PinPad } from './PinPad.tsx';

interface LoginScreenProps {
  readonly onDone: (session: StaffSession) => void;
  /** A session ended mid-work (a call was refused): say so, so the PIN screen is not a surprise. */
  readonly hasSessionEnded?: boolean;
}

/** Pick your name, then enter your PIN on the keypad. */
export function LoginScreen({ onDone, hasSessionEnded = false }: LoginScreenProps) {
  const { t } = useTranslation('staff');
  const roster = useKioskQuery((api) => api.staffRoster({}), [], { sessionless: true });
  // Sign-in is sessionless: its `unauthenticated` is a wrong PIN, shown like any refusal.
  const login = useKioskAction((api, staffId: string, pin: string) => api.staffLogin({ staffId, pin }), { sessionless: true });
  const [staffId, setStaffId] = useState<string | null>(null);

  const signIn = async (pin: string) => {
    if (!staffId) return;
    const result = await login.run(staffId, pin);
    if (result.ok) onDone(result.value);
  };

  return (
    <section className="staff-panel" aria-labelledby="login-title">
      <h2 id="login-title">{t('login.title')}</h2>
      {hasSessionEnded ? (
        <p role="status" className="session-ended">
          {t('login.sessionEnded')}
        </p>
      ) : null}
      {/* Native radios (arrow keys move between people, one tab stop), each inside a large tile to tap. */}
      <fieldset className="staff-tiles">
        <legend>{t('login.whoAreYou')}</legend>
        {(roster.data ?? []).map((r) => {
          const isSelected = staffId === r.staffId;
          return (
            <label key={r.staffId} className={`staff-tile ${isSelected ? 'selected' : ''}`}>
              <input type="radio" className="staff-tile-input" name="staff" value={r.staffId} checked={isSelected} onChange={() => setStaffId(r.staffId)} />
              <span className="staff-tile-mark" aria-hidden="true">
                {isSelected ? '✓' : ''}
              </span>
              <span className="staff-tile-text">
                <span className="staff-tile-name">{r.name}</span>
                <span className="staff-tile-role">{t(`login.role.${r.role}`)}</span>
                {isSelected ? <span className="staff-tile-selected">{t('login.selected')}</span> : null}
              </span>
            </label>
          );
        })}
      </fieldset>
      <CallError errors={[login.error, roster.error]} />
      {staffId ? <PinPad label={t('login.pinLabel')} submitLabel={t('login.submit')} busy={login.isBusy} onSubmit={(pin) => void signIn(pin)} /> : null}
    </section>
  );
}
