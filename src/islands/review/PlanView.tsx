/** The remediation plan: every action with what, deadline, how judged, who follows up, status. */
import { useState } from 'preact/hooks';
import { numberChecklist } from '../../domain/checklist';
import type { ChecklistData } from '../../domain/checklist-schema';
import { addAction, localDay, removeAction, updateAction } from '../../domain/review-model';
import type { ActionStatus, PlanAction, Review } from '../../domain/review-schema';
import { ConfirmDialog } from './ConfirmDialog';
import { ActionStatusOptions, ActionTextField, TextField } from './fields';
import { focusLater } from './focus';
import { makeId } from './ids';
import { shortDay } from './time';

interface Props {
  review: Review;
  checklist: ChecklistData;
  update: (change: (review: Review) => Review) => void;
}

export function PlanView({ review, checklist, update }: Props) {
  const [removing, setRemoving] = useState<PlanAction | undefined>(undefined);
  const items = new Map(
    numberChecklist(checklist).groups.flatMap((group) => group.items.map((item) => [item.id, item] as const)),
  );
  const today = localDay(new Date());

  const add = () => {
    const id = makeId();
    update((current) => addAction(current, { id }));
    focusLater(`action-${id}-what`);
  };

  const remove = (action: PlanAction) => {
    const index = review.actions.findIndex((entry) => entry.id === action.id);
    const neighbour = review.actions[index + 1] ?? review.actions[index - 1];
    update((current) => removeAction(current, action.id));
    setRemoving(undefined);
    focusLater(neighbour ? `action-${neighbour.id}-legend` : 'add-action');
  };

  return (
    <div>
      {review.actions.length === 0 ? (
        <p class="empty">
          Chưa có biện pháp nào. Thêm biện pháp từ từng biểu hiện ở phần Tự soi, hoặc thêm biện pháp chung bằng nút dưới đây.
        </p>
      ) : (
        <p class="hint">
          {review.actions.length} biện pháp. Mỗi biện pháp nên nói rõ việc sẽ làm, thời hạn, cách đánh giá và ai theo dõi.
        </p>
      )}
      {review.actions.map((action, index) => {
        const item = action.itemId ? items.get(action.itemId) : undefined;
        const overdue = action.status !== 'done' && action.deadline !== '' && action.deadline < today;
        const base = `action-${action.id}`;
        return (
          <fieldset key={action.id} class="card card--edge action-card">
            <legend id={`${base}-legend`} tabIndex={-1}>
              Biện pháp {index + 1}
              {item ? ` — biểu hiện ${item.overallNumber}: ${item.label}` : ' — biện pháp chung'}
            </legend>
            {overdue && <p class="badge-overdue">Quá hạn từ {shortDay(action.deadline)}</p>}
            <ActionTextField action={action} field="what" label="Việc sẽ làm" update={update} />
            <div class="field-grid">
              <TextField
                id={`${base}-deadline`}
                label="Thời hạn"
                type="date"
                value={action.deadline}
                onInput={(value) => {
                  // A date input reports "" or a complete date; anything else (a five-digit year being typed) is left alone.
                  if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value))
                    update((current) => updateAction(current, action.id, { deadline: value }));
                }}
              />
              <div class="field">
                <label for={`${base}-status`}>Tình trạng</label>
                <select
                  id={`${base}-status`}
                  value={action.status}
                  onChange={(event) =>
                    update((current) => updateAction(current, action.id, { status: event.currentTarget.value as ActionStatus }))
                  }
                >
                  <ActionStatusOptions />
                </select>
              </div>
            </div>
            <ActionTextField action={action} field="measure" label="Cách đánh giá kết quả" update={update} />
            <ActionTextField
              action={action}
              field="followUpBy"
              id={`${base}-follow`}
              label="Người theo dõi"
              hint="Ví dụ: Bí thư chi bộ, chi ủy"
              multiline={false}
              update={update}
            />
            <button type="button" class="button button--danger remove-action" onClick={() => setRemoving(action)}>
              Xóa biện pháp {index + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id="add-action" class="button button--primary" onClick={add}>
        Thêm biện pháp chung
      </button>
      {removing && (
        <ConfirmDialog
          title="Xóa biện pháp này?"
          message={`Biện pháp “${removing.what || 'chưa ghi nội dung'}” và các lần theo dõi của nó sẽ bị xóa.`}
          confirmLabel="Xóa biện pháp"
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(undefined)}
        />
      )}
    </div>
  );
}
