import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAnswer, localize, type Answers, type FormDefinition, type Step } from '../../../forms/engine/index.ts';
import type { SubmitStatus } from '../lib/session.ts';
import { useStickyBarInset } from '../hooks/use-sticky-bar-inset.ts';
import { FlowHeader } from './FlowHeader.tsx';

interface ReviewScreenProps {
  readonly form: FormDefinition;
  readonly steps: readonly Step[];
  readonly lang: string;
  readonly languages: readonly string[];
  readonly answers: Answers;
  readonly submit: SubmitStatus;
  readonly onEdit: (stepId: string) => void;
  readonly onSubmit: () => void;
  readonly onBack: () => void;
  readonly onLanguage: (lang: string) => void;
  readonly onStartOver: () => void;
}

/** Every visible answer by section, an "Edit" per section, and the one Submit. */
export function ReviewScreen({ form, steps, lang, languages, answers, submit, onEdit, onSubmit, onBack, onLanguage, onStartOver }: ReviewScreenProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const navRef = useRef<HTMLElement>(null);
  useStickyBarInset(navRef);
  const text = (v: Readonly<Record<string, string>> | undefined) => localize(v, lang, form.defaultLanguage);
  useEffect(() => {
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, []);

  const isSending = submit === 'sending';
  const problem = submit === 'failed' ? t('review.failed') : submit === 'invalid' ? t('review.invalid') : submit === 'conflict' ? t('review.conflict') : null;
  return (
    <div className="screen flow">
      <FlowHeader current={steps.length + 1} total={steps.length + 1} lang={lang} languages={languages} onLanguage={onLanguage} onStartOver={onStartOver} />
      <main className="flow-main" aria-labelledby="review-title">
        <h1 id="review-title" className="step-title" tabIndex={-1} ref={headingRef}>
          {t('review.title')}
        </h1>
        <p className="step-intro">{t('review.intro')}</p>
        <div className="review-sections">
          {steps.map((step) => {
            const title = text(step.title);
            const shown = step.questions; // visible questions only (visibleSteps)
            return (
              <section key={step.id} className="review-section" aria-labelledby={`review-${step.id}`} data-step={step.id}>
                <div className="review-section-head">
                  <h2 id={`review-${step.id}`}>{title}</h2>
                  <button type="button" className="button secondary" onClick={() => onEdit(step.id)} disabled={isSending}>
                    ✎ {t('review.edit')}
                    <span className="visually-hidden"> {title}</span>
                  </button>
                </div>
                <dl className="review-list">
                  {shown.map((q) => {
                    const value = answers[q.id];
                    return (
                      <div key={q.id} className="review-row">
                        <dt>{text(q.label)}</dt>
                        <dd>{value === undefined || value === null ? <em>{t('review.notAnswered')}</em> : formatAnswer(form, q.id, value, lang)}</dd>
                      </div>
                    );
                  })}
                </dl>
              </section>
            );
          })}
        </div>
      </main>
      <nav ref={navRef} className="flow-nav" aria-label={t('review.title')}>
        {/* Beside the button the client just tapped, so the retry message cannot be missed. */}
        {problem ? (
          <p className="error-text submit-problem" role="alert" data-testid="submit-problem">
            {problem}
          </p>
        ) : null}
        <button type="button" className="button secondary large" onClick={onBack} disabled={isSending}>
          ← {t('step.back')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button primary large"
          onClick={onSubmit}
          disabled={isSending || submit === 'conflict'}
          aria-busy={isSending || undefined}
          data-testid="submit"
        >
          {isSending ? t('review.sending') : submit === 'failed' ? `↻ ${t('review.retry')}` : `${t('review.submit')} ✓`}
        </button>
      </nav>
    </div>
  );
}
