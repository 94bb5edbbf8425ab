/**
 * Persists self-reviews, their list summaries and device settings in IndexedDB; encrypts review
 * content when the passphrase lock is on; tells other tabs about changes (reviews and the lock).
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { ReviewSummary } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { deriveKey, newKeyParameters, seal, unseal, WrongPassphraseError } from '../domain/sealed';
import { normalizeJson } from '../domain/text';
import { loadedCodec, reviewCodec } from './codec';
import {
  BY_UPDATED_INDEX,
  openReviewDatabase,
  REVIEWS_STORE,
  SETTINGS_STORE,
  SUMMARIES_STORE,
  type OpenOptions,
  type ReviewDatabase,
} from './database';
import { eraseDatabase } from './erase';
import {
  checkSettingKey,
  describeStorageFailure,
  ReviewConflictError,
  ReviewLockedError,
  StorageWriteError,
  type LockStatus,
  type ReviewChange,
  type ReviewLock,
  type ReviewStore,
  type SettingKey,
} from './review-store';
import {
  encodePlain,
  encodeSealed,
  isLockedRecord,
  isLockSettings,
  LOCK_SETTING,
  parseSummary,
  unreadableSummary,
  type Encoded,
  type LockSettings,
} from './stored-forms';

/** BroadcastChannel name for cross-tab change notices. Never rename (tabs of two versions must agree). */
export const CHANGE_CHANNEL = 'tu-soi-tu-sua:changes';

/** Known plaintext sealed with the key, to tell a wrong passphrase from a right one. */
const LOCK_CHECK = 'tu-soi-tu-sua';

type WriteTransaction = IDBPTransaction<ReviewDatabase, ['reviews', 'summaries', 'settings'], 'readwrite'>;

/** Requests issued at once inside a write: checks that may refuse it, and the writes themselves. */
interface WritePlan {
  readonly checks: readonly Promise<unknown>[];
  readonly writes: readonly Promise<unknown>[];
}

/** The lock settings stored are not the ones this tab's records were encoded for. */
class LockChangedError extends Error {
  constructor(readonly nowLocked: boolean) {
    super('The lock was changed in another tab.');
  }
}

/** Another tab saved a review while every review was being re-encrypted: read them again. */
class ReviewsChangedError extends Error {}

/** Validates and NFC-normalises a review before it is written; synchronous once the codec has loaded. */
function prepare(review: Review): Review | Promise<Review> {
  const codec = loadedCodec();
  if (codec) return codec.parseReview(normalizeJson(review));
  return reviewCodec().then((loaded) => loaded.parseReview(normalizeJson(review)));
}

