import { useTranslation } from 'react-i18next';
import { localize, type AnswerValue, type Question } from '../../../forms/engine/index.ts';
import { widgetOf } from './question-widgets.tsx';

interface QuestionFieldProps {
  readonly question: Question;
  readonly value: AnswerValue | undefined;
  readonly lang: string;
  readonly fallbackLang: string;
  /** The message shown beside the field, already in the client's language. */
  readonly error: string | undefined;
  readonly onChange: (value: AnswerValue | undefined) => void;
}

/** DOM id of the element that takes focus when this question has an error. */
export const focusTargetId = (questionId: string): string => `q-${questionId}-focus`;

/**
 * One question, rendered from its definition: label, help, the widget for its type and
 * the error message beside it (wired with aria-describedby / aria-invalid).
 */
export function QuestionField({ question, value, lang, fallbackLang, error, onChange }: QuestionFieldProps) {
  const { t } = useTranslation();
  const text = (v: Readonly<Record<string, string>> | undefined) => localize(v, lang, fallbackLang);
  const q = question;
  const id = focusTargetId(q.id);
  const labelId = `q-${q.id}-label`;
  const helpId = q.help ? `q-${q.id}-help` : undefined;
  const errorId = error ? `q-${q.id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = error !== undefined;
  const common = { describedBy, invalid, labelId };
  const widget = widgetOf(q);
  const isTextInput = widget.label === 'for';

  const LabelTag = isTextInput ? 'label' : 'p';
  return (
    <div className={`question question-${q.type}${invalid ? ' has-error' : ''}`} data-question={q.id}>
      {widget.label === 'hidden' ? (
        <p id={labelId} className="visually-hidden">
          {text(q.label)}
        </p>
      ) : (
        <LabelTag id={labelId} className="question-label" {...(isTextInput ? { htmlFor: id } : {})}>
          {/* Whether a question is optional is said by the form's own wording, e.g. "Email (optional)". */}
          {text(q.label)}
        </LabelTag>
      )}
      {helpId ? (
        <p id={helpId} className="question-help">
          {text(q.help)}
        </p>
      ) : null}
      {widget.render({ q, id, value, lang, onChange, text, t, common })}
      {errorId ? (
        <p id={errorId} className="error-text" data-testid={`error-${q.id}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
