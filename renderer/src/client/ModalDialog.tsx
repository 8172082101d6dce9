import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

interface ModalDialogProps {
  readonly titleId: string;
  readonly describedBy: string;
  /** Takes focus when the dialog opens; focus returns where it was when it closes. */
  readonly initialFocus: RefObject<HTMLButtonElement | null>;
  /** Escape does what the dialog's safe choice does (stay, keep going). */
  readonly onEscape: () => void;
  readonly testId: string;
  readonly children: ReactNode;
}

/**
 * A modal alert dialog over an opaque backdrop: the client's answers behind it are covered,
 * not just dimmed (a passer-by must not read a name while "Still there?" counts down).
 * The session screen behind it is made inert by ClientSession. Focus stays inside.
 */
export function ModalDialog({ titleId, describedBy, initialFocus, onEscape, testId, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initialFocus.current?.focus();
    return () => previous?.focus({ preventScroll: true });
  }, [initialFocus]);

  // Focus trap: Tab and Shift+Tab cycle through the dialog's own buttons.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onEscape();
      return;
    }
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
    <div className="dialog-backdrop covering" data-testid={testId}>
      <div ref={dialogRef} className="dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={describedBy} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
