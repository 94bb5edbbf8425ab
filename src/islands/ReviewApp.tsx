/**
 * The self-review island (client:only — it lives on IndexedDB, which does not exist at build time).
 * Opens the store once and hands it to the views through the ReviewStore interface.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistData } from '../domain/checklist-schema';
import { openStore, type OpenedStore } from '../storage/open-store';
import { ReviewEditor } from './review/ReviewEditor';
import { ReviewList } from './review/ReviewList';
import { useRoute } from './review/router';
import '../styles/review.css';

export interface ChecklistOption {
  readonly id: string;
  readonly data: ChecklistData;
}

interface Props {
  /** Every checklist published in content/checklists; the first is the default. */
  checklists: readonly ChecklistOption[];
}

export default function ReviewApp({ checklists }: Props) {
  const [opened, setOpened] = useState<OpenedStore | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const route = useRoute();

  useEffect(() => {
    let active = true;
    let current: OpenedStore | undefined;
    void openStore({
      onVersionChange: () =>
        setNotice('Trang vừa được cập nhật ở một thẻ khác. Hãy tải lại trang này để tiếp tục; những gì đã lưu không mất.'),
      onBlocked: () => setNotice('Hãy đóng các thẻ khác đang mở trang này để trang cập nhật bộ nhớ, rồi tải lại trang.'),
      onTerminated: () => setNotice('Trình duyệt vừa ngắt kết nối với bộ nhớ. Hãy tải lại trang; những gì đã lưu không mất.'),
    }).then((result) => {
      current = result;
      if (active) setOpened(result);
    });
    return () => {
      active = false;
      current?.store.close();
    };
  }, []);

  if (!opened) {
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
      {route.view === 'list' ? (
        <ReviewList store={opened.store} checklists={checklists} />
      ) : (
        <ReviewEditor key={route.id} store={opened.store} checklists={checklists} id={route.id} tab={route.tab} />
      )}
    </div>
  );
}
