/** The checklist: every item a named group of choices, notes when a sign is found, and a link to the plan. */
import { useState } from 'preact/hooks';
import { isUnverifiedGist, numberChecklist, unverifiedGistNote, type NumberedItem } from '../../domain/checklist';
import type { ChecklistData } from '../../domain/checklist-schema';
import { addAction, answerFor, assessmentLabels, isSign, progress, setAnswer } from '../../domain/review-model';
import { assessmentLevels, type Answer, type Review } from '../../domain/review-schema';
import { ActionTextField, TextField } from './fields';
import { focusLater } from './focus';
import { makeId } from './ids';
import { routeHash } from './router';

interface Props {
  review: Review;
  checklist: ChecklistData;
  update: (change: (review: Review) => Review) => void;
}

/** The notes a member writes under an item with a sign, in order. */
const noteFields = [
  { field: 'observed', idSuffix: 'observed', label: 'Điều bản thân nhận thấy', rows: 3 },
  { field: 'causesSubjective', idSuffix: 'subjective', label: 'Nguyên nhân chủ quan', rows: 2 },
  { field: 'causesObjective', idSuffix: 'objective', label: 'Nguyên nhân khách quan', rows: 2 },
] as const;

/** Choices shown for each item, "unset" excluded: it is the state before choosing. */
const choices = assessmentLevels.filter((level) => level !== 'unset');

export function ItemsView({ review, checklist, update }: Props) {
  const numbered = numberChecklist(checklist);
  const { done, total } = progress(review, checklist);
  // Decided once when the part opens, so the offer never disappears from above the item being answered.
  const [offerInfo] = useState(() => done === 0 && review.member.name.trim() === '');
  const firstOpen = numbered.groups
    .flatMap((group) => group.items)
    .find((item) => answerFor(review, item.id).assessment === 'unset');

  return (
    <div>
      {offerInfo && (
        <p class="alert offer-info">
          Trước khi tự soi, có thể ghi họ tên, chức vụ, chi bộ để in lên văn bản (không bắt buộc, làm sau cũng được).{' '}
          <a href={routeHash({ view: 'review', id: review.id, tab: 'thong-tin' })}>Ghi thông tin trước</a>
        </p>
      )}
      <div class="items-toolbar panel">
        <p class="progress-line">
          <strong>{`${done}/${total} đã tự soi`}</strong>
          <span class="progress-bar" aria-hidden="true">
            <span style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
          </span>
        </p>
        <div class="button-row" role="group" aria-label="Đi nhanh đến">
          {numbered.groups.map((group) => (
            <button key={group.id} type="button" class="button" onClick={() => focusLater(`group-${group.id}`)}>
              Nhóm {group.id}
            </button>
          ))}
          {firstOpen && (
            <button type="button" class="button" onClick={() => focusLater(`item-${firstOpen.id}-legend`)}>
              Mục chưa tự soi đầu tiên
            </button>
          )}
        </div>
        <p class="hint">
          Với mỗi biểu hiện, chọn mức đúng với mình. Khi có biểu hiện hoặc nguy cơ, ghi điều đã thấy, nguyên nhân và thêm biện
          pháp khắc phục. Dòng mô tả là <strong>tóm tắt của trang</strong>, trừ khi ghi “nguyên văn”; nguyên văn xem tại{' '}
          {checklist.officialSource.name}.
        </p>
      </div>
      {numbered.groups.map((group) => (
        <section key={group.id} class="item-group" aria-labelledby={`group-${group.id}`}>
          <h3 id={`group-${group.id}`} tabIndex={-1}>
            Nhóm {group.id}. {group.title}
          </h3>
          {group.items.map((item) => (
            <ItemCard key={item.id} item={item} total={total} review={review} update={update} />
          ))}
        </section>
      ))}
    </div>
  );
}

interface ItemProps {
  item: NumberedItem;
  total: number;
  review: Review;
  update: (change: (review: Review) => Review) => void;
}

function ItemCard({ item, total, review, update }: ItemProps) {
  const answer = answerFor(review, item.id);
  const set = (patch: Partial<Answer>) => update((current) => setAnswer(current, item.id, patch));
  const linked = review.actions.filter((action) => action.itemId === item.id);
  const base = `item-${item.id}`;

  const addLinkedAction = () => {
    const id = makeId();
    update((current) => addAction(current, { id, itemId: item.id }));
    focusLater(`action-${id}-what-inline`);
  };

  return (
    <fieldset class={`card card--edge item-card item-card--${answer.assessment}`} id={base}>
      <legend id={`${base}-legend`} tabIndex={-1}>
        <span class="item-card__number">
          Biểu hiện {item.numberInGroup} (nhóm {item.groupId}) · thứ {item.overallNumber}/{total}
        </span>
        <span class="item-card__label">{item.label}</span>
      </legend>
      <p class="item-card__gist">
        {item.officialText ?? item.gist}
        <span class="item-card__source">{item.officialText ? ' (nguyên văn)' : ' (tóm tắt)'}</span>
      </p>
      {isUnverifiedGist(item) && <p class="item-card__unverified">{unverifiedGistNote}</p>}
      <div class="choices" role="radiogroup" aria-labelledby={`${base}-legend`}>
        {choices.map((level) => (
          <label key={level} class="choice" for={`${base}-${level}`}>
            <input
              type="radio"
              id={`${base}-${level}`}
              name={`${base}-assessment`}
              value={level}
              checked={answer.assessment === level}
              onChange={() => set({ assessment: level })}
            />
            <span>{assessmentLabels[level]}</span>
          </label>
        ))}
      </div>
      {(isSign(answer.assessment) || answer.observed || answer.causesSubjective || answer.causesObjective) && (
        <div class="item-card__notes">
          {noteFields.map((note) => (
            <TextField
              key={note.field}
              id={`${base}-${note.idSuffix}`}
              label={note.label}
              multiline
              rows={note.rows}
              value={answer[note.field]}
              onInput={(value) => set({ [note.field]: value })}
            />
          ))}
        </div>
      )}
      {linked.map((action, index) => (
        <ActionTextField
          key={action.id}
          action={action}
          field="what"
          id={`action-${action.id}-what-inline`}
          label={`Biện pháp khắc phục ${linked.length > 1 ? index + 1 : ''} cho biểu hiện này`.replace('  ', ' ')}
          update={update}
        />
      ))}
      {isSign(answer.assessment) && (
        <div class="button-row">
          <button type="button" class="button add-linked-action" onClick={addLinkedAction}>
            Thêm biện pháp khắc phục<span class="visually-hidden"> cho biểu hiện {item.overallNumber}</span>
          </button>
          {linked.length > 0 && (
            <a href={routeHash({ view: 'review', id: review.id, tab: 'ke-hoach' })}>
              Đặt thời hạn, người theo dõi trong Kế hoạch
            </a>
          )}
        </div>
      )}
    </fieldset>
  );
}
