import { useState } from 'react';
import type { StaffSession } from '../../../api/contract.ts';
import { PinPad } from './PinPad.tsx';

/** First run: create the first admin. There is no default PIN. */
export function SetupScreen({ onDone }: { readonly onDone: (session: StaffSession) => void }) {
  const [name, setName] = useState('');
  const [firstPin, setFirstPin] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (pin: string) => {
    if (pin !== firstPin) {
      setFirstPin(null);
      setMessage('The two PINs did not match. Please choose a PIN again.');
      return;
    }
    setBusy(true);
    const result = await window.kiosk.setupFirstAdmin({ name, pin });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else {
      setFirstPin(null);
      setMessage(result.error.message);
    }
  };

  return (
    <section className="staff-panel" aria-labelledby="setup-title">
      <h2 id="setup-title">Set up the kiosk</h2>
      <p>Create the first administrator. Choose a PIN of at least 6 digits that only you know.</p>
      <label className="field-label" htmlFor="setup-name">
        Administrator name
      </label>
      <input id="setup-name" className="text-input" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      {message ? (
        <p role="alert" className="error-text">
          {message}
        </p>
      ) : null}
      {name.trim() === '' ? null : firstPin === null ? (
        <PinPad key="first" label="Choose a PIN" submitLabel="Next" onSubmit={(pin) => { setMessage(null); setFirstPin(pin); }} />
      ) : (
        <PinPad key="confirm" label="Enter the PIN again" submitLabel="Create" busy={busy} onSubmit={(pin) => void confirm(pin)} />
      )}
    </section>
  );
}
