import { useTranslation } from 'react-i18next';
import { languageName } from '../../../../forms/engine/index.ts';
import { TextField } from '../../widgets/TextField.tsx';
import { missingLanguages, type Loc } from './draft-edit.ts';

interface LocalizedInputProps {
  /** Unique DOM id prefix. */
  readonly id: string;
  readonly label: string;
  readonly value: Loc | undefined;
  readonly languages: readonly string[];
  /** Optional texts (help, description...) are not "missing" when blank in every language. */
  readonly optional?: boolean;
  readonly multiline?: boolean;
  readonly onChange: (value: Loc) => void;
}

/**
 * One text in every language of the form, side by side. A missing translation is marked
 * with an icon and the word "Missing" (never colour alone) and described to screen readers.
 * Each box has the on-screen keyboard of its own language (a tap opens it); long texts
 * (`multiline`: question texts, help, guidance) are multi-line boxes, never a truncated line.
 */
export function LocalizedInput({ id, label, value, languages, optional = false, multiline = false, onChange }: LocalizedInputProps) {
  const { t } = useTranslation('admin');
  const missing = missingLanguages(value, languages);
  const allBlank = missing.length === languages.length;
  const showMissing = !(optional && allBlank);
  return (
    <fieldset className="loc-input">
      <legend className="field-label">
        {label}
        {optional ? <span className="optional-tag"> {t('localized.optional')}</span> : null}
      </legend>
      <div className="loc-grid">
        {languages.map((lang) => {
          const inputId = `${id}-${lang}`;
          const isMissing = showMissing && missing.includes(lang);
          const noteId = `${inputId}-missing`;
          return (
            <div key={lang} className={`loc-cell${isMissing ? ' is-missing' : ''}`}>
              <label htmlFor={inputId} id={`${inputId}-label`} className="loc-lang">
                {t('localized.language', { name: languageName(lang), code: lang })}
              </label>
              <TextField
                id={inputId}
                kind={multiline ? 'long' : 'short'}
                lang={lang}
                value={value?.[lang] ?? ''}
                onChange={(text) => onChange({ ...(value ?? {}), [lang]: text })}
                describedBy={isMissing ? noteId : undefined}
                invalid={isMissing}
                labelId={`${inputId}-label`}
              />
              {isMissing ? (
                <span id={noteId} className="missing-note">
                  <span aria-hidden="true">⚠ </span>
                  {t('localized.missing', { language: languageName(lang) })}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
