import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextKind } from '../../widgets/TextField.tsx';

interface CodeInputProps {
  /** The input's id; its visible label must carry the id `${id}-label`. */
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** `code` (ids, codes, dates, paths, conditions: the code pad) or `number` (the number pad). */
  readonly kind?: Extract<TextKind, 'code' | 'number'>;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  readonly maxLength?: number;
}

/**
 * An admin field typed in code-like characters, by touch too: a real input (physical keyboards
 * work as usual) that opens the code pad or the number pad on a tap (TextField). Used for
 * question, step and option ids, flag codes, date bounds, numbers and the export folder.
 * A number field shows what was typed while it means the same number as `value` (so Delete can
 * empty a box whose owner reads "" as 0, and the next digit starts afresh); otherwise `value`.
 */
export function CodeInput({ id, value, onChange, kind = 'code', describedBy, invalid = false, maxLength }: CodeInputProps) {
  const { i18n } = useTranslation();
  const [typed, setTyped] = useState<string | null>(null);
  const shown = kind === 'number' && typed !== null && Number(typed) === Number(value) ? typed : value;
  const change = (text: string) => {
    setTyped(text);
    onChange(text);
  };
  return <TextField id={id} kind={kind} lang={i18n.language} value={shown} maxLength={maxLength} onChange={change} describedBy={describedBy} invalid={invalid} labelId={`${id}-label`} />;
}
