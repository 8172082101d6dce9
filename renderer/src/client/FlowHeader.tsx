import { useTranslation } from 'react-i18next';
import { nativeLanguageName } from '../i18n/index.ts';
import { ProgressIndicator } from './ProgressIndicator.tsx';

interface FlowHeaderProps {
  readonly current: number;
  readonly total: number;
  readonly lang: string;
  readonly languages: readonly string[];
  readonly onLanguage: (lang: string) => void;
  /** Asks to confirm, then clears everything (the same reset as the idle timeout). */
  readonly onStartOver: () => void;
}

/**
 * Progress, a language switch that keeps the answers (a client may change their mind),
 * and Start over, so a client can leave without waiting for the idle timeout.
 */
export function FlowHeader({ current, total, lang, languages, onLanguage, onStartOver }: FlowHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="flow-header">
      <ProgressIndicator current={current} total={total} />
      <div className="header-tools">
        {languages.length > 1 ? (
          <div className="header-actions" role="group" aria-label={t('step.language')}>
            {languages
              .filter((l) => l !== lang)
              .map((l) => (
                <button key={l} type="button" lang={l} className="button secondary" onClick={() => onLanguage(l)}>
                  {nativeLanguageName(l)}
                </button>
              ))}
          </div>
        ) : null}
        <button type="button" className="button secondary start-over" onClick={onStartOver} data-testid="start-over">
          <span aria-hidden="true">↺</span> {t('step.startOver')}
        </button>
      </div>
    </header>
  );
}
