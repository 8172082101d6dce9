import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type FormDefinitionError, type QuestionType } from '../../../../forms/engine/index.ts';
import { ExpressionInput } from './ExpressionInput.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { missingLanguages, move, newQuestion, QUESTION_TYPES, removeAt, replaceAt, withOptional, withOptionalLoc, type DraftForm, type DraftStep } from './draft-edit.ts';
import { CodeInput } from './CodeInput.tsx';
import { InlineErrors } from './InlineErrors.tsx';

interface StepEditorProps {
  readonly draft: DraftForm;
  readonly step: DraftStep;
  readonly index: number;
  readonly errors: readonly FormDefinitionError[];
  readonly onChange: (step: DraftStep) => void;
}

const questionPath = (si: number, qi: number) => `steps[${si}].questions[${qi}]`;
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** One step: title, description, condition, and its questions (add, remove, reorder, edit). */
export function StepEditor({ draft, step, index, errors, onChange }: StepEditorProps) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState<number | null>(null);
  const [addType, setAddType] = useState<QuestionType>('yes_no');
  const base = `step-${index}`;
  const stepOnly = errors.filter((e) => !step.questions.some((_, qi) => under(e.path, questionPath(index, qi))));
  return (
    <section className="step-editor" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>
        {t('step.heading', { n: index + 1, title: localize(step.title, draft.defaultLanguage) || step.id })}
      </h3>
      <InlineErrors label={t('step.problemsLabel')} errors={stepOnly} />
      <div className="field">
        <label htmlFor={`${base}-id`} id={`${base}-id-label`} className="field-label">
          {t('step.id')}
        </label>
        <CodeInput id={`${base}-id`} value={step.id} onChange={(id) => onChange({ ...step, id })} />
      </div>
      <LocalizedInput id={`${base}-title`} label={t('step.title')} value={step.title} languages={draft.languages} onChange={(title) => onChange({ ...step, title })} />
      <LocalizedInput
        id={`${base}-description`}
        label={t('step.description')}
        optional
        multiline
        value={step.description}
        languages={draft.languages}
        onChange={(v) => onChange(withOptionalLoc(step, 'description', v))}
      />
      <ExpressionInput
        id={`${base}-visibleIf`}
        label={t('step.visibleIf')}
        optional
        value={step.visibleIf ?? ''}
        draft={draft}
        target={{ kind: 'step', stepIndex: index }}
        onChange={(v) => onChange(withOptional(step, 'visibleIf', v === '' ? undefined : v))}
      />
      <h4>{t('step.questions')}</h4>
      <ol className="question-list-admin">
        {step.questions.map((q, qi) => {
          const qErrors = errors.filter((e) => under(e.path, questionPath(index, qi)));
          const missing = missingLanguages(q.label, draft.languages);
          const isOpen = open === qi;
          return (
            <li key={qi} className={`question-item${qErrors.length > 0 ? ' has-problems' : ''}`} data-question-editor={q.id}>
              <div className="question-summary">
                <span className="question-title">
                  <span className="mono">{q.id}</span> · {localize(q.label, draft.defaultLanguage) || t('step.noText')}
                  <span className="type-tag"> ({t(`questionType.${q.type}`, { defaultValue: QUESTION_TYPES.find((qt) => qt.type === q.type)?.label ?? q.type })})</span>
                  {missing.length > 0 ? <span className="badge warn">{t('step.missing', { languages: missing.join(', ') })}</span> : null}
                  {qErrors.length > 0 ? <span className="badge warn">{t('forms.problems', { count: qErrors.length })}</span> : null}
                </span>
                <span className="item-actions">
                  <button type="button" className="button secondary small" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : qi)}>
                    {isOpen ? t('common.close') : t('common.edit')}
                    <span className="visually-hidden"> {t('step.questionN', { id: q.id })}</span>
                  </button>
                  <button type="button" className="button secondary small" disabled={qi === 0} onClick={() => onChange({ ...step, questions: move(step.questions, qi, -1) })}>
                    {t('common.up')}
                    <span className="visually-hidden"> {t('step.questionN', { id: q.id })}</span>
                  </button>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={qi === step.questions.length - 1}
                    onClick={() => onChange({ ...step, questions: move(step.questions, qi, 1) })}
                  >
                    {t('common.down')}
                    <span className="visually-hidden"> {t('step.questionN', { id: q.id })}</span>
                  </button>
                  <button
                    type="button"
                    className="button secondary small danger"
                    onClick={() => {
                      setOpen(null);
                      onChange({ ...step, questions: removeAt(step.questions, qi) });
                    }}
                  >
                    {t('common.remove')}
                    <span className="visually-hidden"> {t('step.questionN', { id: q.id })}</span>
                  </button>
                </span>
              </div>
              {isOpen ? (
                <QuestionEditor draft={draft} question={q} stepIndex={index} index={qi} errors={qErrors} onChange={(nq) => onChange({ ...step, questions: replaceAt(step.questions, qi, nq) })} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="row-fields">
        <div className="field">
          <label htmlFor={`${base}-add-type`} className="field-label">
            {t('step.newType')}
          </label>
          <select id={`${base}-add-type`} className="admin-input" value={addType} onChange={(e) => setAddType(e.target.value as QuestionType)}>
            {QUESTION_TYPES.map((qt) => (
              <option key={qt.type} value={qt.type}>
                {t(`questionType.${qt.type}`, { defaultValue: qt.label })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button primary"
          onClick={() => {
            onChange({ ...step, questions: [...step.questions, newQuestion(addType, draft)] });
            setOpen(step.questions.length);
          }}
        >
          {t('step.addQuestion')}
        </button>
      </div>
    </section>
  );
}
