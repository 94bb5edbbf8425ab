/**
 * Loads one review and saves every change without a save button: changes are written 300 ms after
 * the last keystroke, and at once when the page is hidden or closed, so at most the last half
 * second of typing is at risk. Another tab's save is never overwritten silently.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { touch } from '../../domain/review-model';
import { ReviewFormatError } from '../../domain/review-migrations';
import type { Review } from '../../domain/review-schema';
import { forgetUnsaved, rememberUnsaved } from './unsaved';
import { ReviewConflictError, StorageWriteError, type ReviewStore } from '../../storage/review-store';

/** Debounce before a change is written. */
const SAVE_DELAY_MS = 300;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'synced'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' }
  | { kind: 'deleted-elsewhere' };

export interface ReviewDocument {
  review: Review | undefined;
  loadError: string | undefined;
  saveState: SaveState;
  update: (change: (review: Review) => Review) => void;
  flush: () => Promise<void>;
  resolveConflict: (keep: 'mine' | 'theirs') => Promise<void>;
}

export function useReviewDocument(store: ReviewStore, id: string): ReviewDocument {
  const [review, setReview] = useState<Review | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const draft = useRef<Review | undefined>(undefined);
  const dirty = useRef(false);
  const saving = useRef<Promise<void> | undefined>(undefined);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(async (): Promise<void> => {
    if (saving.current) {
      await saving.current;
    }
    const current = draft.current;
    if (!dirty.current || !current || blocked.current) return;
    dirty.current = false;
    setSaveState({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const stored = await store.save(touch(current, new Date()));
        if (draft.current) {
          draft.current = { ...draft.current, revision: stored.revision, updatedAt: stored.updatedAt };
          setReview(draft.current);
        }
        if (!dirty.current) forgetUnsaved(id);
        setSaveState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: new Date(stored.updatedAt) });
      } catch (error) {
        dirty.current = true;
        if (error instanceof ReviewConflictError) {
          blocked.current = true;
          setSaveState({ kind: 'conflict' });
        } else {
          setSaveState({
            kind: 'error',
            message:
              error instanceof StorageWriteError || (error instanceof Error && error.name === 'ReviewFieldError')
                ? error.message
                : 'Chưa lưu được thay đổi. Trang sẽ thử lại khi bạn sửa tiếp.',
          });
        }
      }
    })();
    saving.current = attempt;
    await attempt;
    saving.current = undefined;
    if (dirty.current && !blocked.current) schedule();
    // `schedule` is declared below and depends on `save`: the cycle is intended (the session model replaces this).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, id]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    await save();
  }, [save]);

  const update = useCallback(
    (change: (review: Review) => Review) => {
      if (!draft.current) return;
      draft.current = change(draft.current);
      rememberUnsaved(draft.current);
      dirty.current = true;
      setReview(draft.current);
      if (!blocked.current) setSaveState({ kind: 'pending' });
      schedule();
    },
    [schedule],
  );

  const reload = useCallback(async () => {
    try {
      const loaded = await store.get(id);
      if (!loaded) {
        setLoadError('Không tìm thấy bản tự soi này trên thiết bị. Có thể nó đã bị xóa.');
        return;
      }
      draft.current = loaded;
      dirty.current = false;
      setReview(loaded);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(
        error instanceof ReviewFormatError ? error.message : 'Không đọc được bản tự soi này từ bộ nhớ của trình duyệt.',
      );
    }
  }, [store, id]);

  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      const stored = await store.get(id).catch(() => undefined);
      blocked.current = false;
      if (keep === 'theirs' || !stored || !draft.current) {
        await reload();
        setSaveState({ kind: 'synced', at: new Date() });
        return;
      }
      draft.current = { ...draft.current, revision: stored.revision };
      dirty.current = true;
      await save();
    },
    [store, id, reload, save],
  );

  useEffect(() => {
    draft.current = undefined;
    dirty.current = false;
    blocked.current = false;
    setReview(undefined);
    setSaveState({ kind: 'idle' });
    void reload();
    const unsubscribe = store.onExternalChange((change) => {
      if (change.id !== id) return;
      if (change.revision === null) {
        blocked.current = true;
        setSaveState({ kind: 'deleted-elsewhere' });
        return;
      }
      if (draft.current && change.revision <= draft.current.revision) return;
      if (dirty.current || saving.current) {
        blocked.current = true;
        setSaveState({ kind: 'conflict' });
        return;
      }
      void reload().then(() => setSaveState({ kind: 'synced', at: new Date() }));
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [store, id, reload, flush]);

  return { review, loadError, saveState, update, flush, resolveConflict };
}
