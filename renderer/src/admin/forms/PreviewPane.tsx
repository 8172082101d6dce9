import { useMemo, useState } from 'react';
import i18next from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  evaluateScreening,
  languageName,
  localize,
  visibleSteps,
  type AnswerValue,
  type Answers,
  type FormDefinition,
  type FormDefinitionError,
  type FormSettings,
  type Question,
} from '../../../../forms/engine/index.ts';
import { useKioskQuery } from '../../data/use-kiosk-data.ts';
import { QuestionField } from '../../widgets/QuestionField.tsx';
import { KeyboardOwnerContext } from '../../widgets/keyboard-context.ts';
import type { DraftForm } from './draft-edit.ts';

interface PreviewPaneProps {
  readonly draft: DraftForm;
  /** The draft parsed by the engine, when it is valid. */
  readonly parsed: FormDefinition | null;
  readonly errors: readonly FormDefinitionError[];
  readonly stepIndex: number;
}

/**
 * One step as a client would see it, in any of the form's languages, using the client's
 * own question widgets. Answers typed here live in this component only: nothing is stored
 * or sent. With a valid draft, conditions apply (with the clinic's settings, e.g. its age of consent)
 * and the flags these answers raise are listed.
 */
export function PreviewPane({ draft, parsed, errors, stepIndex }: PreviewPaneProps) {
  const { t, i18n: readerI18n } = useTranslation('admin');
  // Flag titles are for the admin reading them: their staff language, else the form's default.
  const reader = readerI18n.language.split('-')[0] ?? readerI18n.language;
  const flagLang = (title: Readonly<Record<string, string>>) => (title[reader] ? reader : draft.defaultLanguage);
  const [lang, setLang] = useState(draft.defaultLanguage);
  const [answers, setAnswers] = useState<Answers>({});
  const [keyboardOwner, setKeyboardOwner] = useState<string | null>(null);
  // The clinic's own values (age of consent), so `settings.ageOfConsent` previews as the kiosk will run it.
  const clinic = useKioskQuery((api) => api.adminGetSettings({}), []);
  const formSettings: FormSettings | undefined = clinic.data ? { ageOfConsent: clinic.data.ageOfConsent } : undefined;
  const language = draft.languages.includes(lang) ? lang : draft.defaultLanguage;
  // A separate i18n instance: the preview's language must not change the staff screens'.
  const i18n = useMemo(() => {
    const clone = i18next.cloneInstance({ lng: language });
    void clone.changeLanguage(language);
    return clone;
  }, [language]);

  const step = draft.steps[stepIndex];
  if (!step) return null;
  const now = new Date();
  const shown = parsed ? visibleSteps(parsed, answers, now, formSettings).find((s) => s.id === step.id) : undefined;
  const hiddenByCondition = parsed !== null && shown === undefined;
  const broken = (qi: number) => errors.some((e) => e.path.startsWith(`steps[${stepIndex}].questions[${qi}]`));
  // Without a valid draft, show each question whose own definition is sound; conditions are not applied.
  const questions: readonly Question[] = shown
    ? shown.questions
    : parsed
      ? []
      : (step.questions.filter((_, qi) => !broken(qi)) as unknown as readonly Question[]);
  const flags = parsed ? evaluateScreening(parsed, answers, now, formSettings) : [];

  return (
    <section className="preview-pane" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t('preview.title', { n: stepIndex + 1 })}</h3>
      <div className="choice-group" role="group" aria-label={t('preview.languageLabel')}>
        {draft.languages.map((l) => (
          <button key={l} type="button" className={`button small ${l === language ? 'primary' : 'secondary'}`} aria-pressed={l === language} onClick={() => setLang(l)}>
            {languageName(l)}
          </button>
        ))}
        <button type="button" className="button small secondary" onClick={() => setAnswers({})}>
          {t('preview.clear')}
        </button>
      </div>
      <p className="preview-note">{parsed ? t('preview.notStored') : t('preview.notStoredNoConditions')}</p>
      <I18nextProvider i18n={i18n}>
        <KeyboardOwnerContext.Provider value={{ activeId: keyboardOwner, setActiveId: setKeyboardOwner }}>
          <div className="preview-frame" lang={language} data-testid="preview">
            <h4 className="step-title">{localize(step.title, language, draft.defaultLanguage)}</h4>
            {step.description ? <p className="step-intro">{localize(step.description, language, draft.defaultLanguage)}</p> : null}
            {hiddenByCondition ? <p className="notice-box">{t('preview.hidden')}</p> : null}
            <div className="question-list">
              {questions.map((q) => (
                <QuestionField
                  key={q.id}
                  question={q}
                  value={answers[q.id]}
                  lang={language}
                  fallbackLang={draft.defaultLanguage}
                  error={undefined}
                  onChange={(v: AnswerValue | undefined) =>
                    setAnswers((a) => {
                      const next: Record<string, AnswerValue> = { ...a };
                      if (v === undefined) delete next[q.id];
                      else next[q.id] = v;
                      return next;
                    })
                  }
                />
              ))}
            </div>
          </div>
        </KeyboardOwnerContext.Provider>
      </I18nextProvider>
      {parsed ? (
        <div className="preview-flags" aria-live="polite">
          <h4>{t('preview.flagsTitle')}</h4>
          {flags.length === 0 ? (
            <p>{t('preview.noFlags')}</p>
          ) : (
            <ul data-testid="preview-flags">
              {flags.map((f) => (
                <li key={f.code}>
                  <strong>{t(`severityWord.${f.severity}`)}</strong>: <span lang={flagLang(f.title)}>{localize(f.title, reader, draft.defaultLanguage)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
