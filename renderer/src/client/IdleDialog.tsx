import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog.tsx';

interface IdleDialogProps {
  readonly secondsLeft: number;
  readonly onStay: () => void;
  readonly onStartOver: () => void;
}

/** "Still there?": a modal alert dialog with a visible countdown; focus stays inside it. */
export function IdleDialog({ secondsLeft, onStay, onStartOver }: IdleDialogProps) {
  const { t } = useTranslation();
  const stayRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog titleId="idle-title" describedBy="idle-body idle-count" initialFocus={stayRef} onEscape={onStay} testId="idle-dialog">
      <h2 id="idle-title">{t('idle.title')}</h2>
      <p id="idle-body">{t('idle.body')}</p>
      <p id="idle-count" className="dialog-count" aria-live="off">
        {t('idle.countdown', { count: secondsLeft })}
      </p>
      <div className="dialog-actions">
        <button ref={stayRef} type="button" className="button primary large" onClick={onStay}>
          {t('idle.stay')}
        </button>
        <button type="button" className="button secondary large" onClick={onStartOver}>
          {t('idle.startOver')}
        </button>
      </div>
    </ModalDialog>
  );
}
