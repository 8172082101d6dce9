import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface IdleDialogProps {
  readonly secondsLeft: number;
  readonly onStay: () => void;
  readonly onStartOver: () => void;
}

/** "Still there?": a modal alert dialog with a visible countdown; focus stays inside it. */
export function IdleDialog({ secondsLeft, onStay, onStartOver }: IdleDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    stayRef.current?.focus();
    return () => previous?.focus();
  }, []);

  // Focus trap: Tab and Shift+Tab cycle through the dialog's own buttons.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>('button') ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body idle-count"
        onKeyDown={onKeyDown}
      >
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
      </div>
    </div>
  );
}
