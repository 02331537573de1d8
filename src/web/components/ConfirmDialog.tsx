import { useEffect, useRef, type ReactNode } from 'react';
import { Button, ButtonGroup } from './Button';
import { Heading } from './Heading';

interface ConfirmDialogProps {
  id: string;
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  /** The confirm button is red (a destructive action). */
  danger?: boolean;
  busy?: boolean;
  /** Shown below the text, e.g. a ProblemAlert when the action failed. */
  footer?: ReactNode;
  onConfirm: () => void;
  /** Cancel button, Escape or closing otherwise; the caller sets `open` to false. */
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog> (focus stays inside, Escape cancels, the page behind
 * is inert). It opens with the focus on "cancel", the safe choice for a destructive action.
 * Ids: `{id}`, `{id}-title`, `{id}-confirm`, `{id}-cancel`.
 */
export function ConfirmDialog({
  id,
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  footer,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      id={id}
      role="alertdialog"
      aria-modal="true"
      className="eh-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        // Escape: let React's state close the dialog
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <Heading level={2} id={`${id}-title`} className="eh-dialog__title">
        {title}
      </Heading>
      <div id={`${id}-text`} className="eh-dialog__text">
        {children}
      </div>
      {footer}
      <ButtonGroup>
        <Button id={`${id}-confirm`} appearance="primary" danger={danger} busy={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button id={`${id}-cancel`} ref={cancelRef} appearance="secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
