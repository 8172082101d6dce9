import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { KioskConfig } from '../../../api/contract.ts';
import { assertNever, localize, validateStep, visibleSteps, type AnswerValue, type FormDefinition } from '../../../forms/engine/index.ts';
import { useIdleTimer } from '../hooks/use-idle-timer.ts';
import { useSubmit } from '../hooks/use-submit.ts';
import { applyLanguage } from '../i18n/index.ts';
import { initialSession, nextStepId, previousStepId, sessionReducer } from '../lib/session.ts';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import { AttractScreen } from './AttractScreen.tsx';
import { DoneScreen } from './DoneScreen.tsx';
import { IdleDialog } from './IdleDialog.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import { StartOverDialog } from './StartOverDialog.tsx';
import { StepScreen } from './StepScreen.tsx';

interface ClientSessionProps {
  readonly config: KioskConfig;
  readonly form: FormDefinition;
  /** Ends this client's session: App remounts a fresh one on the attract screen. */
  readonly onReset: () => void;
  readonly onStaff: () => void;
}

/** One walk-in client, from the attract screen to the done screen. */
export function ClientSession({ config, form, onReset, onStaff }: ClientSessionProps) {
  const languages = useMemo(() => {
    const offered = config.languages.filter((l) => form.languages.includes(l));
    return offered.length > 0 ? offered : form.languages;
  }, [config.languages, form.languages]);
  const startLanguage = languages.includes(config.defaultLanguage) ? config.defaultLanguage : (languages[0] ?? form.defaultLanguage);
  const [state, dispatch] = useReducer(sessionReducer, startLanguage, initialSession);
  const [keyboardId, setKeyboardId] = useState<string | null>(null);
  const [errorGeneration, setErrorGeneration] = useState(0);
  const [isConfirmingStartOver, setConfirmingStartOver] = useState(false);
  const lang = state.language;
  const phase = state.phase;

  useEffect(() => applyLanguage(lang), [lang]);

  const idle = useIdleTimer({
    enabled: (phase.kind === 'step' || phase.kind === 'review') && state.submit !== 'sending',
    warningMs: config.idleWarningMs,
    countdownMs: config.idleCountdownMs,
    onTimeout: onReset,
  });
  const submit = useSubmit(form, state, dispatch);
  const steps = visibleSteps(form, state.answers, new Date(), config.formSettings);
  const setLanguage = useCallback((l: string) => dispatch({ type: 'language', language: l }), []);
  const askStartOver = useCallback(() => {
    setKeyboardId(null);
    setConfirmingStartOver(true);
  }, []);
  const keyboardOwner = useMemo(() => ({ activeId: keyboardId, setActiveId: setKeyboardId }), [keyboardId]);

  const screen = () => {
    switch (phase.kind) {
      case 'attract':
        return (
          <AttractScreen
            clinicName={config.clinicName}
            logoDataUrl={config.logoDataUrl}
            languages={languages}
            language={lang}
            onLanguage={setLanguage}
            onStaff={onStaff}
            onStart={() => {
              const first = steps[0];
              if (first) dispatch({ type: 'start', firstStepId: first.id, submissionId: crypto.randomUUID(), startedAt: new Date().toISOString() });
            }}
          />
        );
      case 'step': {
        const index = Math.max(0, steps.findIndex((s) => s.id === phase.stepId));
        const step = steps[index];
        if (!step) return null;
        const errors = new Map(state.errors.map((e) => [e.questionId as string, localize(e.message, lang, form.defaultLanguage)]));
        const next = () => {
          setKeyboardId(null);
          const found = checkStep(step.id);
          if (found.length > 0) {
            dispatch({ type: 'errors', errors: found });
            setErrorGeneration((g) => g + 1);
            return;
          }
          const after = nextStepId(steps, step.id);
          if (phase.fromReview || after === null) toReviewOrFirstGap();
          else dispatch({ type: 'goto', stepId: after, fromReview: false });
        };
        const before = previousStepId(steps, step.id);
        return (
          <StepScreen
            form={form}
            step={step}
            stepNumber={index + 1}
            totalSteps={steps.length + 1}
            lang={lang}
            languages={languages}
            answers={state.answers}
            errors={errors}
            errorGeneration={errorGeneration}
            fromReview={phase.fromReview}
            onAnswer={(questionId: string, value: AnswerValue | undefined) => dispatch({ type: 'answer', questionId, value })}
            onNext={next}
            onBack={
              phase.fromReview
                ? () => dispatch({ type: 'review' })
                : before === null
                  ? null
                  : () => {
                      setKeyboardId(null);
                      dispatch({ type: 'goto', stepId: before, fromReview: false });
                    }
            }
            onLanguage={setLanguage}
            onStartOver={askStartOver}
          />
        );
      }
      case 'review':
        return (
          <ReviewScreen
            form={form}
            steps={steps}
            lang={lang}
            languages={languages}
            answers={state.answers}
            submit={state.submit}
            onEdit={(stepId) => dispatch({ type: 'goto', stepId, fromReview: true })}
            onSubmit={() => {
              // A changed answer can reveal a question in another step: never send with a gap.
              if (firstGap() === null) submit();
              else toReviewOrFirstGap();
            }}
            onBack={() => {
              const last = steps[steps.length - 1];
              if (last) dispatch({ type: 'goto', stepId: last.id, fromReview: false });
            }}
            onLanguage={setLanguage}
            onStartOver={askStartOver}
          />
        );
      case 'done':
        return <DoneScreen receipt={phase.receipt} resetMs={config.doneResetMs} onReset={onReset} />;
      default:
        return assertNever(phase);
    }
  };

  /** The first visible step that still has errors, with them; null when every step is complete. */
  function firstGap() {
    for (const s of steps) {
      const found = checkStep(s.id);
      if (found.length > 0) return { stepId: s.id, errors: found };
    }
    return null;
  }

  /** Review when every step is complete; otherwise the first step with a gap, its errors shown. */
  function toReviewOrFirstGap() {
    const gap = firstGap();
    if (gap === null) {
      dispatch({ type: 'review' });
      return;
    }
    dispatch({ type: 'goto', stepId: gap.stepId, fromReview: phase.kind === 'review' || (phase.kind === 'step' && phase.fromReview) });
    dispatch({ type: 'errors', errors: gap.errors });
    setErrorGeneration((g) => g + 1);
  }

  /** The engine's checks for the step: the same rules main applies on submit (the signature minimum included). */
  function checkStep(stepId: string) {
    return validateStep(form, stepId, state.answers, new Date(), config.formSettings);
  }

  // Start over and "Still there?" cover the answers: behind them the screen is neither
  // shown nor focusable nor read. Start over resets exactly as the idle timeout does.
  const dialog =
    idle.phase === 'warning' ? (
      <IdleDialog secondsLeft={idle.secondsLeft} onStay={idle.stay} onStartOver={onReset} />
    ) : isConfirmingStartOver && (phase.kind === 'step' || phase.kind === 'review') ? (
      <StartOverDialog onKeepGoing={() => setConfirmingStartOver(false)} onStartOver={onReset} />
    ) : null;
  return (
    <KeyboardOwnerContext value={keyboardOwner}>
      <div className={`session-screen${dialog ? ' covered' : ''}`} inert={dialog !== null}>
        {screen()}
      </div>
      {dialog}
    </KeyboardOwnerContext>
  );
}
