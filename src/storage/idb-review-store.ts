/**
 * Persists self-reviews, their list summaries and device settings in IndexedDB; encrypts review
 * content when the passphrase lock is on (the key lives in the page's LockKeeper, the crypto loads
 * on demand from review-sealing.ts); tells other tabs about review changes.
 */
import type { IDBPDatabase } from 'idb';
import type { RoundWithEntries } from '../domain/backup-branch';
import type { ReviewSummary } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { normalizeJson } from '../domain/text';
import { loadedCodec, reviewCodec } from './codec';
import type { BranchData } from './branch-store';
import {
  BRANCH_ROUNDS_STORE,
  BY_UPDATED_INDEX,
  openReviewDatabase,
  REVIEWS_STORE,
  SETTINGS_STORE,
  SUMMARIES_STORE,
  type OpenOptions,
  type ReviewDatabase,
} from './database';
import { eraseDatabase } from './erase';
import { ExitCopies } from './exit-copies';
import { CHANGE_CHANNEL, LockKeeper } from './lock-keeper';
import type { RewriteContext } from './rewrite-all';
import { LockChangedError, recordWrites, storesOf, writeChecked, type WriteTransaction } from './write-transaction';
import {
  checkSettingKey,
  ReviewLockedError,
  type ReviewChange,
  type ReviewLock,
  type ReviewStore,
  type SettingKey,
} from './review-store';
import { encodePlain, isLockedRecord, parseSummary, unreadableSummary } from './stored-forms';

/** The crypto loads only when the lock is on (review-sealing.ts). */
const sealing = () => import('./review-sealing');

/** Validates and NFC-normalises a review before it is written; synchronous once the codec has loaded. */
function prepare(review: Review): Review | Promise<Review> {
  const codec = loadedCodec();
  if (codec) return codec.parseReview(normalizeJson(review));
  return reviewCodec().then((loaded) => loaded.parseReview(normalizeJson(review)));
}

