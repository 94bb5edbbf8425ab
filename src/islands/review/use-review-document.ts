/**
 * Connects one review's autosave session (src/domain/session) to Preact: the session does the
 * loading, debounced saving, conflicts and locking; this hook only subscribes and flushes when the
 * page is hidden or closed.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SaveState } from '../../domain/session/document-session';
import { createReviewSession } from '../../domain/session/review-session';
import type { Review } from '../../domain/review-schema';
import type { ReviewStore } from '../../storage/review-store';
import { flushOnHide } from '../flush-on-hide';
import { trackUnsaved } from './unsaved';

export type { SaveState } from '../../domain/session/document-session';

export interface ReviewDocument {
  review: Review | undefined;
  loadError: string | undefined;
  saveState: SaveState;
  update: (change: (review: Review) => Review) => void;
  flush: () => Promise<void>;
  resolveConflict: (keep: 'mine' | 'theirs') => Promise<void>;
}

export function useReviewDocument(store: ReviewStore, id: string): ReviewDocument {
  const session = useMemo(() => createReviewSession(store, id), [store, id]);
  const [snapshot, setSnapshot] = useState(session.getSnapshot());

  useEffect(() => {
    setSnapshot(session.getSnapshot());
    const unsubscribe = session.subscribe((next) => {
      trackUnsaved(next.document, next.saveState);
      setSnapshot(next);
    });
    const unlocked = store.lock.onChange(() => session.retry());
    void session.start();
    const stopFlushing = flushOnHide(() => session.flushNow());
    return () => {
      stopFlushing();
      unlocked();
      unsubscribe();
      session.dispose();
    };
  }, [session, store]);

  const actions = useMemo(
    () => ({
      update: (change: (review: Review) => Review) => session.update(change),
      flush: () => session.flush(),
      resolveConflict: (keep: 'mine' | 'theirs') => session.resolveConflict(keep),
    }),
    [session],
  );
  return { review: snapshot.document, loadError: snapshot.loadError, saveState: snapshot.saveState, ...actions };
}
