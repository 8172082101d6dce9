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

/** Number bounds a question type offers, as [field, label]. */
function numberFields(type: QuestionType): readonly (readonly [keyof DraftQuestion, string])[] {
  switch (type) {
    case 'short_text':
      return [
        ['minLength', 'Shortest answer (characters)'],
        ['maxLength', 'Longest answer (characters)'],
      ];
    case 'long_text':
      return [['maxLength', 'Longest answer (characters)']];
    case 'number':
    case 'scale':
      return [
        ['min', 'Lowest value'],
        ['max', 'Highest value'],
      ];
    case 'multiple_choice':
      return [
        ['minSelected', 'Fewest choices'],
        ['maxSelected', 'Most choices'],
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
  const base = `q-${stepIndex}-${index}`;
  const langs = draft.languages;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const setOptionalLoc = (key: 'help' | 'unit' | 'minLabel' | 'maxLabel', v: Record<string, string>) => onChange(withOptionalLoc(q, key, v));
  return (
    <div className="question-editor">
      {errors.filter(notBesideField).length > 0 ? (
        <ul className="inline-errors" aria-label={`Problems with question ${q.id}`}>
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
      <LocalizedInput id={`${base}-label`} label={q.type === 'consent' ? 'Tick-box text' : 'Question'} value={q.label} languages={langs} onChange={(label) => set({ label })} />
      <LocalizedInput id={`${base}-help`} label="Help text" optional value={q.help} languages={langs} onChange={(v) => setOptionalLoc('help', v)} />
      {q.type === 'consent' ? (
        <LocalizedInput id={`${base}-text`} label="Consent text (what the client agrees to)" multiline value={q.text} languages={langs} onChange={(text) => set({ text })} />
      ) : null}
      {q.type === 'single_choice' || q.type === 'multiple_choice' ? (
        <OptionsEditor id={`${base}-options`} options={q.options ?? []} languages={langs} allowExclusive={q.type === 'multiple_choice'} onChange={(options) => set({ options })} />
      ) : null}
      {q.type === 'number' ? <LocalizedInput id={`${base}-unit`} label="Unit" optional value={q.unit} languages={langs} onChange={(v) => setOptionalLoc('unit', v)} /> : null}
      {q.type === 'scale' ? (
        <>
          <LocalizedInput id={`${base}-minlabel`} label="Word at the low end" optional value={q.minLabel} languages={langs} onChange={(v) => setOptionalLoc('minLabel', v)} />
          <LocalizedInput id={`${base}-maxlabel`} label="Word at the high end" optional value={q.maxLabel} languages={langs} onChange={(v) => setOptionalLoc('maxLabel', v)} />
        </>
      ) : null}
      {numberFields(q.type).length > 0 || q.type === 'date' ? (
        <div className="row-fields">
          {numberFields(q.type).map(([key, label]) => (
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
          {q.type === 'date'
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
          {q.type === 'number' ? (
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
