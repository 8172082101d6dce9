import { useTranslation } from 'react-i18next';
import { languageName } from '../../../../forms/engine/index.ts';
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
          const common = {
            id: inputId,
            value: value?.[lang] ?? '',
            'aria-invalid': isMissing || undefined,
            'aria-describedby': isMissing ? noteId : undefined,
            lang,
            onChange: (e: { target: { value: string } }) => onChange({ ...(value ?? {}), [lang]: e.target.value }),
          };
          return (
            <div key={lang} className={`loc-cell${isMissing ? ' is-missing' : ''}`}>
              <label htmlFor={inputId} className="loc-lang">
                {t('localized.language', { name: languageName(lang), code: lang })}
              </label>
              {multiline ? <textarea {...common} rows={4} className="admin-input" /> : <input {...common} type="text" className="admin-input" />}
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
