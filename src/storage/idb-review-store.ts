/** Persists self-reviews and their list summaries in IndexedDB; tells other tabs about changes. */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { summarise, type ReviewSummary } from '../domain/review-model';
import { restoreReview } from '../domain/review-migrations';
import { parseReview, type Review } from '../domain/review-schema';
import { normalizeJson } from '../domain/text';
import {
  BY_UPDATED_INDEX,
  openReviewDatabase,
  REVIEWS_STORE,
  SUMMARIES_STORE,
  type OpenOptions,
  type ReviewDatabase,
} from './database';
import {
  describeStorageFailure,
  ReviewConflictError,
  StorageWriteError,
  type ReviewChange,
  type ReviewStore,
} from './review-store';

/** BroadcastChannel name for cross-tab change notices. Never rename (tabs of two versions must agree). */
export const CHANGE_CHANNEL = 'tu-soi-tu-sua:changes';

/** Validates and NFC-normalises a review before it is written. */
function prepare(review: Review): Review {
  return parseReview(normalizeJson(review));
}

export class IdbReviewStore implements ReviewStore {
  readonly kind = 'indexeddb' as const;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: ReviewChange) => void>();

  constructor(private readonly db: IDBPDatabase<ReviewDatabase>) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGE_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as Partial<ReviewChange> | null;
      if (data && typeof data.id === 'string' && (typeof data.revision === 'number' || data.revision === null)) {
        const change: ReviewChange = { id: data.id, revision: data.revision };
        for (const listener of this.listeners) listener(change);
      }
    });
  }

  static async open(options: OpenOptions = {}): Promise<IdbReviewStore> {
    return new IdbReviewStore(await openReviewDatabase(options));
  }

  async list(): Promise<ReviewSummary[]> {
    const summaries = await this.db.getAllFromIndex(SUMMARIES_STORE, BY_UPDATED_INDEX);
    return summaries.reverse();
  }

  async get(id: string): Promise<Review | undefined> {
    const raw = await this.db.get(REVIEWS_STORE, id);
    return raw === undefined ? undefined : restoreReview(raw);
  }

  async create(review: Review): Promise<Review> {
    const record = prepare({ ...review, revision: 0 });
    await this.write(async (tx) => {
      await tx.objectStore(REVIEWS_STORE).add(record);
      await tx.objectStore(SUMMARIES_STORE).put(summarise(record));
    });
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  async save(review: Review): Promise<Review> {
    const record = prepare({ ...review, revision: review.revision + 1 });
    await this.write(async (tx) => {
      const reviews = tx.objectStore(REVIEWS_STORE);
      const stored = (await reviews.get(record.id)) as { revision?: unknown } | undefined;
      const storedRevision = stored && typeof stored.revision === 'number' ? stored.revision : 0;
      if (stored === undefined || storedRevision !== review.revision) {
        tx.abort();
        throw new ReviewConflictError(record.id);
      }
      await reviews.put(record);
      await tx.objectStore(SUMMARIES_STORE).put(summarise(record));
    });
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  async delete(id: string): Promise<void> {
    await this.write(async (tx) => {
      await tx.objectStore(REVIEWS_STORE).delete(id);
      await tx.objectStore(SUMMARIES_STORE).delete(id);
    });
    this.announce({ id, revision: null });
  }

  onExternalChange(listener: (change: ReviewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  /**
   * One read-write transaction over both stores. Only IndexedDB requests are awaited inside
   * (anything else would auto-commit it); resolves once the transaction has committed.
   */
  private async write(
    body: (tx: IDBPTransaction<ReviewDatabase, ['reviews', 'summaries'], 'readwrite'>) => Promise<void>,
  ): Promise<void> {
    const tx = this.db.transaction([REVIEWS_STORE, SUMMARIES_STORE], 'readwrite');
    try {
      await Promise.all([body(tx), tx.done]);
    } catch (error) {
      if (error instanceof ReviewConflictError) throw error;
      throw new StorageWriteError(describeStorageFailure(error), error);
    }
  }

  private announce(change: ReviewChange): void {
    this.channel?.postMessage(change);
  }
}
