import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES as QUESTION_TYPE_REGISTRY, type EditorField, type FormDefinitionError, type QuestionType } from '../../../../forms/engine/index.ts';
import { InlineErrors } from './InlineErrors.tsx';
import { ExpressionInput } from './ExpressionInput.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';
import { changeType, QUESTION_TYPES, withOptional, withOptionalLoc, type DraftForm, type DraftQuestion } from './draft-edit.ts';
import { CodeInput } from './CodeInput.tsx';

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

/** The number controls in the order they are shown (each labelled by `question.bound.<field>`); a type offers those its registry entry lists. */
const NUMBER_FIELDS: readonly (EditorField & keyof DraftQuestion)[] = ['minLength', 'maxLength', 'min', 'max', 'minSelected', 'maxSelected'];

/** Everything about one question: id, type, texts in every language, validation, condition. */
export function QuestionEditor({ draft, question: q, stepIndex, index, errors, onChange }: QuestionEditorProps) {
  const { t } = useTranslation('admin');
  const base = `q-${stepIndex}-${index}`;
  const langs = draft.languages;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const setOptionalLoc = (key: 'help' | 'unit' | 'minLabel' | 'maxLabel', v: Record<string, string>) => onChange(withOptionalLoc(q, key, v));
  const offered: readonly EditorField[] = QUESTION_TYPE_REGISTRY[q.type].draft.fields;
  const has = (field: EditorField) => offered.includes(field);
  const numberFields = NUMBER_FIELDS.filter((key) => has(key));
  return (
    <div className="question-editor">
      <InlineErrors label={t('question.problemsLabel', { id: q.id })} errors={errors.filter(notBesideField)} />
      <div className="row-fields">
        <div className="field">
          <label htmlFor={`${base}-id`} id={`${base}-id-label`} className="field-label">
            {t('question.id')}
          </label>
          <CodeInput id={`${base}-id`} value={q.id} onChange={(id) => set({ id })} />
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
      <LocalizedInput id={`${base}-label`} label={has('consentText') ? t('question.tickText') : t('question.label')} multiline value={q.label} languages={langs} onChange={(label) => set({ label })} />
      <LocalizedInput id={`${base}-help`} label={t('question.help')} optional multiline value={q.help} languages={langs} onChange={(v) => setOptionalLoc('help', v)} />
      {has('consentText') ? (
        <LocalizedInput id={`${base}-text`} label={t('question.consentText')} multiline value={q.text} languages={langs} onChange={(text) => set({ text })} />
      ) : null}
      {has('options') ? (
        <OptionsEditor id={`${base}-options`} options={q.options ?? []} languages={langs} allowExclusive={has('exclusiveOptions')} onChange={(options) => set({ options })} />
      ) : null}
      {has('unit') ? <LocalizedInput id={`${base}-unit`} label={t('question.unit')} optional value={q.unit} languages={langs} onChange={(v) => setOptionalLoc('unit', v)} /> : null}
      {has('scaleLabels') ? (
        <>
          <LocalizedInput id={`${base}-minlabel`} label={t('question.minLabel')} optional value={q.minLabel} languages={langs} onChange={(v) => setOptionalLoc('minLabel', v)} />
          <LocalizedInput id={`${base}-maxlabel`} label={t('question.maxLabel')} optional value={q.maxLabel} languages={langs} onChange={(v) => setOptionalLoc('maxLabel', v)} />
        </>
      ) : null}
      {numberFields.length > 0 || has('dateBounds') || has('integer') ? (
        <div className="row-fields">
          {numberFields.map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`${base}-${key}`} id={`${base}-${key}-label`} className="field-label">
                {t(`question.bound.${key}`)}
              </label>
              <CodeInput
                id={`${base}-${key}`}
                kind="number"
                value={typeof q[key] === 'number' ? String(q[key]) : ''}
                onChange={(text) => {
                  const n = text === '' ? undefined : Number(text);
                  onChange(withOptional(q, key, n === undefined || Number.isNaN(n) ? undefined : n));
                }}
              />
            </div>
          ))}
          {has('dateBounds')
            ? (['min', 'max'] as const).map((key) => (
                <div className="field" key={key}>
                  <label htmlFor={`${base}-${key}`} id={`${base}-${key}-label`} className="field-label">
                    {key === 'min' ? t('question.earliestDate') : t('question.latestDate')}
                  </label>
                  <CodeInput id={`${base}-${key}`} value={typeof q[key] === 'string' ? q[key] : ''} onChange={(text) => onChange(withOptional(q, key, text === '' ? undefined : text))} />
                </div>
              ))
            : null}
          {has('integer') ? (
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
