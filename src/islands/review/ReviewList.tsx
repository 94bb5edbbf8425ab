/** "My reviews": create, open, start the next period from one, rename, delete with confirmation. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { checklistItemIds } from '../../domain/checklist';
import {
  createReview,
  duplicateForNextPeriod,
  renameReview,
  suggestedPeriods,
  type ReviewSummary,
} from '../../domain/review-model';
import { countAnswered } from '../../domain/review-summary';
import type { ReviewStore } from '../../storage/review-store';
import type { ChecklistOption } from '../ReviewApp';
import type { ConfirmDialog as ConfirmDialogType } from './ConfirmDialog';
import type DataPanelType from './DataPanel';
import { focusLater } from './focus';
import type { SafetyNotices as SafetyNoticesType } from './SafetyNotices';
import { useLazyView } from '../lazy';
import { makeId } from './ids';
import { navigate, routeHash } from './router';
import { describeMoment } from './time';

interface Props {
  store: ReviewStore;
  checklists: readonly ChecklistOption[];
  /** Something in the data panel changed the stored data or the lock. */
  onDataChanged: () => void;
}

type DataPanelComponent = typeof DataPanelType;
type SafetyNoticesProps = Parameters<typeof SafetyNoticesType>[0];
type ConfirmProps = Parameters<typeof ConfirmDialogType>[0];

