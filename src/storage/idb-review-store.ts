/**
 * Persists self-reviews, their list summaries and device settings in IndexedDB; encrypts review
 * content when the passphrase lock is on; tells other tabs about changes (reviews and the lock).
 */
import type { IDBPDatabase } from 'idb';
import type { RoundWithEntries } from '../domain/backup-branch';
import type { ReviewSummary } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { deriveKey, newKeyParameters, seal, unseal, WrongPassphraseError } from '../domain/sealed';
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
import { LockChangedError, recordWrites, ReviewsChangedError, writeChecked, type WriteTransaction } from './write-transaction';
import {
  checkSettingKey,
  ReviewLockedError,
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
  /** Whether lock settings were stored when last read (undefined: not read yet). */
  private lockOn: boolean | undefined;
  /** Salt of the stored lock settings the key was derived with: every write checks they are still stored. */
  private keySalt: string | undefined;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: ReviewChange) => void>();
  private readonly lockListeners = new Set<() => void>();
  /** Reviews whose last `get` returned an exit copy's edits. */
  private readonly restored = new Set<string>();

  constructor(
    private readonly db: IDBPDatabase<ReviewDatabase>,
    private readonly exitCopies?: ExitCopies,
  ) {
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
        const value = isLockedRecord(entry) ? await unseal(this.requireKey(), entry.sealed) : entry;
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
    if (this.key || this.lockOn !== false) return;
    this.exitCopies?.keepNow(review);
  }

  async putMany(reviews: readonly Review[], rounds: readonly RoundWithEntries[] = []): Promise<void> {
    // Restoring is rare: its branch code (and the branch schemas) stay out of the page's first load.
    const { announceBranchRestore, branchWrites, prepareBranchRestore, storedRevisions } = await import('./branch-restore');
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
    await this.persist(records, {}, (tx) => branchWrites(tx, branch));
    for (const record of records) this.announce({ id: record.id, revision: record.revision });
    announceBranchRestore(branch);
  }

  async getBranchData(): Promise<BranchData> {
    const { readBranchData } = await import('./branch-restore');
    return readBranchData(this.db);
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
    this.forgetKey();
    this.channel?.close();
    this.db.close();
    this.exitCopies?.close();
  }

  private async lockSettings(): Promise<LockSettings | undefined> {
    const value = await this.db.get(SETTINGS_STORE, LOCK_SETTING);
    return isLockSettings(value) ? value : undefined;
  }

  /** Also drops a key derived for lock settings that are no longer stored (changed in another tab). */
  private async lockStatus(): Promise<LockStatus> {
    const settings = await this.lockSettings();
    this.lockOn = settings !== undefined;
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
    this.lockOn = true;
    this.key = key;
    this.keySalt = parameters.salt;
    this.lockChanged(true);
  }

  private async disableLock(): Promise<void> {
    await this.rewriteAll(undefined, undefined);
    this.lockOn = false;
    this.forgetKey();
    this.lockChanged(true);
  }

  /**
   * Rewrites every review (and summary) sealed with `key`, or in plain form, in one transaction.
   * Refused if another tab changed the lock meanwhile; read again if another tab saved a review
   * meanwhile, so a save made while the key was being derived is never replaced by an older copy.
   */
  private async rewriteAll(key: CryptoKey | undefined, settings: LockSettings | undefined): Promise<void> {
    // Exit copies are plain text: none may outlive a change of the lock.
    await this.exitCopies?.clear().catch(() => undefined);
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
        await writeChecked(this.db, expectedSalt, (tx) => {
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
  private async persist(
    records: readonly Review[],
    options: { add?: boolean; expect?: number } = {},
    /** More writes in the same transaction (a restore's branch data). */
    alsoWrite: (tx: WriteTransaction) => Promise<unknown>[] = () => [],
  ): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      // Key and salt are taken together: the key may be forgotten while the records are encrypted.
      const [key, salt] = [this.key, this.key ? this.keySalt : undefined];
      const encoded = key ? await Promise.all(records.map((record) => encodeSealed(record, key))) : records.map(encodePlain);
      try {
        await writeChecked(this.db, salt, (tx) => {
          const plan = recordWrites(tx, records, encoded, options);
          return { checks: plan.checks, writes: [...plan.writes, ...alsoWrite(tx)] };
        });
        return;
      } catch (error) {
        if (!(error instanceof LockChangedError)) throw error;
        this.forgetKey();
        this.lockOn = error.nowLocked;
        this.lockChanged(false);
        if (error.nowLocked || attempt > 0) throw new ReviewLockedError();
      }
    }
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

  private announce(change: ReviewChange): void {
    this.channel?.postMessage(change);
  }

  /** Tells this tab's listeners, and other tabs when `broadcast`, that the lock state changed. */
  private lockChanged(broadcast: boolean): void {
    if (broadcast) this.channel?.postMessage({ lock: true });
    for (const listener of this.lockListeners) listener();
  }
}
