import { useState } from 'react';
import { TextField } from './TextField.tsx';

interface NumberFieldProps {
  readonly id: string;
  readonly lang: string;
  readonly value: number | null;
  readonly unit?: string;
  readonly onChange: (value: number | undefined) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
}

/** A number typed on a numeric on-screen keypad; the answer is set only while the text is a number. */
export function NumberField({ id, lang, value, unit, onChange, describedBy, invalid, labelId }: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <div className="number-field">
      <TextField
        id={id}
        kind="number"
        lang={lang}
        value={text}
        maxLength={12}
        onChange={(raw) => {
          setText(raw);
          const n = Number(raw.replace(',', '.'));
          onChange(raw.trim() !== '' && Number.isFinite(n) ? n : undefined);
        }}
        describedBy={describedBy}
        invalid={invalid}
        labelId={labelId}
      />
      {unit ? <span className="number-unit">{unit}</span> : null}
    </div>
  );
}
