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
import { reviewTabs, routeHash, type ReviewTab } from './router';
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
    // Opening a review or moving between parts puts the part's heading at the top of the screen and
    // focuses it, so every member lands on the new content instead of somewhere in a long page.
    const heading = headingRef.current;
    if (!loaded || !heading) return;
    // The parts' navigation goes to the top with the heading right under it (within the top quarter).
    (heading.closest('.review-editor')?.querySelector('.tabs') ?? heading).scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
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

  const step = reviewTabs.indexOf(tab);
  const next = reviewTabs[step + 1];
  const nextHref = next ? routeHash({ view: 'review', id, tab: next }) : undefined;

  return (
    <div class="review-editor">
      <p class="back-link">
        <a href="#/">← Các bản tự soi của tôi</a>
      </p>
      <p class="review-editor__period">
        Kỳ: <strong>{review.period}</strong> · <span class="progress-text">{`${done}/${total} đã tự soi`}</span>
      </p>
      <nav class="tabs" aria-label="Các phần của bản tự soi">
        <ol>
          {reviewTabs.map((key, index) => (
            <li key={key}>
              <a href={routeHash({ view: 'review', id, tab: key })} aria-current={key === tab ? 'page' : undefined}>
                <span class="tabs__step" aria-hidden="true">
                  {index + 1}
                </span>
                <span class="tabs__label">
                  {tabLabels[key]}
                  {key === 'tu-soi' && <span class="tabs__count"> ({`${done}/${total}`})</span>}
                  {key === 'theo-doi' && overdue > 0 && <span class="tabs__count tabs__count--warn"> ({overdue} quá hạn)</span>}
                </span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <section class="review-view" aria-labelledby="view-heading">
        <p class="review-view__step">{`Bước ${step + 1}/${reviewTabs.length}`}</p>
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
        {next && nextHref && (
          <p class="part-next-row">
            <a class="button button--primary part-next" href={nextHref}>
              Tiếp theo: {tabLabels[next]} →
            </a>
          </p>
        )}
      </section>
      <div class="sticky-bar">
        <p class="sticky-bar__progress">
          <span aria-hidden="true">{`${done}/${total}`}</span>
          <span class="visually-hidden">{`${done} trên ${total} biểu hiện đã tự soi`}</span>
        </p>
        {saveState.kind === 'idle' && store.kind === 'indexeddb' ? (
          // The bar has no room for the long idle sentence; any real state comes from SaveStatus.
          <p class="save-status" role="status" aria-live="polite">
            Tự động lưu
          </p>
        ) : (
          <SaveStatus state={saveState} onResolve={(keep) => void document.resolveConflict(keep)} kind={store.kind} />
        )}
        {next && nextHref && (
          <a class="button sticky-bar__next" href={nextHref}>
            Tiếp<span class="visually-hidden">: {tabLabels[next]}</span> →
          </a>
        )}
      </div>
    </div>
  );
}
