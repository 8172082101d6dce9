import { QUESTION_TYPES as QUESTION_TYPE_REGISTRY, type EditorField, type FormDefinitionError, type QuestionType } from '../../../../forms/engine/index.ts';
import { InlineErrors } from './InlineErrors.tsx';
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

/** The number controls, as [field, label], in the order they are shown; a type offers those its registry entry lists. */
const NUMBER_FIELDS: readonly (readonly [EditorField & keyof DraftQuestion, string])[] = [
  ['minLength', 'Shortest answer (characters)'],
  ['maxLength', 'Longest answer (characters)'],
  ['min', 'Lowest value'],
  ['max', 'Highest value'],
  ['minSelected', 'Fewest choices'],
  ['maxSelected', 'Most choices'],
];

/** Everything about one question: id, type, texts in every language, validation, condition. */
export function QuestionEditor({ draft, question: q, stepIndex, index, errors, onChange }: QuestionEditorProps) {
  const base = `q-${stepIndex}-${index}`;
  const langs = draft.languages;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const setOptionalLoc = (key: 'help' | 'unit' | 'minLabel' | 'maxLabel', v: Record<string, string>) => onChange(withOptionalLoc(q, key, v));
  const offered: readonly EditorField[] = QUESTION_TYPE_REGISTRY[q.type].draft.fields;
  const has = (field: EditorField) => offered.includes(field);
  const numberFields = NUMBER_FIELDS.filter(([key]) => has(key));
  return (
    <div className="question-editor">
      <InlineErrors label={`Problems with question ${q.id}`} errors={errors.filter(notBesideField)} />
      <div className="row-fields">
        <div className="field">
          <label htmlFor={`${base}-id`} className="field-label">
            Question id (used in conditions)
          </label>
          <input id={`${base}-id`} className="admin-input mono" value={q.id} spellCheck={false} onChange={(e) => set({ id: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-type`} className="field-label">
            Answer type
          </label>
          <select id={`${base}-type`} className="admin-input" value={q.type} onChange={(e) => onChange(changeType(q, e.target.value as QuestionType, draft))}>
            {QUESTION_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <label className="check-field">
          <input type="checkbox" checked={q.required ?? false} onChange={(e) => set({ required: e.target.checked })} />
          Required
        </label>
      </div>
      <LocalizedInput id={`${base}-label`} label={has('consentText') ? 'Tick-box text' : 'Question'} value={q.label} languages={langs} onChange={(label) => set({ label })} />
      <LocalizedInput id={`${base}-help`} label="Help text" optional value={q.help} languages={langs} onChange={(v) => setOptionalLoc('help', v)} />
      {has('consentText') ? (
        <LocalizedInput id={`${base}-text`} label="Consent text (what the client agrees to)" multiline value={q.text} languages={langs} onChange={(text) => set({ text })} />
      ) : null}
      {has('options') ? (
        <OptionsEditor id={`${base}-options`} options={q.options ?? []} languages={langs} allowExclusive={has('exclusiveOptions')} onChange={(options) => set({ options })} />
      ) : null}
      {has('unit') ? <LocalizedInput id={`${base}-unit`} label="Unit" optional value={q.unit} languages={langs} onChange={(v) => setOptionalLoc('unit', v)} /> : null}
      {has('scaleLabels') ? (
        <>
          <LocalizedInput id={`${base}-minlabel`} label="Word at the low end" optional value={q.minLabel} languages={langs} onChange={(v) => setOptionalLoc('minLabel', v)} />
          <LocalizedInput id={`${base}-maxlabel`} label="Word at the high end" optional value={q.maxLabel} languages={langs} onChange={(v) => setOptionalLoc('maxLabel', v)} />
        </>
      ) : null}
      {numberFields.length > 0 || has('dateBounds') || has('integer') ? (
        <div className="row-fields">
          {numberFields.map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`${base}-${key}`} className="field-label">
                {label}
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
          {has('dateBounds')
            ? (['min', 'max'] as const).map((key) => (
                <div className="field" key={key}>
                  <label htmlFor={`${base}-${key}`} className="field-label">
                    {key === 'min' ? 'Earliest date' : 'Latest date'} (YYYY-MM-DD, today, today-120y)
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
          {has('integer') ? (
            <label className="check-field">
              <input type="checkbox" checked={q.integer ?? false} onChange={(e) => set({ integer: e.target.checked })} />
              Whole numbers only
            </label>
          ) : null}
        </div>
      ) : null}
      <ExpressionInput
        id={`${base}-visibleIf`}
        label="Show only when"
        optional
        value={q.visibleIf ?? ''}
        draft={draft}
        target={{ kind: 'question', stepIndex, questionIndex: index }}
        onChange={(v) => onChange(withOptional(q, 'visibleIf', v === '' ? undefined : v))}
      />
    </div>
  );
}
