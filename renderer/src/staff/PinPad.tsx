import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface PinPadProps {
  readonly label: string;
  readonly submitLabel: string;
  readonly minLength?: number;
  readonly busy?: boolean;
  /** Shown but not ready: the digits can be entered, the submit waits (first run: a name first). */
  readonly canSubmit?: boolean;
  readonly onSubmit: (pin: string) => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * On-screen PIN keypad: the kiosk may have no physical keyboard. Digits are never shown (nor
 * logged). With a physical keyboard, Tab reaches every key, and once a key has focus the digit
 * keys and Backspace type on the pad too.
 */
export function PinPad({ label, submitLabel, minLength = 6, busy = false, canSubmit = true, onSubmit }: PinPadProps) {
  const { t } = useTranslation('staff');
  const [pin, setPin] = useState('');
  const press = (digit: string) => setPin((p) => (p.length < 12 ? p + digit : p));
  const submit = () => {
    if (pin.length >= minLength && !busy && canSubmit) {
      onSubmit(pin);
      setPin('');
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      press(e.key);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      setPin((p) => p.slice(0, -1));
    }
  };
  return (
    // The group only listens to keys pressed on its own (focusable) buttons.
    <div className="pinpad" role="group" aria-label={label} onKeyDown={onKeyDown}>
      <output className="pinpad-display" aria-live="polite" aria-label={t('pinPad.entered', { label, count: pin.length })}>
        {pin.length === 0 ? <span className="pinpad-hint">{label}</span> : '●'.repeat(pin.length)}
      </output>
      <div className="pinpad-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" className="pinpad-key" onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <button type="button" className="pinpad-key" onClick={() => setPin((p) => p.slice(0, -1))} aria-label={t('pinPad.delete')}>
          ⌫
        </button>
        <button type="button" className="pinpad-key" onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="pinpad-key pinpad-ok" onClick={submit} disabled={pin.length < minLength || busy || !canSubmit}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
