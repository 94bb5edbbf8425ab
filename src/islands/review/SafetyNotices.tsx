/**
 * Storage honesty, shown above the review list: where the data lives in this browser, whether the
 * browser promised to keep it, and a reminder to save a backup. Small on purpose (first-load JS).
 */
import { useEffect, useState } from 'preact/hooks';
import { SMALL_QUOTA_BYTES } from '../../domain/limits';
import { describeBrowser, inAppBrowserNames } from '../../domain/user-agent';
import type { ReviewSummary } from '../../domain/review-model';
import type { ReviewStore } from '../../storage/review-store';

/** Remind when the newest change is this much newer than the last backup. */
const REMIND_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

interface Props {
  store: ReviewStore;
  summaries: readonly ReviewSummary[];
  /** Bumped after a backup so the reminder re-reads the last backup time. */
  backupStamp: number;
  onOpenBackup: () => void;
}

export function SafetyNotices({ store, summaries, backupStamp, onOpenBackup }: Props) {
  const [persisted, setPersisted] = useState<boolean | undefined>(undefined);
  const [persistMessage, setPersistMessage] = useState('');
  const [lastBackup, setLastBackup] = useState<string | undefined>(undefined);
  const [smallQuota, setSmallQuota] = useState(false);
  const info = describeBrowser(navigator.userAgent, navigator.maxTouchPoints);

  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(false));
    // Private windows get a small, temporary quota; a heuristic, worded as "có vẻ".
    void navigator.storage?.estimate?.().then(
      (estimate) => setSmallQuota(estimate.quota !== undefined && estimate.quota < SMALL_QUOTA_BYTES),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    void store.getSetting('last-backup-at').then((value) => setLastBackup(typeof value === 'string' ? value : undefined));
  }, [store, backupStamp]);

  const askToPersist = async () => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    setPersisted(granted);
    setPersistMessage(
      granted
        ? 'Trình duyệt đã đồng ý giữ dữ liệu của trang, kể cả khi máy thiếu bộ nhớ.'
        : 'Trình duyệt chưa đồng ý. Hãy lưu bản sao thường xuyên: dữ liệu vẫn được lưu, nhưng có thể bị xóa khi máy thiếu bộ nhớ.',
    );
  };

  const newest = summaries.reduce((latest, summary) => (summary.updatedAt > latest ? summary.updatedAt : latest), '');
  const needsBackup =
    store.kind === 'indexeddb' &&
    newest !== '' &&
    (lastBackup === undefined || Date.parse(newest) - Date.parse(lastBackup) > REMIND_AFTER_MS);

  return (
    <div class="safety">
      {info.inApp && (
        <div class="alert alert--warning" role="note">
          <p>
            <strong>Bạn đang mở trang trong trình duyệt của {inAppBrowserNames[info.inApp]}.</strong> Bản tự soi làm ở đây chỉ nằm
            trong {inAppBrowserNames[info.inApp]}; mở trang bằng Chrome hay Safari sẽ không thấy, và có thể mất khi ứng dụng dọn
            bộ nhớ.
          </p>
          <p>Nên bấm nút ⋯ (hoặc ⋮) ở góc màn hình, chọn “Mở bằng trình duyệt”, rồi mới bắt đầu.</p>
        </div>
      )}
      {!info.inApp && info.ios && info.safari && (
        <div class="alert alert--warning" role="note">
          <p>
            Hãy lưu bản sao ra tệp sau mỗi lần làm: trên iPhone, iPad, Safari tự xóa dữ liệu của trang nếu 7 ngày không mở trang.
          </p>
        </div>
      )}
      {smallQuota && store.kind === 'indexeddb' && (
        <div class="alert alert--warning" role="note">
          <p>
            Hãy lưu bản sao ra tệp trước khi đóng: có vẻ đây là cửa sổ ẩn danh (riêng tư), mọi điều ghi ở đây sẽ mất khi đóng cửa
            sổ.
          </p>
        </div>
      )}
      {needsBackup && (
        <div class="alert alert--warning" role="note">
          <p>
            {lastBackup === undefined
              ? 'Nên lưu một bản sao ra tệp: bạn chưa lưu bản sao nào, và dữ liệu chỉ nằm trong trình duyệt này.'
              : 'Nên lưu bản sao mới: bản sao gần nhất đã cũ hơn các thay đổi mới của bạn vài ngày.'}
          </p>
          <button type="button" class="button" onClick={onOpenBackup}>
            Lưu bản sao ngay
          </button>
        </div>
      )}
      {store.kind === 'indexeddb' && (
        <p class="hint persist-status">
          {persisted === true
            ? 'Trình duyệt đã cam kết giữ dữ liệu của trang trên thiết bị này.'
            : persisted === false
              ? 'Nên đề nghị trình duyệt giữ dữ liệu: khi máy thiếu bộ nhớ, trình duyệt có thể xóa dữ liệu của trang. '
              : ''}
          {persisted === false && typeof navigator.storage?.persist === 'function' && (
            <button type="button" class="button" onClick={() => void askToPersist()}>
              Đề nghị trình duyệt giữ dữ liệu
            </button>
          )}
        </p>
      )}
      <p class="status-line" role="status">
        {persistMessage}
      </p>
    </div>
  );
}
