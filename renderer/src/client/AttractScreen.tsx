import { useTranslation } from 'react-i18next';
import { nativeLanguageName } from '../i18n/index.ts';
import { useLongPress } from '../hooks/use-long-press.ts';

interface AttractScreenProps {
  readonly clinicName: string;
  readonly logoDataUrl: string | null;
  readonly languages: readonly string[];
  readonly language: string;
  readonly onLanguage: (lang: string) => void;
  readonly onStart: () => void;
  readonly onStaff: () => void;
}

/** "Tap to start" with the language choice; the staff corner hides in the top-left. */
export function AttractScreen({ clinicName, logoDataUrl, languages, language, onLanguage, onStart, onStaff }: AttractScreenProps) {
  const { t } = useTranslation();
  const longPress = useLongPress(onStaff, 2000);
  return (
    <main className="screen screen-center attract">
      {/* Unlabeled on purpose and hidden from assistive tech: staff mode is not for clients. */}
      <div className="staff-corner" aria-hidden="true" data-testid="staff-corner" {...longPress} />
      {/* The clinic's name is the text next to it, so the logo itself is decorative. */}
      {logoDataUrl ? <img className="attract-logo" src={logoDataUrl} alt="" /> : null}
      <p className="attract-clinic">{clinicName}</p>
      <h1 className="attract-title">{t('attract.welcome')}</h1>
      <p className="lead">{t('attract.intro')}</p>
      <fieldset className="language-choice">
        <legend>{t('attract.chooseLanguage')}</legend>
        <div className="language-buttons">
          {languages.map((lang) => (
            <button
              key={lang}
              type="button"
              lang={lang}
              className="button secondary language-button"
              aria-pressed={lang === language}
              onClick={() => onLanguage(lang)}
            >
              {nativeLanguageName(lang)}
            </button>
          ))}
        </div>
      </fieldset>
      <button type="button" className="button primary start-button" onClick={onStart}>
        {t('attract.tapToStart')}
      </button>
      <p className="step-intro">{t('attract.privacy')}</p>
    </main>
  );
}
