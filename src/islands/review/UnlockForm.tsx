/** Shown while the reviews are locked: the passphrase opens them. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { WrongPassphraseError } from '../../domain/sealed';
import type { ReviewStore } from '../../storage/review-store';

interface Props {
  store: ReviewStore;
  onUnlocked: () => void;
}

export function UnlockForm({ store, onUnlocked }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await store.lock.unlock(passphrase);
      onUnlocked();
    } catch (caught) {
      setError(
        caught instanceof WrongPassphraseError
          ? 'Mật khẩu không đúng. Hãy thử lại (chú ý chữ hoa, chữ thường và dấu).'
          : 'Trình duyệt gặp lỗi khi mở khóa, không phải do mật khẩu. Hãy tải lại trang rồi thử lại.',
      );
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel" aria-labelledby="unlock-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="unlock-heading">Các bản tự soi đang được khóa</h2>
      <div class="field">
        <label for="unlock-passphrase">Mật khẩu</label>
        <input
          id="unlock-passphrase"
          ref={inputRef}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'unlock-error' : undefined}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </div>
      {error && (
        <p id="unlock-error" class="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? 'Đang mở…' : 'Mở khóa'}
      </button>
    </form>
  );
}
