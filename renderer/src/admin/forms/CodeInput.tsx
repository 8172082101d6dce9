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
 */
export function CodeInput({ id, value, onChange, kind = 'code', describedBy, invalid = false, maxLength }: CodeInputProps) {
  const { i18n } = useTranslation();
  return <TextField id={id} kind={kind} lang={i18n.language} value={value} maxLength={maxLength} onChange={onChange} describedBy={describedBy} invalid={invalid} labelId={`${id}-label`} />;
}
