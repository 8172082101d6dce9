import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type AnswerValue, type Answers, type FormDefinition, type Step } from '../../../forms/engine/index.ts';
import { QuestionField } from '../widgets/QuestionField.tsx';
import { useStickyBarInset } from '../hooks/use-sticky-bar-inset.ts';
import { FlowHeader } from './FlowHeader.tsx';

interface StepScreenProps {
  readonly form: FormDefinition;
  readonly step: Step;
  readonly stepNumber: number;
  readonly totalSteps: number;
  readonly lang: string;
  readonly languages: readonly string[];
  readonly answers: Answers;
  /** Messages per question id, in the client's language. */
  readonly errors: ReadonlyMap<string, string>;
  /** Bumped each time a check fails, so focus moves to the first invalid field again. */
  readonly errorGeneration: number;
  readonly fromReview: boolean;
  readonly onAnswer: (questionId: string, value: AnswerValue | undefined) => void;
  readonly onNext: () => void;
  readonly onBack: (() => void) | null;
  readonly onLanguage: (lang: string) => void;
  readonly onStartOver: () => void;
}

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), button:not([disabled]), canvas';

/** One step of the form on one screen: its visible questions, progress, Back/Next. */
export function StepScreen(props: StepScreenProps) {
  const { form, step, stepNumber, totalSteps, lang, languages, answers, errors, errorGeneration, fromReview, onAnswer, onNext, onBack, onLanguage, onStartOver } = props;
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const questionsRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLElement>(null);
  useStickyBarInset(navRef);
  const text = (v: Readonly<Record<string, string>> | undefined) => localize(v, lang, form.defaultLanguage);

  // A new step starts at the top, with focus on its heading so screen readers announce it.
  useEffect(() => {
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [step.id]);

  // After a failed check, focus the first invalid field (in screen order).
  useEffect(() => {
    if (errorGeneration === 0) return;
    const first = questionsRef.current?.querySelector('.question.has-error');
    const target = first?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    first?.scrollIntoView({ block: 'center' });
  }, [errorGeneration]);

  // `step` comes from visibleSteps(): it holds only the questions this client should see.
  const visible = step.questions;
  return (
    <div className="screen flow">
      <FlowHeader current={stepNumber} total={totalSteps} lang={lang} languages={languages} onLanguage={onLanguage} onStartOver={onStartOver} />
      <main className="flow-main" aria-labelledby="step-title">
        <h1 id="step-title" className="step-title" tabIndex={-1} ref={headingRef}>
          {text(step.title)}
        </h1>
        {step.description ? <p className="step-intro">{text(step.description)}</p> : null}
        {errors.size > 0 ? (
          <p className="error-text error-summary" role="alert" data-testid="error-summary">
            {t('step.errorSummary', { count: errors.size })}
          </p>
        ) : null}
        <div className="question-list" ref={questionsRef}>
          {visible.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id]}
              lang={lang}
              fallbackLang={form.defaultLanguage}
              error={errors.get(q.id)}
              onChange={(v) => onAnswer(q.id, v)}
            />
          ))}
        </div>
      </main>
      <nav ref={navRef} className="flow-nav" aria-label={t('step.progress', { current: stepNumber, total: totalSteps })}>
        {onBack ? (
          <button type="button" className="button secondary large" onClick={onBack}>
            ← {t('step.back')}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="button primary large" onClick={onNext} data-testid="next">
          {fromReview ? t('step.toReview') : t('step.next')} →
        </button>
      </nav>
    </div>
  );
}
