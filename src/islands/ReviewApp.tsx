/**
 * The self-review island (client:only — it lives on IndexedDB, which does not exist at build time).
 * Opens the store once and hands it to the views through the ReviewStore interface. The editor and
 * the data panel load on demand, keeping the page's first-load JavaScript within budget.
 */
import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ChecklistData } from '../domain/checklist-schema';
import { openStore, type OpenedStore } from '../storage/open-store';
import type { LockStatus } from '../storage/review-store';
import type { ReviewEditor as ReviewEditorType } from './review/ReviewEditor';
import { ReviewList } from './review/ReviewList';
import { useRoute } from './review/router';
import type { UnlockForm as UnlockFormType } from './review/UnlockForm';
import { useLazyView } from './lazy';
import { useAutoLock, type AutoLockSource } from './use-auto-lock';
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
type UnlockProps = Parameters<typeof UnlockFormType>[0];

export default function ReviewApp({ checklists }: Props) {
  const [opened, setOpened] = useState<OpenedStore | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [lock, setLock] = useState<LockStatus | undefined>(undefined);
  const [Editor, setEditor] = useState<Editor | undefined>(undefined);
  const [editorError, setEditorError] = useState(false);
  const [erased, setErased] = useState(false);
  /** Bumped when the data panel changed settings, so the auto-lock re-reads its minutes. */
  const [settingsVersion, setSettingsVersion] = useState(0);
  /** The review whose editor was open when the data was locked: it stays mounted (hidden) so unsaved text survives. */
  const [heldEditor, setHeldEditor] = useState<string | undefined>(undefined);
  const route = useRoute();

  useEffect(() => {
    let active = true;
    let current: OpenedStore | undefined;
    void openStore({
      onErased: () => setErased(true),
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
    void opened?.store.lock
      .status()
      .then(setLock)
      .catch(() => undefined);
  }, [opened]);

  const onDataChanged = useCallback(() => {
    refreshLock();
    setSettingsVersion((version) => version + 1);
  }, [refreshLock]);

  // The lock turned on or off in another tab (or here): ask for the passphrase when it is needed.
  useEffect(() => opened?.store.lock.onChange(refreshLock), [opened, refreshLock]);

  const editing = route.view === 'review' ? route.id : undefined;
  useEffect(() => {
    if (lock === 'unlocked' || lock === 'off') setHeldEditor(editing);
  }, [lock, editing]);

  useEffect(() => {
    if (route.view !== 'review' || Editor) return;
    import('./review/ReviewEditor').then(
      (module) => setEditor(() => module.ReviewEditor),
      () => setEditorError(true),
    );
  }, [route.view, Editor]);

  const autoLock = useMemo<AutoLockSource | undefined>(
    () =>
      opened && {
        lockNow: () => opened.store.lock.lockNow(),
        autoLockMinutes: async () => {
          const value = await opened.store.getSetting('auto-lock-minutes');
          return typeof value === 'number' ? value : 0;
        },
      },
    [opened],
  );
  useAutoLock(autoLock, lock === 'unlocked', settingsVersion);
  // The passphrase form is only needed while locked: it loads then, not with the page.
  const unlock = useLazyView<UnlockProps>(lock === 'locked', () => import('./review/UnlockForm').then((m) => m.UnlockForm));

  if (!opened || !lock) {
    return (
      <p role="status" class="review-loading">
        Đang mở bộ nhớ trên thiết bị…
      </p>
    );
  }

  if (erased) {
    return (
      <div class="alert alert--warning" role="alert">
        <p>Mọi dữ liệu của trang trên thiết bị này vừa bị xóa ở một thẻ khác. Những gì đang hiện ở thẻ này không còn được lưu.</p>
        <p>
          <button type="button" class="button" onClick={() => location.reload()}>
            Tải lại trang
          </button>
        </p>
      </div>
    );
  }

  const locked = lock === 'locked';
  // While locked, only an editor that was already open stays (hidden): its unsaved text is kept
  // and saved once the passphrase is entered again.
  const showEditor = route.view === 'review' && (!locked || heldEditor === route.id);

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
      {locked &&
        (unlock.View ? (
          <unlock.View lock={opened.store.lock} onUnlocked={() => setLock('unlocked')} />
        ) : (
          <p role={unlock.failed ? 'alert' : 'status'}>
            {unlock.failed ? 'Không tải được ô nhập mật khẩu. Hãy kiểm tra kết nối rồi tải lại trang.' : 'Dữ liệu đang khóa…'}
          </p>
        ))}
      {route.view === 'list' ? (
        !locked && <ReviewList store={opened.store} checklists={checklists} onDataChanged={onDataChanged} />
      ) : !showEditor ? null : Editor ? (
        <div hidden={locked}>
          <Editor key={route.id} store={opened.store} checklists={checklists} id={route.id} tab={route.tab} />
        </div>
      ) : (
        <p role={editorError ? 'alert' : 'status'}>
          {editorError ? 'Không tải được phần soạn thảo. Hãy kiểm tra kết nối rồi tải lại trang.' : 'Đang mở bản tự soi…'}
        </p>
      )}
    </div>
  );
}
