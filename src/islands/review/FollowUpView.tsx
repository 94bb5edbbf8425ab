/** Monthly follow-up: what is overdue, and a dated check-in per action. */
import { useState } from 'preact/hooks';
import { MAX_TEXT_LENGTH } from '../../domain/limits';
import { numberChecklist } from '../../domain/checklist';
import type { ChecklistData } from '../../domain/checklist-schema';
import { actionStatusLabels, addCheckIn, lastCheckIn, localDay, overdueActions } from '../../domain/review-model';
import type { ActionStatus, PlanAction, Review } from '../../domain/review-schema';
import { ActionStatusOptions } from './fields';
import { focusLater } from './focus';
import { makeId } from './ids';
import { routeHash } from './router';
import { shortDay } from './time';

interface Props {
  review: Review;
  checklist: ChecklistData;
  update: (change: (review: Review) => Review) => void;
}

export function FollowUpView({ review, checklist, update }: Props) {
  const today = localDay(new Date());
  const overdue = overdueActions(review, today);
  const items = new Map(
    numberChecklist(checklist).groups.flatMap((group) => group.items.map((item) => [item.id, item] as const)),
  );

  if (review.actions.length === 0) {
    return (
      <p class="empty">
        Chưa có biện pháp nào để theo dõi.{' '}
        <a href={routeHash({ view: 'review', id: review.id, tab: 'ke-hoach' })}>Lập kế hoạch khắc phục</a>.
      </p>
    );
  }

  return (
    <div>
      {overdue.length > 0 ? (
        <div class="alert alert--warning">
          <p>
            <strong>{overdue.length} biện pháp quá hạn</strong> chưa xong:
          </p>
          <ul>
            {overdue.map((action) => (
              <li key={action.id}>
                {action.what || 'Biện pháp chưa ghi nội dung'} (hạn {shortDay(action.deadline)})
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="hint">Không có biện pháp nào quá hạn.</p>
      )}
      {review.actions.map((action, index) => (
        <CheckInCard
          key={action.id}
          action={action}
          index={index}
          itemLabel={action.itemId ? items.get(action.itemId)?.label : undefined}
          today={today}
          onRecord={(status, date, note) => {
            update((current) => addCheckIn(current, action.id, { id: makeId(), date, status, note }));
            focusLater(`checkin-${action.id}-heading`);
          }}
        />
      ))}
    </div>
  );
}

interface CardProps {
  action: PlanAction;
  index: number;
  itemLabel: string | undefined;
  today: string;
  onRecord: (status: ActionStatus, date: string, note: string) => void;
}

function CheckInCard({ action, index, itemLabel, today, onRecord }: CardProps) {
  const [date, setDate] = useState(today);
  const [status, setStatus] = useState<ActionStatus>(action.status === 'not-started' ? 'in-progress' : action.status);
  const [note, setNote] = useState('');
  const [recorded, setRecorded] = useState('');
  const last = lastCheckIn(action);
  const base = `checkin-${action.id}`;
  return (
    <section class="card card--edge action-card" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`} tabIndex={-1}>
        Biện pháp {index + 1}: {action.what || 'chưa ghi nội dung'}
      </h3>
      <p class="hint">
        {itemLabel ? `Cho biểu hiện: ${itemLabel}. ` : ''}
        Hạn: {action.deadline ? shortDay(action.deadline) : 'chưa đặt'}. Tình trạng: {actionStatusLabels[action.status]}.
        {last ? ` Lần theo dõi gần nhất: ${shortDay(last.date)}.` : ' Chưa theo dõi lần nào.'}
      </p>
      {action.checkIns.length > 0 && (
        <ol class="checkins" aria-label={`Các lần theo dõi biện pháp ${index + 1}`}>
          {action.checkIns.map((entry) => (
            <li key={entry.id}>
              <strong>{shortDay(entry.date)}</strong> — {actionStatusLabels[entry.status]}
              {entry.note ? `: ${entry.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      <form
        class="checkin-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
          onRecord(status, date, note);
          setNote('');
          setRecorded(`Đã ghi nhận lần theo dõi ngày ${shortDay(date)}: ${actionStatusLabels[status]}.`);
        }}
      >
        <div class="field-grid">
          <div class="field">
            <label for={`${base}-date`}>Ngày theo dõi</label>
            <input
              id={`${base}-date`}
              type="date"
              required
              value={date}
              onInput={(event) => setDate(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`${base}-status`}>Kết quả</label>
            <select
              id={`${base}-status`}
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as ActionStatus)}
            >
              <ActionStatusOptions />
            </select>
          </div>
        </div>
        <div class="field">
          <label for={`${base}-note`}>Ghi chú</label>
          <textarea
            id={`${base}-note`}
            rows={2}
            maxLength={MAX_TEXT_LENGTH}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--primary">
          Ghi nhận lần theo dõi<span class="visually-hidden"> cho biện pháp {index + 1}</span>
        </button>
        <p class="status-line checkin-feedback" role="status">
          {recorded}
        </p>
      </form>
    </section>
  );
}