export class IdbReviewStore implements ReviewStore {
  readonly kind = 'indexeddb' as const;
  readonly lock: ReviewLock;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: ReviewChange) => void>();
  /** Reviews whose last `get` returned an exit copy's edits. */
  private readonly restored = new Set<string>();

  constructor(
    private readonly db: IDBPDatabase<ReviewDatabase>,
    private readonly exitCopies?: ExitCopies,
    /** The page's lock state, shared with its branch store if it has one. */
    readonly keeper: LockKeeper = new LockKeeper(db),
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGE_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      // Lock notices on this channel are the keeper's.
      const data = event.data as Partial<ReviewChange> | null;
      if (data && typeof data.id === 'string' && (typeof data.revision === 'number' || data.revision === null)) {
        const change: ReviewChange = { id: data.id, revision: data.revision };
        for (const listener of this.listeners) listener(change);
      }
    });
    // Turning the lock on or off is rare: its code loads only then.
    const rewrite = () => import('./rewrite-all');
    this.lock = {
      status: () => keeper.status(),
      enable: async (passphrase) => {
        const { key, settings } = await (await sealing()).newLock(passphrase);
        await (await rewrite()).rewriteAll(this.rewriteContext(), key, settings);
      },
      unlock: (passphrase) => keeper.unlock(passphrase),
      lockNow: (everywhere) => keeper.lockNow(everywhere),
      disable: async () => (await rewrite()).rewriteAll(this.rewriteContext(), undefined, undefined),
      onChange: (listener) => keeper.onChange(listener),
    };
  }

  static async open(options: OpenOptions = {}): Promise<IdbReviewStore> {
    // The codec is loaded up front so that a save can start its transaction synchronously.
    const [db, exitCopies] = await Promise.all([
      openReviewDatabase(options),
      ExitCopies.open(),
      reviewCodec().catch(() => undefined),
    ]);
    return new IdbReviewStore(db, exitCopies);
  }

  /** Every summary; one that cannot be read is listed by its id instead of hiding the others. */
  async list(): Promise<ReviewSummary[]> {
    const stored = await this.db.getAllFromIndex(SUMMARIES_STORE, BY_UPDATED_INDEX);
    const summaries: ReviewSummary[] = [];
    for (const entry of stored.reverse()) {
      try {
        const value = isLockedRecord(entry) ? await (await sealing()).unseal(this.requireKey(), entry.sealed) : entry;
        summaries.push(parseSummary(value) ?? unreadableSummary(entry));
      } catch (error) {
        if (error instanceof ReviewLockedError) throw error;
        summaries.push(unreadableSummary(entry));
      }
    }
    return summaries;
  }

  /** The stored review, or its exit copy when that holds newer edits. */
  async get(id: string): Promise<Review | undefined> {
    const raw = await this.db.get(REVIEWS_STORE, id);
    if (raw === undefined) return undefined;
    const stored = await this.open(raw);
    this.restored.delete(id);
    const edited = await this.exitCopies?.newer(id, stored.revision);
    if (edited === undefined) return stored;
    try {
      const review = (await reviewCodec()).restoreReview(edited);
      if (review.id !== id) return stored;
      this.restored.add(id);
      return { ...review, revision: stored.revision };
    } catch {
      return stored;
    }
  }

  async getAll(): Promise<Review[]> {
    const raws = await this.db.getAll(REVIEWS_STORE);
    const reviews: Review[] = [];
    for (const raw of raws) reviews.push(await this.open(raw));
    return reviews;
  }

  async create(review: Review): Promise<Review> {
    const record = await prepare({ ...review, revision: 0 });
    await this.persist([record], { add: true });
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  /**
   * With the codec loaded and the lock off, nothing is awaited before the transaction opens and
   * every request is issued at once: a save started on `pagehide` is under way before the page goes.
   */
  async save(review: Review): Promise<Review> {
    const prepared = prepare({ ...review, revision: review.revision + 1 });
    const record = prepared instanceof Promise ? await prepared : prepared;
    await this.persist([record], { expect: review.revision });
    this.announce({ id: record.id, revision: record.revision });
    await this.exitCopies?.saved(record.id, record.revision).catch(() => undefined);
    return record;
  }

  restoredOnExit(id: string): boolean {
    return this.restored.has(id);
  }

  saveOnExit(review: Review): void {
    if (!this.keeper.plainAllowed()) return;
    this.exitCopies?.keepNow(review);
  }

  async putMany(reviews: readonly Review[], rounds: readonly RoundWithEntries[] = []): Promise<void> {
    // Restoring is rare: its branch code (and the branch schemas) stay out of the page's first load.
    const { announceBranchRestore, branchWrites, encodeBranchRestore, prepareBranchRestore, storedRevisions } =
      await import('./branch-restore');
    const revisions = await storedRevisions(this.db, REVIEWS_STORE);
    const records: Review[] = [];
    for (const review of reviews) {
      // A restored review keeps its revision, unless it replaces one here: then it moves past it,
      // so another tab holding the old one cannot overwrite the restore.
      const current = revisions.get(review.id);
      records.push(
        await prepare({ ...review, revision: current === undefined ? review.revision : Math.max(current, review.revision) + 1 }),
      );
    }
    const roundRevisions = rounds.length > 0 ? await storedRevisions(this.db, BRANCH_ROUNDS_STORE) : new Map<string, number>();
    const branch = prepareBranchRestore(rounds, roundRevisions);
    await this.persist(records, {}, async (key) => {
      const encoded = await encodeBranchRestore(branch, key);
      return (tx) => branchWrites(tx, encoded);
    });
    for (const record of records) this.announce({ id: record.id, revision: record.revision });
    announceBranchRestore(branch);
  }

  async getBranchData(): Promise<BranchData> {
    const { readBranchData } = await import('./branch-restore');
    return readBranchData(this.db, this.keeper.key()?.key);
  }

  async delete(id: string): Promise<void> {
    await writeChecked(this.db, null, (tx) => ({
      checks: [],
      writes: [tx.objectStore(REVIEWS_STORE).delete(id), tx.objectStore(SUMMARIES_STORE).delete(id)],
    }));
    this.announce({ id, revision: null });
    await this.exitCopies?.forget(id).catch(() => undefined);
  }

  async getSetting(key: SettingKey): Promise<unknown> {
    return this.db.get(SETTINGS_STORE, checkSettingKey(key));
  }

  async setSetting(key: SettingKey, value: unknown): Promise<void> {
    const checked = checkSettingKey(key);
    await writeChecked(this.db, null, (tx) => ({ checks: [], writes: [tx.objectStore(SETTINGS_STORE).put(value, checked)] }));
  }

  async erase(onBlocked?: () => void): Promise<void> {
    this.close();
    await eraseDatabase(onBlocked);
  }

  onExternalChange(listener: (change: ReviewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.keeper.close();
    this.channel?.close();
    this.db.close();
    this.exitCopies?.close();
  }

  private rewriteContext(): RewriteContext {
    return {
      db: this.db,
      keeper: this.keeper,
      exitCopies: this.exitCopies,
      readAll: () => this.getAll(),
      encode: async (review, key) => (key ? (await sealing()).encodeSealed(review, key) : encodePlain(review)),
      write: writeChecked,
      stores: storesOf,
      announce: (reviews) => {
        for (const review of reviews) this.announce({ id: review.id, revision: review.revision });
      },
    };
  }

  /**
   * Writes records encoded for the lock state this tab knows. If another tab turned the lock off
   * meanwhile, they are written plain instead; if it turned it on (or changed the passphrase), the
   * write is refused with ReviewLockedError. A record is never stored sealed without its key settings.
   */
  private async persist(
    records: readonly Review[],
    options: { add?: boolean; expect?: number } = {},
    /** More writes in the same transaction (a restore's branch data), encoded for the same key. */
    alsoEncode?: (key: CryptoKey | undefined) => Promise<(tx: WriteTransaction) => Promise<unknown>[]>,
  ): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      // Key and salt are taken together: the key may be forgotten while the records are encrypted.
      const current = this.keeper.key();
      const [key, salt] = [current?.key, current?.salt];
      const encoded = key
        ? await sealing().then(({ encodeSealed }) => Promise.all(records.map((record) => encodeSealed(record, key))))
        : records.map(encodePlain);
      const alsoWrite = alsoEncode ? await alsoEncode(key) : () => [];
      try {
        await writeChecked(this.db, salt, (tx) => {
          const plan = recordWrites(tx, records, encoded, options);
          return { checks: plan.checks, writes: [...plan.writes, ...alsoWrite(tx)] };
        });
        return;
      } catch (error) {
        if (!(error instanceof LockChangedError)) throw error;
        this.keeper.refused(error.nowLocked);
        if (error.nowLocked || attempt > 0) throw new ReviewLockedError();
      }
    }
  }

  private requireKey(): CryptoKey {
    const current = this.keeper.key();
    if (!current) throw new ReviewLockedError();
    return current.key;
  }

  /** Reads a stored record: decrypts it when locked, then migrates and validates it. */
  private async open(raw: unknown): Promise<Review> {
    const { restoreReview } = await reviewCodec();
    if (!isLockedRecord(raw)) return restoreReview(raw);
    const opened = await (await sealing()).unseal(this.requireKey(), raw.sealed);
    const review = restoreReview(opened);
    return 'revision' in raw ? { ...review, revision: raw.revision } : review;
  }

  private announce(change: ReviewChange): void {
    this.channel?.postMessage(change);
  }
}
