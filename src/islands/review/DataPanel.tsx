/**
 * Backups, restore, the passphrase lock and erasing everything. Loaded only when the member opens
 * it, to keep the page's first-load JavaScript small.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  BackupError,
  MAX_BACKUP_BYTES,
  backupNeedsPassphrase,
  createBackup,
  planRestore,
  readBackup,
  sameReviews,
  type RestorePlan,
} from '../../domain/backup';
import type { Review } from '../../domain/review-schema';
import { WrongPassphraseError } from '../../domain/sealed';
import { localDay } from '../../domain/review-model';
import type { LockStatus, ReviewStore } from '../../storage/review-store';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadBlob } from '../download';
import { describeMoment } from './time';

interface Props {
  store: ReviewStore;
  /** Called after anything that changes the stored reviews or the last backup time. */
  onChanged: () => void;
}

const MIN_PASSPHRASE = 8;

export default function DataPanel({ store, onChanged }: Props) {
  return (
    <div class="data-panel">
      <BackupSection store={store} onChanged={onChanged} />
      <RestoreSection store={store} onChanged={onChanged} />
      {store.kind === 'indexeddb' && <LockSection store={store} onChanged={onChanged} />}
      <EraseSection store={store} />
    </div>
  );
}

function BackupSection({ store, onChanged }: Props) {
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const backup = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    setError('');
    if (encrypt && passphrase.length < MIN_PASSPHRASE) {
      setError(`Mật khẩu cần ít nhất ${MIN_PASSPHRASE} ký tự.`);
      return;
    }
    setBusy(true);
    try {
      const reviews = await store.getAll();
      if (reviews.length === 0) {
        setError('Chưa có bản tự soi nào để sao lưu.');
        return;
      }
      const now = new Date();
      const text = await createBackup(reviews, now, encrypt ? passphrase : undefined);
      // Verify by reading the exact bytes back before telling the member it is saved.
      const readBack = await readBackup(text, encrypt ? passphrase : undefined);
      if (!sameReviews(readBack.reviews, reviews)) throw new Error('verify');
      downloadBlob(new Blob([text], { type: 'application/json' }), `tu-soi-tu-sua-sao-luu-${localDay(now)}.json`);
      await store.setSetting('last-backup-at', now.toISOString());
      setMessage(
        `Đã tạo tệp sao lưu ${reviews.length} bản tự soi và đọc lại kiểm tra: đầy đủ, khớp với dữ liệu${encrypt ? ', có khóa mật khẩu' : ''}. Hãy cất tệp ở nơi an toàn (không gửi vào nhóm chung).`,
      );
      onChanged();
    } catch (caught) {
      // The read-back check refuses what a restore would refuse: say so now, not on the day of the restore.
      setError(
        caught instanceof BackupError && caught.problem === 'script'
          ? `Chưa lưu: một bản tự soi có đoạn chữ giống mã HTML hoặc script (như <script>, onerror=) ở ${caught.detail ?? 'một ô'}. Tệp như vậy sẽ không khôi phục được; hãy sửa đoạn đó rồi lưu lại.`
          : 'Không tạo được tệp sao lưu đúng. Chưa có gì được lưu; hãy thử lại.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel" aria-labelledby="backup-heading" onSubmit={(event) => void backup(event)}>
      <h3 id="backup-heading">Lưu bản sao ra tệp</h3>
      <p class="hint">
        Tệp chứa mọi bản tự soi trên thiết bị này. Dùng để phòng mất dữ liệu, hoặc chuyển sang thiết bị khác (mở trang ở máy mới,
        chọn “Khôi phục từ tệp”).
      </p>
      <label class="checkbox" for="backup-encrypt">
        <input
          id="backup-encrypt"
          type="checkbox"
          checked={encrypt}
          onChange={(event) => setEncrypt(event.currentTarget.checked)}
        />
        Khóa tệp bằng mật khẩu
      </label>
      {encrypt && (
        <div class="field">
          <label for="backup-passphrase">Mật khẩu cho tệp (ít nhất {MIN_PASSPHRASE} ký tự)</label>
          <input
            id="backup-passphrase"
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
          <p class="hint">Quên mật khẩu thì không mở được tệp. Không ai, kể cả người quản lý trang, lấy lại được.</p>
        </div>
      )}
      <button type="submit" class="button button--primary" disabled={busy}>
        Lưu bản sao
      </button>
      <Feedback message={message} error={error} />
    </form>
  );
}

function RestoreSection({ store, onChanged }: Props) {
  const [text, setText] = useState<string | undefined>(undefined);
  const [fileName, setFileName] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<{ reviews: Review[]; plan: RestorePlan } | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const previewRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (plan) previewRef.current?.focus();
  }, [plan]);

  const reset = () => {
    setPlan(undefined);
    setText(undefined);
    setPassphrase('');
    setNeedsPassphrase(false);
  };

  const read = async (content: string, secret?: string) => {
    setError('');
    setMessage('');
    try {
      const contents = await readBackup(content, secret);
      const existing = await store.getAll();
      setPlan({ reviews: contents.reviews, plan: planRestore(contents.reviews, existing) });
    } catch (caught) {
      setPlan(undefined);
      if (caught instanceof BackupError) {
        if (caught.problem === 'needs-passphrase') setNeedsPassphrase(true);
        setError(caught.message);
      } else {
        setError('Không đọc được tệp này. Không có gì bị thay đổi.');
      }
    }
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    reset();
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_BACKUP_BYTES) {
      setError('Tệp quá lớn (trên 10 MB), không phải tệp sao lưu của trang này.');
      return;
    }
    const content = await file.text();
    setText(content);
    if (backupNeedsPassphrase(content)) {
      setNeedsPassphrase(true);
      return;
    }
    await read(content);
  };

  const apply = async () => {
    if (!plan) return;
    try {
      const changes = [...plan.plan.added, ...plan.plan.replaced.map((entry) => entry.incoming)];
      await store.putMany(changes);
      setMessage(
        `Đã khôi phục: thêm ${plan.plan.added.length}, thay ${plan.plan.replaced.length}, giữ nguyên ${plan.plan.unchanged.length} bản tự soi.`,
      );
      reset();
      onChanged();
    } catch {
      setError('Không ghi được dữ liệu khôi phục. Không có gì bị thay đổi.');
    }
  };

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
          <div class="field">
            <label for="restore-passphrase">Mật khẩu của tệp “{fileName}”</label>
            <input
              id="restore-passphrase"
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button button--primary">
            Mở tệp
          </button>
        </form>
      )}
      {plan && (
        <div class="restore-preview">
          <h4 ref={previewRef} tabIndex={-1}>
            Xem trước: tệp có {plan.reviews.length} bản tự soi
          </h4>
          <ul>
            {plan.plan.added.map((review) => (
              <li key={review.id}>
                Thêm mới: “{review.period}” (sửa lần cuối {describeMoment(review.updatedAt)})
              </li>
            ))}
            {plan.plan.replaced.map(({ incoming, existing }) => (
              <li key={incoming.id}>
                <strong>Thay thế</strong> bản “{existing.period}” trên máy (sửa {describeMoment(existing.updatedAt)}) bằng bản
                trong tệp (sửa {describeMoment(incoming.updatedAt)})
                {incoming.updatedAt < existing.updatedAt ? ' — bản trong tệp CŨ HƠN bản trên máy' : ''}
              </li>
            ))}
            {plan.plan.unchanged.map((review) => (
              <li key={review.id}>Giống hệt bản trên máy, bỏ qua: “{review.period}”</li>
            ))}
          </ul>
          <div class="button-row">
            <button
              type="button"
              class="button button--primary"
              disabled={plan.plan.added.length + plan.plan.replaced.length === 0}
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

function LockSection({ store, onChanged }: Props) {
  const [status, setStatus] = useState<LockStatus | undefined>(undefined);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [autoLock, setAutoLock] = useState('0');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void store.lock.status().then(setStatus);
    void store.getSetting('auto-lock-minutes').then((value) => setAutoLock(typeof value === 'number' ? String(value) : '0'));
  }, [store]);

  const enable = async (event: Event) => {
    event.preventDefault();
    setError('');
    if (first.length < MIN_PASSPHRASE) return setError(`Mật khẩu cần ít nhất ${MIN_PASSPHRASE} ký tự.`);
    if (first !== second) return setError('Hai lần nhập mật khẩu không giống nhau.');
    if (!understood) return setError('Hãy đánh dấu ô xác nhận đã hiểu rằng quên mật khẩu là mất dữ liệu.');
    setBusy(true);
    try {
      await store.lock.enable(first);
      setStatus('unlocked');
      setFirst('');
      setSecond('');
      setMessage('Đã bật khóa: nội dung các bản tự soi được mã hóa trên thiết bị này.');
      onChanged();
    } catch {
      setError('Không bật được khóa. Dữ liệu vẫn như cũ.');
    } finally {
      setBusy(false);
    }
  };

  const disable = async () => {
    setBusy(true);
    try {
      await store.lock.disable();
      setStatus('off');
      setMessage('Đã tắt khóa. Nội dung được lưu không mã hóa trên thiết bị này.');
    } catch (caught) {
      setError(caught instanceof WrongPassphraseError ? caught.message : 'Không tắt được khóa.');
    } finally {
      setBusy(false);
    }
  };

  const chooseAutoLock = async (value: string) => {
    setAutoLock(value);
    await store
      .setSetting('auto-lock-minutes', Number(value))
      .then(onChanged, () => setError('Chưa lưu được lựa chọn tự khóa. Hãy thử lại.'));
  };

  return (
    <section class="panel" aria-labelledby="lock-heading">
      <h3 id="lock-heading">Khóa bằng mật khẩu</h3>
      {status === 'off' && (
        <form onSubmit={(event) => void enable(event)}>
          <p class="hint">
            Khi bật khóa, nội dung bản tự soi được mã hóa trên thiết bị; người khác dùng chung máy không đọc được. Mỗi lần mở
            trang cần nhập mật khẩu.
          </p>
          <p class="alert alert--warning">
            <strong>Quên mật khẩu là mất hẳn dữ liệu:</strong> không ai khôi phục được, kể cả người quản lý trang.
          </p>
          <div class="field">
            <label for="lock-first">Mật khẩu mới (ít nhất {MIN_PASSPHRASE} ký tự)</label>
            <input
              id="lock-first"
              type="password"
              autoComplete="new-password"
              value={first}
              onInput={(event) => setFirst(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="lock-second">Nhập lại mật khẩu</label>
            <input
              id="lock-second"
              type="password"
              autoComplete="new-password"
              value={second}
              onInput={(event) => setSecond(event.currentTarget.value)}
            />
          </div>
          <label class="checkbox" for="lock-understood">
            <input
              id="lock-understood"
              type="checkbox"
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
            />
            Tôi hiểu: quên mật khẩu thì không lấy lại được dữ liệu.
          </label>
          <button type="submit" class="button button--primary" disabled={busy}>
            Bật khóa
          </button>
        </form>
      )}
      {status === 'unlocked' && (
        <div>
          <p>Khóa đang bật. Nội dung bản tự soi được mã hóa trên thiết bị này.</p>
          <div class="field">
            <label for="auto-lock">Tự khóa lại khi không dùng</label>
            <select id="auto-lock" value={autoLock} onChange={(event) => void chooseAutoLock(event.currentTarget.value)}>
              <option value="0">Không tự khóa</option>
              <option value="5">Sau 5 phút</option>
              <option value="15">Sau 15 phút</option>
              <option value="30">Sau 30 phút</option>
            </select>
          </div>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => {
                store.lock.lockNow();
                onChanged();
              }}
            >
              Khóa ngay
            </button>
            <button type="button" class="button button--danger" disabled={busy} onClick={() => void disable()}>
              Tắt khóa
            </button>
          </div>
        </div>
      )}
      <Feedback message={message} error={error} />
    </section>
  );
}

function EraseSection({ store }: { store: ReviewStore }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const erase = async () => {
    setConfirming(false);
    try {
      await store.erase(() => setMessage('Hãy đóng các thẻ khác đang mở trang này để việc xóa hoàn tất.'));
    } catch {
      setError('Trình duyệt không cho xóa lúc này. Hãy đóng các thẻ khác của trang rồi thử lại.');
      return;
    }
    location.hash = '#/';
    location.reload();
  };
  return (
    <section class="panel" aria-labelledby="erase-heading">
      <h3 id="erase-heading">Xóa mọi dữ liệu trên thiết bị này</h3>
      <p class="hint">Xóa hẳn mọi bản tự soi, cài đặt khóa, thời điểm sao lưu và cỡ chữ mà trang đã lưu trong trình duyệt này.</p>
      <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
        Xóa mọi dữ liệu
      </button>
      <Feedback message={message} error={error} />
      {confirming && (
        <ConfirmDialog
          title="Xóa mọi dữ liệu?"
          message="Mọi bản tự soi trên thiết bị này sẽ bị xóa hẳn và không khôi phục được, trừ khi bạn đã lưu bản sao ra tệp."
          confirmLabel="Xóa hẳn mọi dữ liệu"
          onConfirm={() => void erase()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

/** The outcome of an action: a polite status line, and an alert when something went wrong. */
function Feedback({ message, error }: { message: string; error?: string }) {
  return (
    <>
      <p class="status-line" role="status">
        {message}
      </p>
      {error && (
        <p class="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
