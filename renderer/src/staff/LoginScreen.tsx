import { useEffect, useState } from 'react';
import type { RosterEntry, StaffSession } from '../../../api/contract.ts';
import { PinPad } from './PinPad.tsx';

/** Pick your name, then enter your PIN on the keypad. */
export function LoginScreen({ onDone }: { readonly onDone: (session: StaffSession) => void }) {
  const [roster, setRoster] = useState<readonly RosterEntry[]>([]);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void window.kiosk.staffRoster({}).then((r) => {
      if (r.ok) setRoster(r.value);
      else setMessage(r.error.message);
    });
  }, []);

  const login = async (pin: string) => {
    if (!staffId) return;
    setBusy(true);
    const result = await window.kiosk.staffLogin({ staffId, pin });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setMessage(result.error.message);
  };

  return (
    <section className="staff-panel" aria-labelledby="login-title">
      <h2 id="login-title">Sign in</h2>
      <fieldset className="choice-group">
        <legend>Who are you?</legend>
        {roster.map((r) => (
          <label key={r.staffId} className={`choice ${staffId === r.staffId ? 'selected' : ''}`}>
            <input type="radio" name="staff" value={r.staffId} checked={staffId === r.staffId} onChange={() => setStaffId(r.staffId)} />
            <span>{r.name}</span>
          </label>
        ))}
      </fieldset>
      {message ? (
        <p role="alert" className="error-text">
          {message}
        </p>
      ) : null}
      {staffId ? <PinPad label="Your PIN" submitLabel="Sign in" busy={busy} onSubmit={(pin) => void login(pin)} /> : null}
    </section>
  );
}
