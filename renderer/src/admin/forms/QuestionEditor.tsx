import { useTranslation } from 'react-i18next';
import type { FormDefinitionError, QuestionType } from '../../../../forms/engine/index.ts';
import { ExpressionInput } from './ExpressionInput.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';
import { changeType, QUESTION_TYPES, withOptional, withOptionalLoc, type DraftForm, type DraftQuestion } from './draft-edit.ts';

interface QuestionEditorProps {
  readonly draft: DraftForm;
  readonly question: DraftQuestion;
  readonly stepIndex: number;
  readonly index: number;
  readonly errors: readonly FormDefinitionError[];
  readonly onChange: (q: DraftQuestion) => void;
}

/** Conditions and translations show their problems beside their own fields; the list names the rest. */
const notBesideField = (e: FormDefinitionError) => !e.path.endsWith('.visibleIf') && !e.message.startsWith('Missing ');

/** Number bounds a question type offers, as [field, label key in the admin namespace's `question.bound`]. */
function numberFields(type: QuestionType): readonly (readonly [keyof DraftQuestion, string])[] {
  switch (type) {
    case 'short_text':
      return [
        ['minLength', 'minLength'],
        ['maxLength', 'maxLength'],
      ];
    case 'long_text':
      return [['maxLength', 'maxLength']];
    case 'number':
    case 'scale':
      return [
        ['min', 'min'],
        ['max', 'max'],
      ];
    case 'multiple_choice':
      return [
        ['minSelected', 'minSelected'],
        ['maxSelected', 'maxSelected'],
      ];
    case 'date':
    case 'phone':
    case 'email':
    case 'single_choice':
    case 'yes_no':
    case 'body_map':
    case 'signature':
    case 'consent':
      return [];
    default: {
      const never: never = type;
      throw new Error(`Unknown question type ${String(never)}`);
    }
  }
}

/** Everything about one question: id, type, texts in every language, validation, condition. */
export function QuestionEditor({ draft, question: q, stepIndex, index, errors, onChange }: QuestionEditorProps) {
  const { t } = useTranslation('admin');
  const base = `q-${stepIndex}-${index}`;
  const langs = draft.languages;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const setOptionalLoc = (key: 'help' | 'unit' | 'minLabel' | 'maxLabel', v: Record<string, string>) => onChange(withOptionalLoc(q, key, v));
  return (
    <div className="question-editor">
      {errors.filter(notBesideField).length > 0 ? (
        <ul className="inline-errors" aria-label={t('question.problemsLabel', { id: q.id })}>
          {errors.filter(notBesideField).map((e, i) => (
            <li key={i} className="error-text">
              {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row-fields">
        <div className="field">
          <label htmlFor={`${base}-id`} className="field-label">
            {t('question.id')}
          </label>
          <input id={`${base}-id`} className="admin-input mono" value={q.id} spellCheck={false} onChange={(e) => set({ id: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-type`} className="field-label">
            {t('question.type')}
          </label>
          <select id={`${base}-type`} className="admin-input" value={q.type} onChange={(e) => onChange(changeType(q, e.target.value as QuestionType, draft))}>
            {QUESTION_TYPES.map((qt) => (
              <option key={qt.type} value={qt.type}>
                {t(`questionType.${qt.type}`, { defaultValue: qt.label })}
              </option>
            ))}
          </select>
        </div>
        <label className="check-field">
          <input type="checkbox" checked={q.required ?? false} onChange={(e) => set({ required: e.target.checked })} />
          {t('question.required')}
        </label>
      </div>
      <LocalizedInput id={`${base}-label`} label={q.type === 'consent' ? t('question.tickText') : t('question.label')} value={q.label} languages={langs} onChange={(label) => set({ label })} />
      <LocalizedInput id={`${base}-help`} label={t('question.help')} optional value={q.help} languages={langs} onChange={(v) => setOptionalLoc('help', v)} />
      {q.type === 'consent' ? (
        <LocalizedInput id={`${base}-text`} label={t('question.consentText')} multiline value={q.text} languages={langs} onChange={(text) => set({ text })} />
      ) : null}
      {q.type === 'single_choice' || q.type === 'multiple_choice' ? (
        <OptionsEditor id={`${base}-options`} options={q.options ?? []} languages={langs} allowExclusive={q.type === 'multiple_choice'} onChange={(options) => set({ options })} />
      ) : null}
      {q.type === 'number' ? <LocalizedInput id={`${base}-unit`} label={t('question.unit')} optional value={q.unit} languages={langs} onChange={(v) => setOptionalLoc('unit', v)} /> : null}
      {q.type === 'scale' ? (
        <>
          <LocalizedInput id={`${base}-minlabel`} label={t('question.minLabel')} optional value={q.minLabel} languages={langs} onChange={(v) => setOptionalLoc('minLabel', v)} />
          <LocalizedInput id={`${base}-maxlabel`} label={t('question.maxLabel')} optional value={q.maxLabel} languages={langs} onChange={(v) => setOptionalLoc('maxLabel', v)} />
        </>
      ) : null}
      {numberFields(q.type).length > 0 || q.type === 'date' ? (
        <div className="row-fields">
          {numberFields(q.type).map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`${base}-${key}`} className="field-label">
                {t(`question.bound.${label}`)}
              </label>
              <input
                id={`${base}-${key}`}
                className="admin-input narrow"
                type="number"
                value={typeof q[key] === 'number' ? String(q[key]) : ''}
                onChange={(e) => {
                  const n = e.target.value === '' ? undefined : Number(e.target.value);
                  onChange(withOptional(q, key, n === undefined || Number.isNaN(n) ? undefined : n));
                }}
              />
            </div>
          ))}
          {q.type === 'date'
            ? (['min', 'max'] as const).map((key) => (
                <div className="field" key={key}>
                  <label htmlFor={`${base}-${key}`} className="field-label">
                    {key === 'min' ? t('question.earliestDate') : t('question.latestDate')}
                  </label>
                  <input
                    id={`${base}-${key}`}
                    className="admin-input mono"
                    value={typeof q[key] === 'string' ? q[key] : ''}
                    onChange={(e) => onChange(withOptional(q, key, e.target.value === '' ? undefined : e.target.value))}
                  />
                </div>
              ))
            : null}
          {q.type === 'number' ? (
            <label className="check-field">
              <input type="checkbox" checked={q.integer ?? false} onChange={(e) => set({ integer: e.target.checked })} />
              {t('question.integer')}
            </label>
          ) : null}
        </div>
      ) : null}
      <ExpressionInput
        id={`${base}-visibleIf`}
        label={t('question.visibleIf')}
        optional
        value={q.visibleIf ?? ''}
        draft={draft}
        target={{ kind: 'question', stepIndex, questionIndex: index }}
        onChange={(v) => onChange(withOptional(q, 'visibleIf', v === '' ? undefined : v))}
      />
    </div>
  );
}
