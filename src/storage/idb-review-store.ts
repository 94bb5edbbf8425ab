/**
 * Persists self-reviews, their list summaries and device settings in IndexedDB; encrypts review
 * content when the passphrase lock is on; tells other tabs about changes.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { summarise, type ReviewSummary } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import {
  deriveKey,
  isKeyParameters,
  isSealed,
  newKeyParameters,
  seal,
  unseal,
  WrongPassphraseError,
  type KeyParameters,
  type Sealed,
} from '../domain/sealed';
import { normalizeJson } from '../domain/text';
import { reviewCodec } from './codec';
import {
  BY_UPDATED_INDEX,
  openReviewDatabase,
  REVIEWS_STORE,
  SETTINGS_STORE,
  SUMMARIES_STORE,
  type OpenOptions,
  type ReviewDatabase,
} from './database';
import {
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

/** BroadcastChannel name for cross-tab change notices. Never rename (tabs of two versions must agree). */
export const CHANGE_CHANNEL = 'tu-soi-tu-sua:changes';

/** Known plaintext sealed with the key, to tell a wrong passphrase from a right one. */
const LOCK_CHECK = 'tu-soi-tu-sua';

/** How an encrypted review is stored: only the id and revision stay readable. */
interface LockedRecord {
  readonly id: string;
  readonly revision: number;
  readonly sealed: Sealed;
}

/** How an encrypted summary is stored: only the id and the time of the last change stay readable. */
interface LockedSummary {
  readonly id: string;
  readonly updatedAt: string;
  readonly sealed: Sealed;
}

/** Stored lock settings: how to derive the key, and the sealed check value. */
interface LockSettings {
  readonly parameters: KeyParameters;
  readonly check: Sealed;
}

function isLockedRecord(value: unknown): value is LockedRecord | LockedSummary {
  return typeof value === 'object' && value !== null && isSealed((value as Record<string, unknown>)['sealed']);
}

function isLockSettings(value: unknown): value is LockSettings {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return isKeyParameters(record['parameters']) && isSealed(record['check']);
}

/** Validates and NFC-normalises a review before it is written. */
async function prepare(review: Review): Promise<Review> {
  return (await reviewCodec()).parseReview(normalizeJson(review));
}

/** The stored forms of a review and of its summary. */
type Encoded = [Review | LockedRecord, ReviewSummary | LockedSummary];

type WriteTransaction = IDBPTransaction<ReviewDatabase, ['reviews', 'summaries', 'settings'], 'readwrite'>;

