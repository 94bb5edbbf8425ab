/**
 * Edits on screen that storage has not accepted yet (a pending or failed save), by review id, so
 * that a backup made while storage is full holds what the member sees. Memory only, this tab only.
 */
import type { Review } from '../../domain/review-schema';
import type { SaveState } from '../../domain/session/document-session';

const unsaved = new Map<string, Review>();

/** Records the review as shown on screen, until a save of it succeeds. */
export function rememberUnsaved(review: Review): void {
  unsaved.set(review.id, review);
}

/** Called once storage holds the review as shown. */
export function forgetUnsaved(id: string): void {
  unsaved.delete(id);
}

/** The reviews whose latest on-screen state is not stored. */
export function unsavedReviews(): Review[] {
  return [...unsaved.values()];
}

/** Keeps the record in step with the session: what is on screen is unsaved until a save or sync holds it. */
export function trackUnsaved(review: Review | undefined, state: SaveState): void {
  if (!review) return;
  if (state.kind === 'saved' || state.kind === 'synced' || state.kind === 'idle') forgetUnsaved(review.id);
  else rememberUnsaved(review);
}
