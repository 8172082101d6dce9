import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog.tsx';

interface StartOverDialogProps {
  readonly onKeepGoing: () => void;
  readonly onStartOver: () => void;
}

/** "Start over?": confirms before every answer is cleared; keeping going is the default. */
export function StartOverDialog({ onKeepGoing, onStartOver }: StartOverDialogProps) {
  const { t } = useTranslation();
  const keepRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog titleId="start-over-title" describedBy="start-over-body" initialFocus={keepRef} onEscape={onKeepGoing} testId="start-over-dialog">
      <h2 id="start-over-title">{t('startOver.title')}</h2>
      <p id="start-over-body">{t('startOver.body')}</p>
      <div className="dialog-actions">
        <button ref={keepRef} type="button" className="button primary large" onClick={onKeepGoing}>
          {t('startOver.keepGoing')}
        </button>
        <button type="button" className="button secondary large" onClick={onStartOver} data-testid="confirm-start-over">
          <span aria-hidden="true">↺</span> {t('startOver.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