export class IdbReviewStore implements ReviewStore {
  readonly kind = 'indexeddb' as const;
  readonly lock: ReviewLock;
  private key: CryptoKey | undefined;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: ReviewChange) => void>();
  private readonly lockListeners = new Set<() => void>();

  constructor(private readonly db: IDBPDatabase<ReviewDatabase>) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGE_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as (Partial<ReviewChange> & { lock?: unknown }) | null;
      if (data?.lock === true) {
        this.lockChanged(false);
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
        this.key = undefined;
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
    return new IdbReviewStore(await openReviewDatabase(options));
  }

  async list(): Promise<ReviewSummary[]> {
    const stored = await this.db.getAllFromIndex(SUMMARIES_STORE, BY_UPDATED_INDEX);
    const summaries: ReviewSummary[] = [];
    for (const entry of stored.reverse()) {
      summaries.push(
        isLockedRecord(entry) ? ((await unseal(this.requireKey(), entry.sealed)) as ReviewSummary) : (entry as ReviewSummary),
      );
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
    const [stored, summary] = await this.encode(record);
    await this.write(async (tx) => {
      await tx.objectStore(REVIEWS_STORE).add(stored);
      await tx.objectStore(SUMMARIES_STORE).put(summary);
    });
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  async save(review: Review): Promise<Review> {
    const record = await prepare({ ...review, revision: review.revision + 1 });
    // Encryption is awaited before the transaction opens: awaiting it inside would auto-commit it.
    const [stored, summary] = await this.encode(record);
    await this.write(async (tx) => {
      const reviews = tx.objectStore(REVIEWS_STORE);
      const current = (await reviews.get(record.id)) as { revision?: unknown } | undefined;
      const currentRevision = current && typeof current.revision === 'number' ? current.revision : 0;
      if (current === undefined || currentRevision !== review.revision) {
        tx.abort();
        throw new ReviewConflictError(record.id);
      }
      await reviews.put(stored);
      await tx.objectStore(SUMMARIES_STORE).put(summary);
    });
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  async putMany(reviews: readonly Review[]): Promise<void> {
    const revisions = new Map<string, number>();
    for (const raw of await this.db.getAll(REVIEWS_STORE)) {
      const entry = raw as { id?: unknown; revision?: unknown };
      if (typeof entry.id === 'string') revisions.set(entry.id, typeof entry.revision === 'number' ? entry.revision : 0);
    }
    const encoded: [...Encoded, Review][] = [];
    for (const review of reviews) {
      // A restored review keeps its revision, unless it replaces one here: then it moves past it,
      // so another tab holding the old one cannot overwrite the restore.
      const current = revisions.get(review.id);
      const record = await prepare({
        ...review,
        revision: current === undefined ? review.revision : Math.max(current, review.revision) + 1,
      });
      encoded.push([...(await this.encode(record)), record]);
    }
    await this.write(async (tx) => {
      for (const [stored, summary] of encoded) {
        await tx.objectStore(REVIEWS_STORE).put(stored);
        await tx.objectStore(SUMMARIES_STORE).put(summary);
      }
    });
    for (const [, , record] of encoded) this.announce({ id: record.id, revision: record.revision });
  }

  async delete(id: string): Promise<void> {
    await this.write(async (tx) => {
      await tx.objectStore(REVIEWS_STORE).delete(id);
      await tx.objectStore(SUMMARIES_STORE).delete(id);
    });
    this.announce({ id, revision: null });
  }

  async getSetting(key: SettingKey): Promise<unknown> {
    return this.db.get(SETTINGS_STORE, key);
  }

  async setSetting(key: SettingKey, value: unknown): Promise<void> {
    await this.write(async (tx) => {
      await tx.objectStore(SETTINGS_STORE).put(value, key);
    });
  }

  onExternalChange(listener: (change: ReviewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.key = undefined;
    this.channel?.close();
    this.db.close();
  }

  private async lockSettings(): Promise<LockSettings | undefined> {
    const value = await this.db.get(SETTINGS_STORE, 'lock');
    return isLockSettings(value) ? value : undefined;
  }

  private async lockStatus(): Promise<LockStatus> {
    if (!(await this.lockSettings())) return 'off';
    return this.key ? 'unlocked' : 'locked';
  }

  private async unlock(passphrase: string): Promise<void> {
    const settings = await this.lockSettings();
    if (!settings) return;
    const key = await deriveKey(passphrase, settings.parameters);
    if ((await unseal(key, settings.check)) !== LOCK_CHECK) throw new WrongPassphraseError();
    this.key = key;
  }

  private async enableLock(passphrase: string): Promise<void> {
    const all = await this.getAll();
    const parameters = newKeyParameters();
    const key = await deriveKey(passphrase, parameters);
    const settings: LockSettings = { parameters, check: await seal(key, LOCK_CHECK) };
    this.key = key;
    await this.rewriteAll(all, settings);
  }

  private async disableLock(): Promise<void> {
    const all = await this.getAll();
    this.key = undefined;
    await this.rewriteAll(all, undefined);
  }

  /** Rewrites every review (and summary) with the current key, or in plain form, in one transaction. */
  private async rewriteAll(reviews: readonly Review[], settings: LockSettings | undefined): Promise<void> {
    const encoded: Encoded[] = [];
    for (const review of reviews) encoded.push(await IdbReviewStore.encodeWith(review, settings ? this.key : undefined));
    await this.write(async (tx) => {
      await tx.objectStore(REVIEWS_STORE).clear();
      await tx.objectStore(SUMMARIES_STORE).clear();
      for (const [stored, summary] of encoded) {
        await tx.objectStore(REVIEWS_STORE).put(stored);
        await tx.objectStore(SUMMARIES_STORE).put(summary);
      }
      if (settings) await tx.objectStore(SETTINGS_STORE).put(settings, 'lock');
      else await tx.objectStore(SETTINGS_STORE).delete('lock');
    });
    for (const review of reviews) this.announce({ id: review.id, revision: review.revision });
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

  /** The stored forms of a review and its summary: plain, or sealed when the lock is on. */
  private async encode(review: Review): Promise<Encoded> {
    if (!this.key && (await this.lockSettings())) throw new ReviewLockedError();
    return IdbReviewStore.encodeWith(review, this.key);
  }

  private static async encodeWith(review: Review, key: CryptoKey | undefined): Promise<Encoded> {
    const summary = summarise(review);
    if (!key) return [review, summary];
    const record: LockedRecord = { id: review.id, revision: review.revision, sealed: await seal(key, review) };
    const lockedSummary: LockedSummary = { id: review.id, updatedAt: review.updatedAt, sealed: await seal(key, summary) };
    return [record, lockedSummary];
  }

  /**
   * One read-write transaction over all stores. Only IndexedDB requests are awaited inside
   * (anything else would auto-commit it); resolves once the transaction has committed.
   */
  private async write(body: (tx: WriteTransaction) => Promise<void>): Promise<void> {
    const tx = this.db.transaction([REVIEWS_STORE, SUMMARIES_STORE, SETTINGS_STORE], 'readwrite');
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

  /** Tells this tab's listeners, and other tabs when `broadcast`, that the lock state changed. */
  private lockChanged(broadcast: boolean): void {
    if (broadcast) this.channel?.postMessage({ lock: true });
    for (const listener of this.lockListeners) listener();
  }
}
