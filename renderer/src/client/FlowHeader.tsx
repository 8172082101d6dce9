import { useTranslation } from 'react-i18next';
import { nativeLanguageName } from '../i18n/index.ts';
import { ProgressIndicator } from './ProgressIndicator.tsx';

interface FlowHeaderProps {
  readonly current: number;
  readonly total: number;
  readonly lang: string;
  readonly languages: readonly string[];
  readonly onLanguage: (lang: string) => void;
}

/** Progress and a language switch that keeps the answers (a client may change their mind). */
export function FlowHeader({ current, total, lang, languages, onLanguage }: FlowHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="flow-header">
      <ProgressIndicator current={current} total={total} />
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
    </header>
  );
}
