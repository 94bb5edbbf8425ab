/**
 * Keeps self-reviews in memory only, for this page's lifetime: used when IndexedDB is unavailable
 * (the member is told nothing will be kept) and by UI tests.
 */
import type { RoundWithEntries } from '../domain/backup-branch';
import type { Entry, Round } from '../domain/branch/branch-schema';
import { summarise, type ReviewSummary } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { normalizeJson } from '../domain/text';
import { reviewCodec } from './codec';
import { prepareBranchRestore } from './branch-restore';
import type { BranchData } from './branch-store';
import { clearLocalSettings } from './erase';
import {
  checkSettingKey,
  ReviewConflictError,
  type ReviewChange,
  type ReviewLock,
  type ReviewStore,
  type SettingKey,
} from './review-store';

/** What several "tabs" over one memory store share (tests open two to play two tabs). */
interface Shared {
  readonly records: Map<string, string>;
  readonly settings: Map<SettingKey, unknown>;
  readonly stores: Set<MemoryReviewStore>;
  /** Branch rounds and entries restored from a backup (this page has no branch workspace of its own). */
  readonly branch: { rounds: Map<string, Round>; entries: Map<string, Entry> };
}

export class MemoryReviewStore implements ReviewStore {
  readonly kind = 'memory' as const;
  private readonly records: Map<string, string>;
  private readonly settings: Map<SettingKey, unknown>;
  private readonly listeners = new Set<(change: ReviewChange) => void>();

  constructor(
    private readonly shared: Shared = {
      records: new Map(),
      settings: new Map(),
      stores: new Set(),
      branch: { rounds: new Map(), entries: new Map() },
    },
  ) {
    this.records = shared.records;
    this.settings = shared.settings;
    shared.stores.add(this);
  }

  /** A second store over the same records, as another tab would see them: each hears the other's changes. */
  peer(): MemoryReviewStore {
    return new MemoryReviewStore(this.shared);
  }
  /** Nothing is written to the device, so there is nothing to encrypt. */
  readonly lock: ReviewLock = {
    status: () => Promise.resolve('off'),
    enable: () => Promise.reject(new Error('Không thể khóa khi trình duyệt không cho lưu dữ liệu.')),
    unlock: () => Promise.resolve(),
    lockNow: () => undefined,
    disable: () => Promise.resolve(),
    onChange: () => () => undefined,
  };

  async getAll(): Promise<Review[]> {
    const reviews = await Promise.all([...this.records.keys()].map((id) => this.get(id)));
    return reviews.filter((review): review is Review => review !== undefined);
  }

  async getBranchData(): Promise<BranchData> {
    await Promise.resolve();
    const { rounds, entries } = this.branch();
    return { rounds: [...rounds.values()], entries: [...entries.values()] };
  }

  async putMany(reviews: readonly Review[], restoredRounds: readonly RoundWithEntries[] = []): Promise<void> {
    const { rounds, entries } = this.branch();
    const revisions = new Map([...rounds.values()].map((round) => [round.id, round.revision]));
    // Validated before anything changes: all or nothing.
    const prepared = prepareBranchRestore(restoredRounds, revisions);
    for (const review of reviews) {
      const current = await this.get(review.id);
      const revision = current === undefined ? review.revision : Math.max(current.revision, review.revision) + 1;
      const record = (await reviewCodec()).parseReview(normalizeJson({ ...review, revision }));
      this.records.set(record.id, JSON.stringify(record));
      this.announce({ id: record.id, revision: record.revision });
    }
    for (const { round, entries: restored } of prepared) {
      rounds.set(round.id, round);
      for (const entry of [...entries.values()]) if (entry.roundId === round.id) entries.delete(entry.id);
      for (const entry of restored) entries.set(entry.id, entry);
    }
  }

  private branch(): Shared['branch'] {
    return this.shared.branch;
  }

  async getSetting(key: SettingKey): Promise<unknown> {
    await Promise.resolve();
    return this.settings.get(checkSettingKey(key));
  }

  async setSetting(key: SettingKey, value: unknown): Promise<void> {
    await Promise.resolve();
    this.settings.set(checkSettingKey(key), value);
  }

  erase(): Promise<void> {
    this.records.clear();
    this.settings.clear();
    this.shared.branch.rounds.clear();
    this.shared.branch.entries.clear();
    clearLocalSettings();
    this.close();
    return Promise.resolve();
  }

  async list(): Promise<ReviewSummary[]> {
    const reviews = await Promise.all([...this.records.keys()].map((id) => this.get(id)));
    return reviews
      .filter((review): review is Review => review !== undefined)
      .map(summarise)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async get(id: string): Promise<Review | undefined> {
    const json = this.records.get(id);
    return json === undefined ? undefined : (await reviewCodec()).restoreReview(JSON.parse(json));
  }

  async create(review: Review): Promise<Review> {
    const record = (await reviewCodec()).parseReview(normalizeJson({ ...review, revision: 0 }));
    this.records.set(record.id, JSON.stringify(record));
    this.announce({ id: record.id, revision: 0 });
    return record;
  }

  async save(review: Review): Promise<Review> {
    const stored = await this.get(review.id);
    if (stored === undefined || stored.revision !== review.revision) throw new ReviewConflictError(review.id);
    const record = (await reviewCodec()).parseReview(normalizeJson({ ...review, revision: review.revision + 1 }));
    this.records.set(record.id, JSON.stringify(record));
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  /** Memory goes away with the page: nothing to keep. */
  saveOnExit(): void {}

  restoredOnExit(): boolean {
    return false;
  }

  delete(id: string): Promise<void> {
    this.records.delete(id);
    this.announce({ id, revision: null });
    return Promise.resolve();
  }

  onExternalChange(listener: (change: ReviewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.shared.stores.delete(this);
    if (this.shared.stores.size === 0) this.records.clear();
  }

  /** Tells the other stores over the same records, as a BroadcastChannel tells other tabs. */
  private announce(change: ReviewChange): void {
    for (const store of this.shared.stores) {
      if (store !== this) for (const listener of store.listeners) listener(change);
    }
  }
}
