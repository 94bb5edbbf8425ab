/** "Lưu bản sao ra tệp": builds, verifies and downloads a backup of everything on this device. */
import { useEffect, useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH } from '../../../domain/limits';
import type { ReviewStore } from '../../../storage/review-store';
import { downloadBlob } from '../../download';
import { BackupFailure, backupSavedMessage, makeVerifiedBackup, passphraseProblem, plainBackupWarning } from '../data-actions';
import { unsavedReviews } from '../unsaved';
import { Feedback, useFeedback } from '../../Feedback';
import { Checkbox } from '../fields';
import { PasswordField } from './PasswordField';

interface Props {
  store: ReviewStore;
  onChanged: () => void;
}

export function BackupSection({ store, onChanged }: Props) {
  const [locked, setLocked] = useState(false);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const feedback = useFeedback();

  useEffect(() => {
    void store.lock.status().then(
      (status) => {
        // A locked store offers the file passphrase from the start.
        const isLocked = status !== 'off';
        setLocked(isLocked);
        if (isLocked) setEncrypt(true);
      },
      () => undefined,
    );
  }, [store]);

  const warning = plainBackupWarning(locked, encrypt);

  const backup = async (event: Event) => {
    event.preventDefault();
    feedback.start();
    const problem = encrypt ? passphraseProblem(passphrase) : undefined;
    if (problem) return feedback.setError(problem);
    await feedback.run(
      async () => {
        const now = new Date();
        const made = await makeVerifiedBackup({
          store,
          unsaved: unsavedReviews(),
          now,
          passphrase: encrypt ? passphrase : undefined,
          progress: { onProgress: (done, total) => feedback.setMessage(`Đang kiểm tra tệp: ${done}/${total} bản tự soi…`) },
        });
        downloadBlob(new Blob([made.text], { type: 'application/json' }), made.fileName);
        // The file exists now: a full storage may refuse the time stamp, which must not turn this into a failure.
        const recorded = await store.setSetting('last-backup-at', now.toISOString()).then(
          () => true,
          () => false,
        );
        feedback.setMessage(backupSavedMessage(made, encrypt, recorded));
        onChanged();
      },
      (caught) =>
        caught instanceof BackupFailure ? caught.message : 'Không tạo được tệp sao lưu đúng. Chưa có gì được lưu; hãy thử lại.',
    );
  };

  return (
    <form class="panel" aria-labelledby="backup-heading" onSubmit={(event) => void backup(event)}>
      <h3 id="backup-heading">Lưu bản sao ra tệp</h3>
      <p class="hint">
        Tệp chứa mọi bản tự soi trên thiết bị này, cùng các đợt tổng hợp của chi bộ (trang Chi bộ) nếu có. Dùng để phòng mất dữ
        liệu, hoặc chuyển sang thiết bị khác (mở trang ở máy mới, chọn “Khôi phục từ tệp”).
      </p>
      <Checkbox id="backup-encrypt" checked={encrypt} onChange={setEncrypt}>
        Khóa tệp bằng mật khẩu
      </Checkbox>
      {warning && (
        <p class="alert alert--warning" id="backup-plain-warning">
          {warning}
        </p>
      )}
      {encrypt && (
        <PasswordField
          id="backup-passphrase"
          label={`Mật khẩu cho tệp (ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự)`}
          value={passphrase}
          onInput={setPassphrase}
          fresh
          hint="Quên mật khẩu thì không mở được tệp. Không ai, kể cả người quản lý trang, lấy lại được."
        />
      )}
      <button type="submit" class="button button--primary" disabled={feedback.busy}>
        Lưu bản sao
      </button>
      <Feedback message={feedback.message} error={feedback.error} />
    </form>
  );
}
