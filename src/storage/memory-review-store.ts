/**
 * Keeps self-reviews in memory only, for this page's lifetime: used when IndexedDB is unavailable
 * (the member is told nothing will be kept) and by UI tests.
 */
import { summarise, type ReviewSummary } from '../domain/review-model';
import { restoreReview } from '../domain/review-migrations';
import { parseReview, type Review } from '../domain/review-schema';
import { normalizeJson } from '../domain/text';
import { ReviewConflictError, type ReviewChange, type ReviewStore } from './review-store';

export class MemoryReviewStore implements ReviewStore {
  readonly kind = 'memory' as const;
  private readonly records = new Map<string, string>();

  async list(): Promise<ReviewSummary[]> {
    const reviews = await Promise.all([...this.records.keys()].map((id) => this.get(id)));
    return reviews
      .filter((review): review is Review => review !== undefined)
      .map(summarise)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): Promise<Review | undefined> {
    const json = this.records.get(id);
    return Promise.resolve(json === undefined ? undefined : restoreReview(JSON.parse(json)));
  }

  create(review: Review): Promise<Review> {
    const record = parseReview(normalizeJson({ ...review, revision: 0 }));
    this.records.set(record.id, JSON.stringify(record));
    return Promise.resolve(record);
  }

  async save(review: Review): Promise<Review> {
    const stored = await this.get(review.id);
    if (stored === undefined || stored.revision !== review.revision) throw new ReviewConflictError(review.id);
    const record = parseReview(normalizeJson({ ...review, revision: review.revision + 1 }));
    this.records.set(record.id, JSON.stringify(record));
    return record;
  }

  delete(id: string): Promise<void> {
    this.records.delete(id);
    return Promise.resolve();
  }

  onExternalChange(_listener: (change: ReviewChange) => void): () => void {
    return () => undefined;
  }

  close(): void {
    this.records.clear();
  }
}