export function ReviewList({ store, checklists, onDataChanged }: Props) {
  const [summaries, setSummaries] = useState<ReviewSummary[] | undefined>(undefined);
  // Storage warnings and reminders load just after the list, outside the first-load budget.
  const notices = useLazyView<SafetyNoticesProps>(true, () => import('./SafetyNotices').then((m) => m.SafetyNotices));
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [period, setPeriod] = useState('');
  const [checklistId, setChecklistId] = useState(checklists[0]?.id ?? '');
  const [renaming, setRenaming] = useState<string | undefined>(undefined);
  const [duplicating, setDuplicating] = useState<string | undefined>(undefined);
  const [deleting, setDeleting] = useState<ReviewSummary | undefined>(undefined);
  // The delete confirmation loads once there is something to delete, not with the page.
  const confirm = useLazyView<ConfirmProps>(deleting !== undefined || (summaries?.length ?? 0) > 0, () =>
    import('./ConfirmDialog').then((m) => m.ConfirmDialog),
  );
  const [DataPanel, setDataPanel] = useState<DataPanelComponent | undefined>(undefined);
  const [panelOpen, setPanelOpen] = useState(false);
  const [backupStamp, setBackupStamp] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const suggestions = suggestedPeriods(new Date());

  const refresh = useCallback(async () => {
    try {
      setSummaries(await store.list());
    } catch {
      setError('Không đọc được danh sách bản tự soi từ bộ nhớ của trình duyệt.');
      setSummaries([]);
    }
  }, [store]);

  useEffect(() => {
    void refresh();
    return store.onExternalChange(() => void refresh());
  }, [store, refresh]);

  const openPanel = async () => {
    setPanelOpen(true);
    if (!DataPanel) {
      try {
        const module = await import('./DataPanel');
        setDataPanel(() => module.default);
      } catch {
        setError('Không tải được phần sao lưu. Hãy kiểm tra kết nối rồi tải lại trang.');
      }
    }
    focusLater('data-heading');
  };

  const dataChanged = () => {
    setBackupStamp((stamp) => stamp + 1);
    void refresh();
    onDataChanged();
  };

  const itemsOf = (id: string) => {
    const option = checklists.find((entry) => entry.id === id);
    return option ? checklistItemIds(option.data) : [];
  };
  const totalFor = (id: string) => itemsOf(id).length;

  const create = async (event: Event) => {
    event.preventDefault();
    const review = createReview({ id: makeId(), checklistId, period: period || suggestions[0] || 'Kỳ tự soi', now: new Date() });
    try {
      await store.create(review);
      navigate({ view: 'review', id: review.id, tab: 'tu-soi' });
    } catch {
      setError('Không tạo được bản tự soi mới: trình duyệt không cho lưu.');
    }
  };

  const rename = async (id: string, name: string) => {
    try {
      const review = await store.get(id);
      if (review) await store.save(renameReview(review, name));
      setRenaming(undefined);
      setStatus(`Đã đổi tên thành “${name.trim()}”.`);
      await refresh();
      focusLater(`rename-btn-${id}`);
    } catch {
      setError('Không đổi tên được. Hãy thử lại.');
    }
  };

  const duplicate = async (id: string, name: string) => {
    try {
      const source = await store.get(id);
      if (!source) return;
      const next = duplicateForNextPeriod(source, { id: makeId(), period: name, now: new Date() });
      await store.create(next);
      setDuplicating(undefined);
      navigate({ view: 'review', id: next.id, tab: 'tu-soi' });
    } catch {
      setError('Không tạo được bản cho kỳ sau. Hãy thử lại.');
    }
  };

  const remove = async (summary: ReviewSummary) => {
    setDeleting(undefined);
    try {
      await store.delete(summary.id);
      setStatus(`Đã xóa bản tự soi “${summary.period}”.`);
      await refresh();
      headingRef.current?.focus();
    } catch {
      setError('Không xóa được. Hãy thử lại.');
    }
  };

  return (
    <section aria-labelledby="my-reviews">
      <h2 id="my-reviews" ref={headingRef} tabIndex={-1}>
        Các bản tự soi của tôi
      </h2>
      <p class="status-line" role="status">
        {status}
      </p>
      {error && (
        <div class="alert alert--error" role="alert">
          <p>{error}</p>
        </div>
      )}

      {summaries && notices.View && (
        <notices.View store={store} summaries={summaries} backupStamp={backupStamp} onOpenBackup={() => void openPanel()} />
      )}

      <form class="panel create-form" onSubmit={(event) => void create(event)}>
        <h3>Bắt đầu bản tự soi mới</h3>
        <div class="field">
          <label for="new-period">Kỳ tự soi</label>
          <input
            id="new-period"
            list="period-suggestions"
            value={period}
            placeholder={suggestions[0]}
            aria-describedby="new-period-hint"
            maxLength={200}
            onInput={(event) => setPeriod(event.currentTarget.value)}
          />
          <p id="new-period-hint" class="hint">
            Ví dụ: “{suggestions[0]}”, “{suggestions[1]}”. Có thể gõ tùy ý.
          </p>
          <datalist id="period-suggestions">
            {suggestions.map((entry) => (
              <option key={entry} value={entry} />
            ))}
          </datalist>
        </div>
        {checklists.length > 1 && (
          <div class="field">
            <label for="new-checklist">Đối chiếu với</label>
            <select id="new-checklist" value={checklistId} onChange={(event) => setChecklistId(event.currentTarget.value)}>
              {checklists.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.data.shortTitle}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" class="button button--primary">
          Tạo bản tự soi mới
        </button>
      </form>

      {summaries === undefined ? (
        <p role="status">Đang tải danh sách…</p>
      ) : summaries.length === 0 ? (
        <p class="empty">Chưa có bản tự soi nào trên thiết bị này.</p>
      ) : (
        <ul class="review-cards" aria-label="Danh sách bản tự soi">
          {summaries.map((summary) => {
            const checklist = checklists.find((entry) => entry.id === summary.checklistId);
            return (
              <li key={summary.id} class="card review-card">
                <h3 id={`card-${summary.id}`}>{summary.period}</h3>
                <p class="review-card__meta">
                  {checklist?.data.shortTitle ?? summary.checklistId}
                  <br />
                  Đã tự soi {countAnswered(summary, itemsOf(summary.checklistId))}/{totalFor(summary.checklistId)} ·{' '}
                  {summary.actions} biện pháp khắc phục
                  <br />
                  Sửa lần cuối: {describeMoment(summary.updatedAt)}
                </p>
                <div class="button-row">
                  <a class="button button--primary" href={routeHash({ view: 'review', id: summary.id, tab: 'tu-soi' })}>
                    Mở<span class="visually-hidden"> bản “{summary.period}”</span>
                  </a>
                  <button
                    type="button"
                    class="button"
                    id={`duplicate-btn-${summary.id}`}
                    aria-expanded={duplicating === summary.id}
                    onClick={() => {
                      setRenaming(undefined);
                      setDuplicating(duplicating === summary.id ? undefined : summary.id);
                    }}
                  >
                    Tạo kỳ sau từ bản này<span class="visually-hidden"> (“{summary.period}”)</span>
                  </button>
                  <button
                    type="button"
                    class="button"
                    id={`rename-btn-${summary.id}`}
                    aria-expanded={renaming === summary.id}
                    onClick={() => {
                      setDuplicating(undefined);
                      setRenaming(renaming === summary.id ? undefined : summary.id);
                    }}
                  >
                    Đổi tên<span class="visually-hidden"> bản “{summary.period}”</span>
                  </button>
                  <button type="button" class="button button--danger" onClick={() => setDeleting(summary)}>
                    Xóa<span class="visually-hidden"> bản “{summary.period}”</span>
                  </button>
                </div>
                {renaming === summary.id && (
                  <NameForm
                    id={`rename-${summary.id}`}
                    label="Tên mới của kỳ"
                    initial={summary.period}
                    submitLabel="Lưu tên mới"
                    onSubmit={(name) => void rename(summary.id, name)}
                    onCancel={() => {
                      setRenaming(undefined);
                      focusLater(`rename-btn-${summary.id}`);
                    }}
                  />
                )}
                {duplicating === summary.id && (
                  <NameForm
                    id={`duplicate-${summary.id}`}
                    label="Tên kỳ mới"
                    initial={suggestions.find((entry) => entry !== summary.period) ?? ''}
                    hint="Bản mới giữ thông tin cá nhân, phần tự soi, ưu điểm và các biện pháp chưa xong; phần theo dõi bắt đầu lại."
                    submitLabel="Tạo bản cho kỳ mới"
                    onSubmit={(name) => void duplicate(summary.id, name)}
                    onCancel={() => {
                      setDuplicating(undefined);
                      focusLater(`duplicate-btn-${summary.id}`);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <section class="data-section" aria-labelledby="data-heading">
        <h2 id="data-heading" tabIndex={-1}>
          Sao lưu, chuyển máy và bảo vệ dữ liệu
        </h2>
        {!panelOpen ? (
          <button type="button" class="button" aria-expanded="false" onClick={() => void openPanel()}>
            Mở phần sao lưu, khôi phục, khóa và xóa dữ liệu
          </button>
        ) : DataPanel ? (
          <DataPanel store={store} onChanged={dataChanged} />
        ) : (
          <p role="status">Đang tải…</p>
        )}
      </section>
      {deleting && confirm.View && (
        <confirm.View
          title="Xóa bản tự soi?"
          message={`Bản “${deleting.period}” sẽ bị xóa hẳn khỏi thiết bị này và không khôi phục được (trừ khi bạn đã lưu bản sao ra tệp).`}
          confirmLabel="Xóa hẳn"
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(undefined)}
        />
      )}
    </section>
  );
}

interface NameFormProps {
  id: string;
  label: string;
  initial: string;
  hint?: string;
  submitLabel: string;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

function NameForm({ id, label, initial, hint, submitLabel, onSubmit, onCancel }: NameFormProps) {
  const [value, setValue] = useState(initial);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) onSubmit(value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          ref={inputRef}
          value={value}
          required
          maxLength={200}
          list="period-suggestions"
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        {hint && (
          <p id={`${id}-hint`} class="hint">
            {hint}
          </p>
        )}
      </div>
      <div class="button-row">
        <button type="submit" class="button button--primary">
          {submitLabel}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
