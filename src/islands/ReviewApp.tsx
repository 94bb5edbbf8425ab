/**
 * The self-review island (client:only — it lives on IndexedDB, which does not exist at build time).
 * Opens the store once and hands it to the views through the ReviewStore interface. The editor and
 * the data panel load on demand, keeping the page's first-load JavaScript within budget.
 */
import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ChecklistData } from '../domain/checklist-schema';
import { openStore, type OpenedStore } from '../storage/open-store';
import type { LockStatus } from '../storage/review-store';
import type { ReviewEditor as ReviewEditorType } from './review/ReviewEditor';
import { ReviewList } from './review/ReviewList';
import { useRoute } from './review/router';
import { UnlockForm } from './review/UnlockForm';
import '../styles/review.css';

export interface ChecklistOption {
  readonly id: string;
  readonly data: ChecklistData;
}

interface Props {
  /** Every checklist published in content/checklists; the first is the default. */
  checklists: readonly ChecklistOption[];
}

type Editor = FunctionComponent<Parameters<typeof ReviewEditorType>[0]>;

export default function ReviewApp({ checklists }: Props) {
  const [opened, setOpened] = useState<OpenedStore | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [lock, setLock] = useState<LockStatus | undefined>(undefined);
  const [Editor, setEditor] = useState<Editor | undefined>(undefined);
  const [editorError, setEditorError] = useState(false);
  const route = useRoute();

  useEffect(() => {
    let active = true;
    let current: OpenedStore | undefined;
    void openStore({
      onVersionChange: () =>
        setNotice('Trang vừa được cập nhật ở một thẻ khác. Hãy tải lại trang này để tiếp tục; những gì đã lưu không mất.'),
      onBlocked: () => setNotice('Hãy đóng các thẻ khác đang mở trang này để trang cập nhật bộ nhớ, rồi tải lại trang.'),
      onTerminated: () => setNotice('Trình duyệt vừa ngắt kết nối với bộ nhớ. Hãy tải lại trang; những gì đã lưu không mất.'),
    }).then(async (result) => {
      current = result;
      const status = await result.store.lock.status().catch((): LockStatus => 'off');
      if (active) {
        setOpened(result);
        setLock(status);
      }
    });
    return () => {
      active = false;
      current?.store.close();
    };
  }, []);

  const refreshLock = useCallback(() => {
    void opened?.store.lock.status().then(setLock);
  }, [opened]);

  useEffect(() => {
    if (route.view !== 'review' || Editor) return;
    import('./review/ReviewEditor').then(
      (module) => setEditor(() => module.ReviewEditor),
      () => setEditorError(true),
    );
  }, [route.view, Editor]);

  useAutoLock(opened, lock, () => setLock('locked'));

  if (!opened || !lock) {
    return (
      <p role="status" class="review-loading">
        Đang mở bộ nhớ trên thiết bị…
      </p>
    );
  }

  return (
    <div class="review-app">
      {opened.warning && (
        <div class="alert alert--warning" role="alert">
          <p>{opened.warning}</p>
        </div>
      )}
      {notice && (
        <div class="alert alert--warning" role="alert">
          <p>{notice}</p>
        </div>
      )}
      {lock === 'locked' ? (
        <UnlockForm store={opened.store} onUnlocked={() => setLock('unlocked')} />
      ) : route.view === 'list' ? (
        <ReviewList store={opened.store} checklists={checklists} onDataChanged={refreshLock} />
      ) : Editor ? (
        <Editor key={route.id} store={opened.store} checklists={checklists} id={route.id} tab={route.tab} />
      ) : (
        <p role={editorError ? 'alert' : 'status'}>
          {editorError ? 'Không tải được phần soạn thảo. Hãy kiểm tra kết nối rồi tải lại trang.' : 'Đang mở bản tự soi…'}
        </p>
      )}
    </div>
  );
}

/** Locks again after the chosen minutes without a key press, click or touch. */
function useAutoLock(opened: OpenedStore | undefined, lock: LockStatus | undefined, onLocked: () => void): void {
  useEffect(() => {
    if (!opened || lock !== 'unlocked') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let minutes = 0;
    const arm = () => {
      clearTimeout(timer);
      if (minutes > 0) {
        timer = setTimeout(() => {
          opened.store.lock.lockNow();
          onLocked();
        }, minutes * 60_000);
      }
    };
    void opened.store.getSetting('auto-lock-minutes').then((value) => {
      minutes = typeof value === 'number' ? value : 0;
      arm();
    });
    const events = ['keydown', 'pointerdown', 'input'] as const;
    for (const name of events) addEventListener(name, arm, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) removeEventListener(name, arm);
    };
  }, [opened, lock, onLocked]);
}
