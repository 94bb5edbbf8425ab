/** Deleting a round made by mistake or no longer needed, after a confirmation that says what goes. */
import { useState } from 'preact/hooks';
import type { Round } from '../../domain/branch/branch-schema';
import { ConfirmDialog } from '../review/ConfirmDialog';

interface Props {
  round: Round;
  entryCount: number;
  onDelete: (id: string) => Promise<void>;
}

export function DeleteRound({ round, entryCount, onDelete }: Props) {
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);
  const results = entryCount > 0 ? ` cùng ${entryCount} kết quả đã nhận` : '';
  return (
    <section class="panel" aria-labelledby="delete-round-heading">
      <h2 id="delete-round-heading">Xóa đợt này</h2>
      <p>
        Xóa đợt “{round.period}”{results} khỏi máy này. Bản tự soi của từng đảng viên trên máy của họ không bị ảnh hưởng. Nếu còn
        cần, hãy lưu bản sao trước (trang Tự soi, phần “Sao lưu, chuyển máy và bảo vệ dữ liệu”).
      </p>
      {failed && (
        <p class="alert alert--error" role="alert">
          Có lỗi khi xóa đợt này (bộ nhớ của trình duyệt báo lỗi). Hãy tải lại trang để xem đợt đã được xóa hay chưa.
        </p>
      )}
      <button type="button" class="button button--danger" onClick={() => setAsking(true)}>
        Xóa đợt “{round.period}”
      </button>
      {asking && (
        <ConfirmDialog
          title="Xóa đợt tổng hợp?"
          message={`Đợt “${round.period}”${results} sẽ bị xóa khỏi máy này và không lấy lại được, trừ khi bạn có bản sao lưu.`}
          confirmLabel="Xóa đợt"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            setFailed(false);
            onDelete(round.id).catch(() => setFailed(true));
          }}
        />
      )}
    </section>
  );
}
