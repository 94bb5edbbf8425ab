/** "Đã lưu lúc 14:32" and the rarer states: saving, failed, changed in another tab. */
import type { SaveState } from './use-review-document';
import { clockTime } from './time';

interface Props {
  state: SaveState;
  kind: 'indexeddb' | 'memory';
  onResolve: (keep: 'mine' | 'theirs') => void;
}

/** Where a conflicting field is, in the member's words (never an internal path). */
function fieldLabel(path: string): string {
  const [head, second] = path.split('.');
  if (head === 'answers' && second) return `mục ${second}`;
  const labels: Record<string, string> = {
    period: 'tên kỳ',
    member: 'thông tin người tự soi',
    strengths: 'ưu điểm',
    commitment: 'cam kết',
    actions: 'kế hoạch khắc phục',
  };
  return labels[head ?? ''] ?? 'một phần khác';
}

export function SaveStatus({ state, kind, onResolve }: Props) {
  if (state.kind === 'conflict') {
    const places = [...new Set((state.fields ?? []).map(fieldLabel))];
    return (
      <div class="alert alert--warning save-status" role="alert">
        <p>
          {places.length > 0
            ? `Một thẻ hoặc cửa sổ khác vừa sửa cùng chỗ với thẻ này (${places.join(', ')}). Các thay đổi khác của hai bên đều được giữ. Ở chỗ này, bạn muốn giữ bản nào?`
            : 'Bản tự soi này vừa được sửa ở một thẻ hoặc cửa sổ khác. Thay đổi mới nhất ở đây chưa được lưu. Bạn muốn giữ bản nào?'}
        </p>
        <div class="button-row">
          <button type="button" class="button" onClick={() => onResolve('theirs')}>
            Dùng bản ở thẻ kia
          </button>
          <button type="button" class="button button--primary" onClick={() => onResolve('mine')}>
            Giữ bản ở thẻ này
          </button>
        </div>
      </div>
    );
  }
  if (state.kind === 'deleted-elsewhere') {
    return (
      <div class="alert alert--warning save-status" role="alert">
        <p>Bản tự soi này vừa bị xóa ở một thẻ khác, nên thay đổi ở đây không được lưu nữa.</p>
      </div>
    );
  }
  if (state.kind === 'locked') {
    return (
      <div class="alert alert--warning save-status" role="alert">
        <p>Dữ liệu vừa được khóa. Những gì bạn vừa gõ vẫn còn ở đây và sẽ được lưu khi bạn nhập mật khẩu.</p>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div class="alert alert--error save-status" role="alert">
        <p>{state.message}</p>
      </div>
    );
  }
  const where = kind === 'memory' ? ' (chỉ tạm trong trang này)' : '';
  const text =
    state.kind === 'saved'
      ? `Đã lưu lúc ${clockTime(state.at)}${where}`
      : state.kind === 'synced'
        ? state.merged
          ? `Đã gộp thay đổi từ thẻ khác lúc ${clockTime(state.at)}`
          : `Đã cập nhật theo thẻ khác lúc ${clockTime(state.at)}`
        : state.kind === 'saving' || state.kind === 'pending'
          ? 'Đang lưu…'
          : kind === 'memory'
            ? 'Chưa lưu được trên thiết bị'
            : 'Mọi thay đổi được tự động lưu trên thiết bị này';
  return (
    <p class="save-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
