/** A modal confirmation built on <dialog>: focus moves in, Escape cancels, focus returns after. */
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Không, giữ lại', onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    // When the data locks, the view holding this dialog is hidden: a modal left open there would
    // keep the whole page, the passphrase form included, inert. Cancel it as Escape would.
    const holder = ref.current?.parentElement;
    if (!holder) return;
    const observer = new ResizeObserver(() => {
      if (holder.getClientRects().length === 0) onCancel();
    });
    observer.observe(holder);
    return () => observer.disconnect();
  }, [onCancel]);
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-message">{message}</p>
      <div class="confirm__actions">
        <button type="button" class="button" onClick={onCancel} autofocus>
          {cancelLabel}
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
