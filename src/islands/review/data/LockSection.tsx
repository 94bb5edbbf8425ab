/** "Khóa bằng mật khẩu": turns the lock on or off, locks now, and chooses the auto-lock delay. */
import { useEffect, useState } from 'preact/hooks';
import { userMessage } from '../../../domain/errors';
import { AUTO_LOCK_CHOICES, MIN_PASSPHRASE_LENGTH } from '../../../domain/limits';
import { WrongPassphraseError } from '../../../domain/sealed';
import { toNfc } from '../../../domain/text';
import type { LockStatus, ReviewStore } from '../../../storage/review-store';
import { passphraseProblem } from '../data-actions';
import { Feedback, useFeedback } from '../../Feedback';
import { Checkbox } from '../fields';
import { PasswordField } from './PasswordField';

interface Props {
  store: ReviewStore;
  onChanged: () => void;
}

export function LockSection({ store, onChanged }: Props) {
  const [status, setStatus] = useState<LockStatus | undefined>(undefined);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [autoLock, setAutoLock] = useState('0');
  const feedback = useFeedback();

  useEffect(() => {
    void store.lock.status().then(setStatus);
    void store.getSetting('auto-lock-minutes').then((value) => setAutoLock(typeof value === 'number' ? String(value) : '0'));
  }, [store]);

  const enable = async (event: Event) => {
    event.preventDefault();
    feedback.start();
    const problem = passphraseProblem(first, second);
    if (problem) return feedback.setError(problem);
    if (!understood) return feedback.setError('Hãy đánh dấu ô xác nhận đã hiểu rằng quên mật khẩu là mất dữ liệu.');
    await feedback.run(
      async () => {
        await store.lock.enable(toNfc(first));
        setStatus('unlocked');
        setFirst('');
        setSecond('');
        feedback.setMessage('Đã bật khóa: nội dung các bản tự soi và dữ liệu của chi bộ được mã hóa trên thiết bị này.');
        onChanged();
      },
      (caught) => userMessage(caught, 'Không bật được khóa. Dữ liệu vẫn như cũ.'),
    );
  };

  const disable = () =>
    feedback.run(
      async () => {
        await store.lock.disable();
        setStatus('off');
        feedback.setMessage('Đã tắt khóa. Nội dung được lưu không mã hóa trên thiết bị này.');
      },
      (caught) =>
        caught instanceof WrongPassphraseError ? caught.message : userMessage(caught, 'Không tắt được khóa. Dữ liệu vẫn như cũ.'),
    );

  const chooseAutoLock = async (value: string) => {
    setAutoLock(value);
    try {
      await store.setSetting('auto-lock-minutes', Number(value));
      onChanged();
    } catch {
      feedback.setError('Chưa lưu được lựa chọn tự khóa. Hãy thử lại.');
    }
  };

  return (
    <section class="panel" aria-labelledby="lock-heading">
      <h3 id="lock-heading">Khóa bằng mật khẩu</h3>
      {status === 'off' && (
        <form onSubmit={(event) => void enable(event)}>
          <p class="hint">
            Khi bật khóa, nội dung bản tự soi và dữ liệu tổng hợp của chi bộ (các đợt, kết quả đã nhận) được mã hóa trên thiết bị;
            người khác dùng chung máy không đọc được. Mỗi lần mở trang cần nhập mật khẩu.
          </p>
          <p class="alert alert--warning">
            <strong>Quên mật khẩu là mất hẳn dữ liệu:</strong> không ai khôi phục được, kể cả người quản lý trang.
          </p>
          <PasswordField
            id="lock-first"
            label={`Mật khẩu mới (ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự)`}
            value={first}
            onInput={setFirst}
            fresh
          />
          <PasswordField id="lock-second" label="Nhập lại mật khẩu" value={second} onInput={setSecond} fresh />
          <Checkbox id="lock-understood" checked={understood} onChange={setUnderstood}>
            Tôi hiểu: quên mật khẩu thì không lấy lại được dữ liệu.
          </Checkbox>
          <button type="submit" class="button button--primary" disabled={feedback.busy}>
            Bật khóa
          </button>
        </form>
      )}
      {status === 'unlocked' && (
        <div>
          <p>Khóa đang bật. Nội dung bản tự soi và dữ liệu của chi bộ được mã hóa trên thiết bị này.</p>
          <div class="field">
            <label for="auto-lock">Tự khóa lại khi không dùng</label>
            <select id="auto-lock" value={autoLock} onChange={(event) => void chooseAutoLock(event.currentTarget.value)}>
              {AUTO_LOCK_CHOICES.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {minutes === 0 ? 'Không tự khóa' : `Sau ${minutes} phút`}
                </option>
              ))}
            </select>
          </div>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => {
                // Every open tab of the site locks, /chi-bo/ included.
                store.lock.lockNow(true);
                onChanged();
              }}
            >
              Khóa ngay
            </button>
            <button type="button" class="button button--danger" disabled={feedback.busy} onClick={() => void disable()}>
              Tắt khóa
            </button>
          </div>
        </div>
      )}
      <Feedback message={feedback.message} error={feedback.error} />
    </section>
  );
}
