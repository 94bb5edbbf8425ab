/** "Xóa mọi dữ liệu trên thiết bị này", behind a confirmation. */
import { useState } from 'preact/hooks';
import type { ReviewStore } from '../../../storage/review-store';
import { ConfirmDialog } from '../ConfirmDialog';
import { Feedback, useFeedback } from '../../Feedback';

export function EraseSection({ store }: { store: ReviewStore }) {
  const [confirming, setConfirming] = useState(false);
  const { message, error, setMessage, setError } = useFeedback();
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
      <p class="hint">
        Xóa hẳn mọi bản tự soi, dữ liệu tổng hợp của chi bộ (các đợt và kết quả đã nhận), cài đặt khóa, thời điểm sao lưu và cỡ
        chữ mà trang đã lưu trong trình duyệt này.
      </p>
      <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
        Xóa mọi dữ liệu
      </button>
      <Feedback message={message} error={error} />
      {confirming && (
        <ConfirmDialog
          title="Xóa mọi dữ liệu?"
          message="Mọi bản tự soi và dữ liệu của chi bộ trên thiết bị này sẽ bị xóa hẳn và không khôi phục được, trừ khi bạn đã lưu bản sao ra tệp."
          confirmLabel="Xóa hẳn mọi dữ liệu"
          onConfirm={() => void erase()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
