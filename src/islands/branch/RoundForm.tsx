/** Creating a round (đợt): a new one, or the next one from the round being viewed. */
import { useState } from 'preact/hooks';
import { userMessage } from '../../domain/errors';
import type { Round } from '../../domain/branch/branch-schema';
import type { WorkspaceChecklist } from './workspace';

export interface RoundInput {
  period: string;
  memberCount: number;
  branchName: string;
  higherCommittee: string;
  checklistId: string;
  fromPrevious: boolean;
}

interface Props {
  checklists: readonly WorkspaceChecklist[];
  previous: Round | undefined;
  onCreate: (input: RoundInput) => Promise<void>;
  onCancel: (() => void) | undefined;
}

export function RoundForm({ checklists, previous, onCreate, onCancel }: Props) {
  const [fromPrevious, setFromPrevious] = useState(previous !== undefined);
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const period = text('period');
    const memberCount = Number(text('memberCount'));
    if (period === '') return setError('Hãy ghi kỳ tự soi của đợt (ví dụ “6 tháng đầu năm 2026”).');
    if (!fromPrevious && (!Number.isInteger(memberCount) || memberCount < 1 || memberCount > 500)) {
      return setError('Số đảng viên của chi bộ phải là số nguyên từ 1 đến 500.');
    }
    setError('');
    try {
      await onCreate({
        period,
        memberCount,
        branchName: text('branchName'),
        higherCommittee: text('higherCommittee'),
        checklistId: text('checklistId') || checklists[0]?.id || 'nq04-27',
        fromPrevious,
      });
    } catch (caught) {
      setError(userMessage(caught, 'Chưa tạo được đợt: bộ nhớ của trình duyệt báo lỗi. Hãy thử lại.'));
    }
  };
  return (
    <form class="round-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>Đợt mới</h3>
      {previous && (
        <label class="checkbox">
          <input type="checkbox" checked={fromPrevious} onChange={(e) => setFromPrevious(e.currentTarget.checked)} /> Lấy tên chi
          bộ, số đảng viên và danh mục từ đợt “{previous.period}”
        </label>
      )}
      <div class="field">
        <label for="round-period">Kỳ tự soi</label>
        <input id="round-period" name="period" required maxLength={200} placeholder="6 tháng đầu năm 2026" />
      </div>
      {!fromPrevious && (
        <>
          <div class="field">
            <label for="round-branch">Tên chi bộ</label>
            <input id="round-branch" name="branchName" maxLength={200} placeholder="Chi bộ …" />
          </div>
          <div class="field">
            <label for="round-committee">Đảng bộ cấp trên</label>
            <input id="round-committee" name="higherCommittee" maxLength={200} placeholder="Đảng bộ …" />
          </div>
          <div class="field">
            <label for="round-members">Số đảng viên của chi bộ (chính thức và dự bị)</label>
            <input id="round-members" name="memberCount" type="number" min={1} max={500} inputMode="numeric" required />
          </div>
          {checklists.length > 1 && (
            <div class="field">
              <label for="round-checklist">Danh mục biểu hiện</label>
              <select id="round-checklist" name="checklistId">
                {checklists.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.shortTitle}
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      {error && (
        <p role="alert" class="alert alert--error">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="submit" class="button button--primary">
          Tạo đợt
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Thôi
          </button>
        )}
      </div>
    </form>
  );
}
