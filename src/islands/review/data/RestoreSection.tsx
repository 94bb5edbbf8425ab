/** "Khôi phục từ tệp": reads a backup, shows what it would change, and applies it on confirmation. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { backupNeedsPassphrase } from '../../../domain/backup';
import type { ReviewStore } from '../../../storage/review-store';
import { applyRestore, fileTooLarge, readRestoreFile, type RestorePreview } from '../data-actions';
import { describeMoment } from '../time';
import { BranchPreview } from './BranchPreview';
import { Feedback, useFeedback } from '../../Feedback';
import { PasswordField } from './PasswordField';

interface Props {
  store: ReviewStore;
  onChanged: () => void;
}

export function RestoreSection({ store, onChanged }: Props) {
  const [text, setText] = useState<string | undefined>(undefined);
  const [fileName, setFileName] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<RestorePreview | undefined>(undefined);
  const { message, error, setMessage, setError, start } = useFeedback();
  const previewRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);

  const reset = () => {
    setPreview(undefined);
    setText(undefined);
    setPassphrase('');
    setNeedsPassphrase(false);
  };

  const read = async (content: string, secret?: string) => {
    start();
    const outcome = await readRestoreFile(content, secret, store, {
      onProgress: (done, total) => setMessage(`Đang đọc tệp: ${done}/${total} bản tự soi…`),
    });
    setMessage('');
    if (outcome.kind === 'preview') return setPreview(outcome.preview);
    setPreview(undefined);
    if (outcome.kind === 'needs-passphrase') setNeedsPassphrase(true);
    setError(outcome.message);
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    reset();
    if (!file) return;
    setFileName(file.name);
    const tooLarge = fileTooLarge(file.size);
    if (tooLarge) return setError(tooLarge);
    const content = await file.text();
    setText(content);
    if (backupNeedsPassphrase(content)) return setNeedsPassphrase(true);
    await read(content);
  };

  const apply = async () => {
    if (!preview) return;
    try {
      setMessage(await applyRestore(store, preview));
      reset();
      onChanged();
    } catch {
      setError('Không ghi được dữ liệu khôi phục. Không có gì bị thay đổi.');
    }
  };

  const { plan } = preview ?? {};
  return (
    <section class="panel" aria-labelledby="restore-heading">
      <h3 id="restore-heading">Khôi phục từ tệp</h3>
      <div class="field">
        <label for="restore-file">Chọn tệp sao lưu (.json)</label>
        <input id="restore-file" type="file" accept=".json,application/json" onChange={(event) => void choose(event)} />
      </div>
      {needsPassphrase && text !== undefined && (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void read(text, passphrase);
          }}
        >
          <PasswordField
            id="restore-passphrase"
            label={`Mật khẩu của tệp “${fileName}”`}
            value={passphrase}
            onInput={setPassphrase}
          />
          <button type="submit" class="button button--primary">
            Mở tệp
          </button>
        </form>
      )}
      {preview && plan && (
        <div class="restore-preview">
          <h4 ref={previewRef} tabIndex={-1}>
            Xem trước: tệp có {preview.reviews.length} bản tự soi
            {preview.rounds > 0 ? ` và ${preview.rounds} đợt của chi bộ` : ''}
          </h4>
          <ul>
            {plan.added.map((review) => (
              <li key={review.id}>
                Thêm mới: “{review.period}” (sửa lần cuối {describeMoment(review.updatedAt)})
              </li>
            ))}
            {plan.replaced.map(({ incoming, existing }) => (
              <li key={incoming.id}>
                <strong>Thay thế</strong> bản “{existing.period}” trên máy (sửa {describeMoment(existing.updatedAt)}) bằng bản
                trong tệp (sửa {describeMoment(incoming.updatedAt)})
                {incoming.updatedAt < existing.updatedAt ? ' — bản trong tệp CŨ HƠN bản trên máy' : ''}
              </li>
            ))}
            {plan.unchanged.map((review) => (
              <li key={review.id}>Giống hệt bản trên máy, bỏ qua: “{review.period}”</li>
            ))}
          </ul>
          {preview.rounds > 0 && <BranchPreview plan={preview.branch} />}
          <div class="button-row">
            <button
              type="button"
              class="button button--primary"
              disabled={
                plan.added.length + plan.replaced.length + preview.branch.added.length + preview.branch.replaced.length === 0
              }
              onClick={() => void apply()}
            >
              Khôi phục
            </button>
            <button type="button" class="button" onClick={reset}>
              Hủy
            </button>
          </div>
        </div>
      )}
      <Feedback message={message} error={error} />
    </section>
  );
}
