import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  /** The confirm button looks dangerous (removing, weakening) rather than primary. */
  readonly isDanger?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
}

/**
 * A modal confirm on the native <dialog> (showModal: the page behind is inert, focus moves
 * in and returns, Escape cancels). Cancel, the safe choice, has the focus first.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, isDanger = false, onConfirm, onCancel, testId }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: the dialog stays mounted until the owner drops it.
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="admin-dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="admin-dialog-body">
        {children}
      </div>
      <div className="admin-dialog-actions">
        <button ref={cancelRef} type="button" className="button secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={`button ${isDanger ? 'danger-solid' : 'primary'}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
