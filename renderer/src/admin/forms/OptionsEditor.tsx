import { useTranslation } from 'react-i18next';
import { LocalizedInput } from './LocalizedInput.tsx';
import { freshId, move, removeAt, replaceAt, withOptional, type DraftOption } from './draft-edit.ts';
import { CodeInput } from './CodeInput.tsx';

interface OptionsEditorProps {
  readonly id: string;
  readonly options: readonly DraftOption[];
  readonly languages: readonly string[];
  readonly allowExclusive: boolean;
  readonly onChange: (options: DraftOption[]) => void;
}

/** The options of a choice question: id and label per language, reorder with buttons. */
export function OptionsEditor({ id, options, languages, allowExclusive, onChange }: OptionsEditorProps) {
  const { t } = useTranslation('admin');
  return (
    <fieldset className="options-editor">
      <legend className="field-label">{t('options.title')}</legend>
      <ol className="option-list">
        {options.map((o, i) => (
          <li key={i} className="option-item">
            <div className="row-fields">
              <div className="field">
                <label htmlFor={`${id}-${i}-id`} id={`${id}-${i}-id-label`} className="field-label">
                  {t('options.id', { n: i + 1 })}
                </label>
                <CodeInput id={`${id}-${i}-id`} value={o.id} onChange={(optionId) => onChange(replaceAt(options, i, { ...o, id: optionId }))} />
              </div>
              {allowExclusive ? (
                <label className="check-field">
                  <input
                    type="checkbox"
                    checked={o.exclusive ?? false}
                    onChange={(e) => onChange(replaceAt(options, i, withOptional(o, 'exclusive', e.target.checked ? true : undefined)))}
                  />
                  {t('options.exclusive')}
                </label>
              ) : null}
              <div className="item-actions">
                <button type="button" className="button secondary small" disabled={i === 0} onClick={() => onChange(move(options, i, -1))}>
                  {t('common.up')}
                  <span className="visually-hidden"> {t('options.optionN', { n: i + 1 })}</span>
                </button>
                <button type="button" className="button secondary small" disabled={i === options.length - 1} onClick={() => onChange(move(options, i, 1))}>
                  {t('common.down')}
                  <span className="visually-hidden"> {t('options.optionN', { n: i + 1 })}</span>
                </button>
                <button type="button" className="button secondary small danger" onClick={() => onChange(removeAt(options, i))}>
                  {t('common.remove')}
                  <span className="visually-hidden"> {t('options.optionN', { n: i + 1 })}</span>
                </button>
              </div>
            </div>
            <LocalizedInput id={`${id}-${i}-label`} label={t('options.text', { n: i + 1 })} value={o.label} languages={languages} onChange={(label) => onChange(replaceAt(options, i, { ...o, label }))} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button secondary small"
        onClick={() =>
          onChange([...options, { id: freshId('option', new Set(options.map((x) => x.id))), label: Object.fromEntries(languages.map((l) => [l, ''])) }])
        }
      >
        {t('options.add')}
      </button>
    </fieldset>
  );
}