export class IdbReviewStore implements ReviewStore {
  readonly kind = 'indexeddb' as const;
  readonly lock: ReviewLock;
  private key: CryptoKey | undefined;
  /** Salt of the stored lock settings the key was derived with: every write checks they are still stored. */
  private keySalt: string | undefined;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: ReviewChange) => void>();
  private readonly lockListeners = new Set<() => void>();

  constructor(private readonly db: IDBPDatabase<ReviewDatabase>) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGE_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as (Partial<ReviewChange> & { lock?: unknown }) | null;
      if (data?.lock === true) {
        // Another tab turned the lock on or off: drop a key that no longer fits, then tell the views.
        void this.lockStatus().then(() => this.lockChanged(false));
        return;
      }
      if (data && typeof data.id === 'string' && (typeof data.revision === 'number' || data.revision === null)) {
        const change: ReviewChange = { id: data.id, revision: data.revision };
        for (const listener of this.listeners) listener(change);
      }
    });
    this.lock = {
      status: () => this.lockStatus(),
      enable: (passphrase) => this.enableLock(passphrase),
      unlock: (passphrase) => this.unlock(passphrase),
      lockNow: () => {
        this.forgetKey();
        this.lockChanged(false);
      },
      disable: () => this.disableLock(),
      onChange: (listener) => {
        this.lockListeners.add(listener);
        return () => this.lockListeners.delete(listener);
      },
    };
  }

  static async open(options: OpenOptions = {}): Promise<IdbReviewStore> {
    await reviewCodec().catch(() => undefined);
    return new IdbReviewStore(await openReviewDatabase(options));
  }

  /** Every summary; one that cannot be read is listed by its id instead of hiding the others. */
  async list(): Promise<ReviewSummary[]> {
    const stored = await this.db.getAllFromIndex(SUMMARIES_STORE, BY_UPDATED_INDEX);
    const summaries: ReviewSummary[] = [];
    for (const entry of stored.reverse()) {
      try {
        const value = isLockedRecord(entry) ? await unseal(this.requireKey(), entry.sealed) : entry;
        summaries.push(parseSummary(value) ?? unreadableSummary(entry));
      } catch (error) {
        if (error instanceof ReviewLockedError) throw error;
        summaries.push(unreadableSummary(entry));
      }
    }
    return summaries;
  }

  async get(id: string): Promise<Review | undefined> {
    const raw = await this.db.get(REVIEWS_STORE, id);
    return raw === undefined ? undefined : this.open(raw);
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
    return record;
  }

  async putMany(reviews: readonly Review[]): Promise<void> {
    const revisions = new Map<string, number>();
    for (const raw of await this.db.getAll(REVIEWS_STORE)) {
      const entry = raw as { id?: unknown; revision?: unknown };
      if (typeof entry.id === 'string') revisions.set(entry.id, typeof entry.revision === 'number' ? entry.revision : 0);
    }
    const records: Review[] = [];
    for (const review of reviews) {
      // A restored review keeps its revision, unless it replaces one here: then it moves past it,
      // so another tab holding the old one cannot overwrite the restore.
      const current = revisions.get(review.id);
      records.push(
        await prepare({ ...review, revision: current === undefined ? review.revision : Math.max(current, review.revision) + 1 }),
      );
    }
    await this.persist(records);
    for (const record of records) this.announce({ id: record.id, revision: record.revision });
  }

  async delete(id: string): Promise<void> {
    await this.write(null, (tx) => ({
      checks: [],
      writes: [tx.objectStore(REVIEWS_STORE).delete(id), tx.objectStore(SUMMARIES_STORE).delete(id)],
    }));
    this.announce({ id, revision: null });
  }

  async getSetting(key: SettingKey): Promise<unknown> {
    return this.db.get(SETTINGS_STORE, checkSettingKey(key));
  }

  async setSetting(key: SettingKey, value: unknown): Promise<void> {
    const checked = checkSettingKey(key);
    await this.write(null, (tx) => ({ checks: [], writes: [tx.objectStore(SETTINGS_STORE).put(value, checked)] }));
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
    this.forgetKey();
    this.channel?.close();
    this.db.close();
  }

  private async lockSettings(): Promise<LockSettings | undefined> {
    const value = await this.db.get(SETTINGS_STORE, LOCK_SETTING);
    return isLockSettings(value) ? value : undefined;
  }

  /** Also drops a key derived for lock settings that are no longer stored (changed in another tab). */
  private async lockStatus(): Promise<LockStatus> {
    const settings = await this.lockSettings();
    if (this.key && this.keySalt !== settings?.parameters.salt) this.forgetKey();
    if (!settings) return 'off';
    return this.key ? 'unlocked' : 'locked';
  }

  private async unlock(passphrase: string): Promise<void> {
    const settings = await this.lockSettings();
    if (!settings) return;
    const key = await deriveKey(passphrase, settings.parameters);
    if ((await unseal(key, settings.check)) !== LOCK_CHECK) throw new WrongPassphraseError();
    this.key = key;
    this.keySalt = settings.parameters.salt;
    this.lockChanged(false);
  }

  private async enableLock(passphrase: string): Promise<void> {
    const parameters = newKeyParameters();
    const key = await deriveKey(passphrase, parameters);
    const settings: LockSettings = { parameters, check: await seal(key, LOCK_CHECK) };
    await this.rewriteAll(key, settings);
    this.key = key;
    this.keySalt = parameters.salt;
    this.lockChanged(true);
  }

  private async disableLock(): Promise<void> {
    await this.rewriteAll(undefined, undefined);
    this.forgetKey();
    this.lockChanged(true);
  }

  /**
   * Rewrites every review (and summary) sealed with `key`, or in plain form, in one transaction.
   * Refused if another tab changed the lock meanwhile; read again if another tab saved a review
   * meanwhile, so a save made while the key was being derived is never replaced by an older copy.
   */
  private async rewriteAll(key: CryptoKey | undefined, settings: LockSettings | undefined): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const reviews = await this.getAll();
      const expectedSalt = this.key ? this.keySalt : undefined;
      const encoded: Encoded[] = [];
      for (const review of reviews) encoded.push(key ? await encodeSealed(review, key) : encodePlain(review));
      const snapshot = reviews
        .map((review) => `${review.id}@${review.revision}`)
        .sort()
        .join(' ');
      try {
        await this.write(expectedSalt, (tx) => {
          const [reviewStore, summaryStore, settingStore] = [
            tx.objectStore(REVIEWS_STORE),
            tx.objectStore(SUMMARIES_STORE),
            tx.objectStore(SETTINGS_STORE),
          ];
          const unchanged = reviewStore.getAll().then((raws) => {
            const now = raws.map((raw) => {
              const entry = raw as { id?: unknown; revision?: unknown };
              return `${String(entry.id)}@${String(entry.revision)}`;
            });
            if (now.sort().join(' ') !== snapshot) throw new ReviewsChangedError();
          });
          const writes: Promise<unknown>[] = [reviewStore.clear(), summaryStore.clear()];
          for (const [stored, summary] of encoded) writes.push(reviewStore.put(stored), summaryStore.put(summary));
          writes.push(settings ? settingStore.put(settings, LOCK_SETTING) : settingStore.delete(LOCK_SETTING));
          return { checks: [unchanged], writes };
        });
        for (const review of reviews) this.announce({ id: review.id, revision: review.revision });
        return;
      } catch (error) {
        if (!(error instanceof ReviewsChangedError) || attempt >= 4) throw error;
      }
    }
  }

  /**
   * Writes records encoded for the lock state this tab knows. If another tab turned the lock off
   * meanwhile, they are written plain instead; if it turned it on (or changed the passphrase), the
   * write is refused with ReviewLockedError. A record is never stored sealed without its key settings.
   */
  private async persist(records: readonly Review[], options: { add?: boolean; expect?: number } = {}): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      // Key and salt are taken together: the key may be forgotten while the records are encrypted.
      const [key, salt] = [this.key, this.key ? this.keySalt : undefined];
      const encoded = key ? await Promise.all(records.map((record) => encodeSealed(record, key))) : records.map(encodePlain);
      try {
        await this.write(salt, (tx) => this.plan(tx, records, encoded, options));
        return;
      } catch (error) {
        if (!(error instanceof LockChangedError)) throw error;
        this.forgetKey();
        this.lockChanged(false);
        if (error.nowLocked || attempt > 0) throw new ReviewLockedError();
      }
    }
  }

  private plan(
    tx: WriteTransaction,
    records: readonly Review[],
    encoded: readonly Encoded[],
    options: { add?: boolean; expect?: number },
  ): WritePlan {
    const reviews = tx.objectStore(REVIEWS_STORE);
    const summaries = tx.objectStore(SUMMARIES_STORE);
    const checks: Promise<unknown>[] = [];
    const first = records[0];
    if (options.expect !== undefined && first) {
      const expected = options.expect;
      checks.push(
        reviews.get(first.id).then((current) => {
          const revision = (current as { revision?: unknown } | undefined)?.revision;
          if (current === undefined || (typeof revision === 'number' ? revision : 0) !== expected) {
            throw new ReviewConflictError(first.id);
          }
        }),
      );
    }
    const writes = encoded.flatMap(([stored, summary]) => [
      options.add ? reviews.add(stored) : reviews.put(stored),
      summaries.put(summary),
    ]);
    return { checks, writes };
  }

  private forgetKey(): void {
    this.key = undefined;
    this.keySalt = undefined;
  }

  private requireKey(): CryptoKey {
    if (!this.key) throw new ReviewLockedError();
    return this.key;
  }

  /** Reads a stored record: decrypts it when locked, then migrates and validates it. */
  private async open(raw: unknown): Promise<Review> {
    const { restoreReview } = await reviewCodec();
    if (!isLockedRecord(raw)) return restoreReview(raw);
    const opened = await unseal(this.requireKey(), raw.sealed);
    const review = restoreReview(opened);
    return 'revision' in raw ? { ...review, revision: raw.revision } : review;
  }

  /**
   * One read-write transaction over all stores. Every request is issued at once (the lock check
   * first, then `plan`'s checks and writes); a failed check aborts the transaction before it can
   * commit, so nothing is written. `expectedSalt` is the salt of the lock settings the records were
   * encoded for: undefined for plain records, null when nothing sealed is written (no check).
   * Resolves once committed.
   */
  private async write(expectedSalt: string | undefined | null, plan: (tx: WriteTransaction) => WritePlan): Promise<void> {
    const tx = this.db.transaction([REVIEWS_STORE, SUMMARIES_STORE, SETTINGS_STORE], 'readwrite');
    const lock = expectedSalt === null ? undefined : tx.objectStore(SETTINGS_STORE).get(LOCK_SETTING);
    const { checks, writes } = plan(tx);
    // Rejected when the transaction aborts; the reason is reported once, below.
    for (const pending of [...checks, ...writes, tx.done]) pending.catch(() => undefined);
    try {
      if (lock) {
        const settings = await lock;
        const storedSalt = isLockSettings(settings) ? settings.parameters.salt : undefined;
        if (storedSalt !== expectedSalt) throw new LockChangedError(storedSalt !== undefined);
      }
      await Promise.all(checks);
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request, or committed.
      }
      if (error instanceof ReviewConflictError || error instanceof LockChangedError || error instanceof ReviewsChangedError)
        throw error;
      throw new StorageWriteError(describeStorageFailure(error), error);
    }
  }

  private announce(change: ReviewChange): void {
    this.channel?.postMessage(change);
  }

  /** Tells this tab's listeners, and other tabs when `broadcast`, that the lock state changed. */
  private lockChanged(broadcast: boolean): void {
    if (broadcast) this.channel?.postMessage({ lock: true });
    for (const listener of this.lockListeners) listener();
  }
}
