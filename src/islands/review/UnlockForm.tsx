/** Shown while the data is locked: the passphrase opens it (the self-review at /tu-soi/, the branch workspace at /chi-bo/). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { WrongPassphraseError } from '../../domain/sealed';

interface Props {
  lock: { unlock(passphrase: string): Promise<void> };
  onUnlocked: () => void;
  /** "branch": worded for the branch workspace at /chi-bo/. */
  variant?: 'review' | 'branch';
}

export function UnlockForm({ lock, onUnlocked, variant = 'review' }: Props) {
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
      await lock.unlock(passphrase);
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
      <h2 id="unlock-heading">{variant === 'branch' ? 'Dữ liệu của chi bộ đang được khóa' : 'Các bản tự soi đang được khóa'}</h2>
      {variant === 'branch' && (
        <p class="hint">Nhập mật khẩu đã đặt ở trang Tự soi (cùng một mật khẩu cho mọi dữ liệu trên thiết bị này).</p>
      )}
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
