import { useTranslation } from 'react-i18next';
import { localize, type AnswerValue, type Question } from '../../../forms/engine/index.ts';
import { assertNever } from '../lib/assert-never.ts';
import { isSignatureValue } from '../lib/signature.ts';
import { BODY_MAP_IDS } from './body-map-ids.ts';
import { BodyMap } from './BodyMap.tsx';
import { ChoiceTiles } from './ChoiceTiles.tsx';
import { DateField } from './DateField.tsx';
import { NumberField } from './NumberField.tsx';
import { PainScale } from './PainScale.tsx';
import { SignaturePadField } from './SignaturePadField.tsx';
import { TextField } from './TextField.tsx';

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

const asString = (v: AnswerValue | undefined): string => (typeof v === 'string' ? v : '');
const asList = (v: AnswerValue | undefined): readonly string[] => (Array.isArray(v) ? (v as readonly string[]) : []);
const asNumber = (v: AnswerValue | undefined): number | null => (typeof v === 'number' ? v : null);
const toggle = (list: readonly string[], id: string): readonly string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

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
  const isTextInput = q.type === 'short_text' || q.type === 'long_text' || q.type === 'phone' || q.type === 'email' || q.type === 'number';

  const widget = () => {
    switch (q.type) {
      case 'short_text':
        return <TextField id={id} kind="short" lang={lang} value={asString(value)} maxLength={q.maxLength} onChange={(v) => onChange(v === '' ? undefined : v)} {...common} />;
      case 'long_text':
        return <TextField id={id} kind="long" lang={lang} value={asString(value)} maxLength={q.maxLength} onChange={(v) => onChange(v === '' ? undefined : v)} {...common} />;
      case 'phone':
        return <TextField id={id} kind="phone" lang={lang} value={asString(value)} maxLength={30} onChange={(v) => onChange(v === '' ? undefined : v)} {...common} />;
      case 'email':
        return <TextField id={id} kind="email" lang={lang} value={asString(value)} maxLength={200} onChange={(v) => onChange(v === '' ? undefined : v)} {...common} />;
      case 'date':
        return <DateField id={id} lang={lang} value={typeof value === 'string' ? value : null} min={q.min} max={q.max} onChange={onChange} {...common} />;
      case 'single_choice':
        return (
          <ChoiceTiles
            name={id}
            multiple={false}
            options={q.options.map((o) => ({ id: o.id, label: text(o.label) }))}
            selected={typeof value === 'string' ? [value] : []}
            onToggle={(o) => onChange(o)}
            {...common}
          />
        );
      case 'multiple_choice': {
        const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.id));
        return (
          <ChoiceTiles
            name={id}
            multiple
            options={q.options.map((o) => ({ id: o.id, label: text(o.label) }))}
            selected={asList(value)}
            onToggle={(o) => {
              // "None of these" clears the others, and choosing another clears "none of these".
              const next = exclusive.has(o) ? (asList(value).includes(o) ? [] : [o]) : toggle(asList(value), o).filter((x) => !exclusive.has(x));
              onChange(next.length === 0 ? undefined : next);
            }}
            {...common}
          />
        );
      }
      case 'yes_no':
        return (
          <ChoiceTiles
            name={id}
            multiple={false}
            compact
            options={[
              { id: 'yes', label: t('choice.yes') },
              { id: 'no', label: t('choice.no') },
            ]}
            selected={value === true ? ['yes'] : value === false ? ['no'] : []}
            onToggle={(o) => onChange(o === 'yes')}
            {...common}
          />
        );
      case 'number':
        return <NumberField id={id} lang={lang} value={asNumber(value)} unit={q.unit ? text(q.unit) : undefined} onChange={onChange} {...common} />;
      case 'scale':
        return (
          <PainScale
            name={id}
            min={q.min}
            max={q.max}
            value={asNumber(value)}
            onChange={onChange}
            minWord={q.minLabel ? text(q.minLabel) : undefined}
            maxWord={q.maxLabel ? text(q.maxLabel) : undefined}
            {...common}
          />
        );
      case 'body_map':
        return (
          <BodyMap
            name={id}
            lang={lang}
            regionIds={q.regions ?? BODY_MAP_IDS}
            selected={asList(value)}
            onToggle={(r) => {
              const next = toggle(asList(value), r);
              onChange(next.length === 0 ? undefined : next);
            }}
            questionLabel={text(q.label)}
            {...common}
          />
        );
      case 'signature':
        return <SignaturePadField id={id} value={isSignatureValue(value) ? value : null} onChange={onChange} {...common} />;
      case 'consent':
        return (
          <div className="consent">
            <div id={`q-${q.id}-text`} className="consent-text">
              {text(q.text)
                .split(/\n+/)
                .map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
            </div>
            <ChoiceTiles
              name={id}
              multiple
              options={[{ id: 'accepted', label: text(q.label) }]}
              selected={value === true ? ['accepted'] : []}
              onToggle={() => onChange(value === true ? undefined : true)}
              {...common}
              describedBy={[`q-${q.id}-text`, describedBy].filter(Boolean).join(' ')}
            />
          </div>
        );
      default:
        return assertNever(q);
    }
  };

  const LabelTag = isTextInput ? 'label' : 'p';
  return (
    <div className={`question question-${q.type}${invalid ? ' has-error' : ''}`} data-question={q.id}>
      {q.type === 'consent' ? (
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
      {widget()}
      {errorId ? (
        <p id={errorId} className="error-text" data-testid={`error-${q.id}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
