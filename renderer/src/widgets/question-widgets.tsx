/**
 * The widget of every question type: one entry per type, and the `satisfies` clause
 * makes a type without a widget a compile error. A type's rules live in the engine's
 * registry (forms/engine/question-types/); this map only says how it is drawn.
 */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { isSignature, type AnswerValue, type Question, type QuestionOf, type QuestionType } from '../../../forms/engine/index.ts';
import { BODY_MAP_IDS } from './body-map-ids.ts';
import { BodyMap } from './BodyMap.tsx';
import { ChoiceTiles } from './ChoiceTiles.tsx';
import { DateField } from './DateField.tsx';
import { NumberField } from './NumberField.tsx';
import { PainScale } from './PainScale.tsx';
import { SignaturePadField } from './SignaturePadField.tsx';
import { TextField } from './TextField.tsx';

/** What every widget is given. */
export interface WidgetProps<Q> {
  readonly q: Q;
  /** DOM id of the element that takes focus (and that the label points at). */
  readonly id: string;
  readonly value: AnswerValue | undefined;
  readonly lang: string;
  readonly onChange: (value: AnswerValue | undefined) => void;
  /** A form text in the client's language. */
  readonly text: (v: Readonly<Record<string, string>> | undefined) => string;
  readonly t: TFunction;
  readonly common: { readonly describedBy: string | undefined; readonly invalid: boolean; readonly labelId: string };
}

/**
 * How a type is drawn. `label`: a `<label for>` on a single input, a `<p>` over a group
 * of controls, or visually hidden (the consent's tick box carries the label itself).
 * A method, so one type's widget fits where any question's is expected (see specOf).
 */
export interface Widget<Q> {
  readonly label: 'for' | 'group' | 'hidden';
  render(props: WidgetProps<Q>): ReactNode;
}

const asString = (v: AnswerValue | undefined): string => (typeof v === 'string' ? v : '');
const asList = (v: AnswerValue | undefined): readonly string[] => (Array.isArray(v) ? (v as readonly string[]) : []);
const asNumber = (v: AnswerValue | undefined): number | null => (typeof v === 'number' ? v : null);
const toggle = (list: readonly string[], id: string): readonly string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
const textOrNothing = (onChange: WidgetProps<unknown>['onChange']) => (v: string) => onChange(v === '' ? undefined : v);

export const WIDGETS = {
  short_text: {
    label: 'for',
    render: ({ q, id, value, lang, onChange, common }) => <TextField id={id} kind="short" lang={lang} value={asString(value)} maxLength={q.maxLength} onChange={textOrNothing(onChange)} {...common} />,
  },
  long_text: {
    label: 'for',
    render: ({ q, id, value, lang, onChange, common }) => <TextField id={id} kind="long" lang={lang} value={asString(value)} maxLength={q.maxLength} onChange={textOrNothing(onChange)} {...common} />,
  },
  phone: {
    label: 'for',
    render: ({ id, value, lang, onChange, common }) => <TextField id={id} kind="phone" lang={lang} value={asString(value)} maxLength={30} onChange={textOrNothing(onChange)} {...common} />,
  },
  email: {
    label: 'for',
    render: ({ id, value, lang, onChange, common }) => <TextField id={id} kind="email" lang={lang} value={asString(value)} maxLength={200} onChange={textOrNothing(onChange)} {...common} />,
  },
  number: {
    label: 'for',
    render: ({ q, id, value, lang, onChange, text, common }) => <NumberField id={id} lang={lang} value={asNumber(value)} unit={q.unit ? text(q.unit) : undefined} onChange={onChange} {...common} />,
  },
  date: {
    label: 'group',
    render: ({ q, id, value, lang, onChange, common }) => <DateField id={id} lang={lang} value={typeof value === 'string' ? value : null} min={q.min} max={q.max} onChange={onChange} {...common} />,
  },
  single_choice: {
    label: 'group',
    render: ({ q, id, value, onChange, text, common }) => (
      <ChoiceTiles
        name={id}
        multiple={false}
        options={q.options.map((o) => ({ id: o.id, label: text(o.label) }))}
        selected={typeof value === 'string' ? [value] : []}
        onToggle={(o) => onChange(o)}
        {...common}
      />
    ),
  },
  multiple_choice: {
    label: 'group',
    render: ({ q, id, value, onChange, text, common }) => {
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
    },
  },
  yes_no: {
    label: 'group',
    render: ({ id, value, onChange, t, common }) => (
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
    ),
  },
  scale: {
    label: 'group',
    render: ({ q, id, value, onChange, text, common }) => (
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
    ),
  },
  body_map: {
    label: 'group',
    render: ({ q, id, value, lang, onChange, text, common }) => (
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
    ),
  },
  signature: {
    label: 'group',
    render: ({ id, value, onChange, common }) => <SignaturePadField id={id} value={isSignature(value) ? value : null} onChange={onChange} {...common} />,
  },
  consent: {
    label: 'hidden',
    render: ({ q, id, value, onChange, text, common }) => (
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
          describedBy={[`q-${q.id}-text`, common.describedBy].filter(Boolean).join(' ')}
        />
      </div>
    ),
  },
} satisfies { readonly [T in QuestionType]: Widget<QuestionOf<T>> };

/** The widget of a question's own type (the table entry for `q.type`; see `satisfies` above). */
export function widgetOf(q: Question): Widget<Question> {
  return WIDGETS[q.type];
}
