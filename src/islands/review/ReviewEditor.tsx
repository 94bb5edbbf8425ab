/** One open review: tabs for identity, the checklist, strengths, plan, follow-up and printing. */
import { useEffect, useRef } from 'preact/hooks';
import { overdueActions, progress, localDay } from '../../domain/review-model';
import type { ReviewStore } from '../../storage/review-store';
import type { ChecklistOption } from '../ReviewApp';
import { ExportView } from './ExportView';
import { FollowUpView } from './FollowUpView';
import { InfoView } from './InfoView';
import { ItemsView } from './ItemsView';
import { PlanView } from './PlanView';
import { routeHash, type ReviewTab } from './router';
import { SaveStatus } from './SaveStatus';
import { ShareView } from './ShareView';
import { StrengthsView } from './StrengthsView';
import { useReviewDocument } from './use-review-document';
import { YearEndView } from './YearEndView';

interface Props {
  store: ReviewStore;
  checklists: readonly ChecklistOption[];
  id: string;
  tab: ReviewTab;
}

const tabLabels: Record<ReviewTab, string> = {
  'thong-tin': 'Thông tin',
  'tu-soi': 'Tự soi',
  'uu-diem': 'Ưu điểm, cam kết',
  'ke-hoach': 'Kế hoạch khắc phục',
  'theo-doi': 'Theo dõi hằng tháng',
  'tong-ket': 'Tổng kết',
  in: 'In, lưu PDF',
  'gui-chi-bo': 'Gửi kết quả cho chi bộ',
};

export function ReviewEditor({ store, checklists, id, tab }: Props) {
  const document = useReviewDocument(store, id);
  const { review, loadError, saveState, update } = document;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = review !== undefined;

  useEffect(() => {
    // Opening a review or moving between tabs puts focus on the view's heading, so keyboard and
    // screen-reader users land on the new content instead of the top of the page.
    if (loaded) headingRef.current?.focus();
  }, [tab, loaded]);

  if (loadError) {
    return (
      <div class="alert alert--error" role="alert">
        <p>{loadError}</p>
        <p>
          <a href="#/">Về danh sách bản tự soi</a>
        </p>
      </div>
    );
  }
  if (!review) return <p role="status">Đang mở bản tự soi…</p>;

  const checklist = checklists.find((option) => option.id === review.checklistId)?.data;
  if (!checklist) {
    return (
      <div class="alert alert--error" role="alert">
        <p>Bản tự soi này dùng danh mục “{review.checklistId}” mà trang hiện không còn. Dữ liệu vẫn được giữ nguyên.</p>
        <p>
          <a href="#/">Về danh sách bản tự soi</a>
        </p>
      </div>
    );
  }

  const { done, total } = progress(review, checklist);
  const overdue = overdueActions(review, localDay(new Date())).length;

  return (
    <div class="review-editor">
      <div class="review-editor__top">
        <p class="back-link">
          <a href="#/">← Các bản tự soi của tôi</a>
        </p>
        <SaveStatus state={saveState} onResolve={(keep) => void document.resolveConflict(keep)} kind={store.kind} />
      </div>
      <p class="review-editor__period">
        Kỳ: <strong>{review.period}</strong> · <span class="progress-text">{`${done}/${total} đã tự soi`}</span>
      </p>
      <nav class="tabs" aria-label="Các phần của bản tự soi">
        <ul>
          {(Object.keys(tabLabels) as ReviewTab[]).map((key) => (
            <li key={key}>
              <a href={routeHash({ view: 'review', id, tab: key })} aria-current={key === tab ? 'page' : undefined}>
                {tabLabels[key]}
                {key === 'tu-soi' && <span class="tabs__count"> ({`${done}/${total}`})</span>}
                {key === 'theo-doi' && overdue > 0 && <span class="tabs__count tabs__count--warn"> ({overdue} quá hạn)</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section class="review-view" aria-labelledby="view-heading">
        <h2 id="view-heading" ref={headingRef} tabIndex={-1}>
          {tabLabels[tab]}
        </h2>
        {tab === 'thong-tin' && <InfoView review={review} update={update} />}
        {tab === 'tu-soi' && <ItemsView review={review} checklist={checklist} update={update} />}
        {tab === 'uu-diem' && <StrengthsView review={review} update={update} />}
        {tab === 'ke-hoach' && <PlanView review={review} checklist={checklist} update={update} />}
        {tab === 'theo-doi' && <FollowUpView review={review} checklist={checklist} update={update} />}
        {tab === 'tong-ket' && <YearEndView review={review} checklist={checklist} />}
        {tab === 'in' && <ExportView review={review} checklist={checklist} flush={document.flush} />}
        {tab === 'gui-chi-bo' && <ShareView review={review} checklist={checklist} flush={document.flush} />}
      </section>
    </div>
  );
}
