/** The storage interface the self-review UI receives; implementations: IndexedDB and in-memory. */
import { DocumentConflictError, DocumentLockedError, UserFacingError } from '../domain/errors';
import type { ReviewSummary } from '../domain/review-model';
import type { RoundWithEntries } from '../domain/backup-branch';
import type { Review } from '../domain/review-schema';
import type { BranchData } from './branch-store';

/** Another tab (or this one) changed or deleted a review. `revision` is null after a delete. */
export interface ReviewChange {
  readonly id: string;
  readonly revision: number | null;
}

export interface ReviewStore {
  /** "indexeddb" keeps data on the device; "memory" loses it when the page closes. */
  readonly kind: 'indexeddb' | 'memory';
  /** Summaries of every review, most recently changed first. */
  list(): Promise<ReviewSummary[]>;
  /** One review, migrated and validated; undefined when absent. Throws ReviewFormatError when unreadable. */
  get(id: string): Promise<Review | undefined>;
  /** Stores a new review (revision 0). */
  create(review: Review): Promise<Review>;
  /**
   * Saves a review whose stored revision must still be `review.revision`; returns the stored
   * record with the next revision. Throws ReviewConflictError when someone else saved first.
   */
  save(review: Review): Promise<Review>;
  /**
   * Keeps a copy of unsaved edits, starting the write synchronously, as the page goes away (the
   * ordinary save may not finish); `get` prefers it while it is newer than the stored review.
   * Best effort, and skipped while the lock is on (sealing cannot start synchronously).
   */
  saveOnExit(review: Review): void;
  /** Whether the last `get(id)` returned edits from an exit copy (not yet saved). */
  restoredOnExit(id: string): boolean;
  /** Deletes a review; no error when it is already gone. */
  delete(id: string): Promise<void>;
  /** Every review, for a backup. Throws ReviewLockedError while locked. */
  getAll(): Promise<Review[]>;
  /**
   * Writes restored reviews, and restored branch rounds with their entries, in one transaction,
   * replacing those with the same id; a restored round's stored entries are replaced by its own.
   */
  putMany(reviews: readonly Review[], rounds?: readonly RoundWithEntries[]): Promise<void>;
  /** Every readable branch round and entry (the /chi-bo/ workspace), for a backup. Throws a DocumentLockedError while locked. */
  getBranchData(): Promise<BranchData>;
  /** A device setting (not review content), e.g. the time of the last backup. */
  getSetting(key: SettingKey): Promise<unknown>;
  setSetting(key: SettingKey, value: unknown): Promise<void>;
  /** The optional passphrase lock. */
  readonly lock: ReviewLock;
  /**
   * Deletes everything the site stored on this device (every review, setting and the lock) and
   * closes the store. `onBlocked` is called while another tab still holds the database open.
   */
  erase(onBlocked?: () => void): Promise<void>;
  /** Calls the listener when another tab changes a review. Returns an unsubscribe function. */
  onExternalChange(listener: (change: ReviewChange) => void): () => void;
  /** Releases the connection. */
  close(): void;
}

/** Device settings kept beside the reviews (the lock's own settings are not among them). Persisted keys: never rename. */
export const SETTING_KEYS = ['last-backup-at', 'auto-lock-minutes'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Refuses anything but a member setting: the lock settings must never be read or replaced through them. */
export function checkSettingKey(key: string): SettingKey {
  if (!(SETTING_KEYS as readonly string[]).includes(key)) throw new TypeError(`Unknown setting "${key}"`);
  return key as SettingKey;
}

export type LockStatus = 'off' | 'locked' | 'unlocked';

/** Passphrase protection: with it on, reviews and the branch workspace are stored encrypted. */
export interface ReviewLock {
  status(): Promise<LockStatus>;
  /** Turns the lock on: re-encrypts every stored review and branch record with a key derived from the passphrase. */
  enable(passphrase: string): Promise<void>;
  /** Opens the reviews with the passphrase; throws WrongPassphraseError. */
  unlock(passphrase: string): Promise<void>;
  /** Forgets the key in memory; the data stays encrypted until unlocked again. `everywhere`: in every open tab too. */
  lockNow(everywhere?: boolean): void;
  /** Turns the lock off: stores every review as plain data again (must be unlocked). */
  disable(): Promise<void>;
  /** Calls the listener when the lock was turned on, off, opened or closed, here or in another tab. */
  onChange(listener: () => void): () => void;
}

/** The reviews are locked and the key is not in memory. */
export class ReviewLockedError extends DocumentLockedError {
  constructor() {
    super('Các bản tự soi đang được khóa. Hãy nhập mật khẩu để mở.');
    this.name = 'ReviewLockedError';
  }
}

/** Another tab saved the same review after we loaded it: we refuse to overwrite its work. */
export class ReviewConflictError extends DocumentConflictError {
  constructor(id: string) {
    super(id, 'Bản tự soi này vừa được sửa ở một thẻ hoặc cửa sổ khác.');
    this.name = 'ReviewConflictError';
  }
}

/** Storage failed (quota, disk, browser policy); the message is shown to the member. */
export class StorageWriteError extends UserFacingError {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageWriteError';
  }
}

/** Turns a DOMException from IndexedDB into a message a member can act on. */
export function describeStorageFailure(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
  if (name === 'QuotaExceededError') {
    return 'Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Hãy giải phóng dung lượng máy hoặc lưu bản sao ra tệp.';
  }
  return 'Trình duyệt không lưu được thay đổi vừa rồi. Hãy giữ trang mở và lưu bản sao ra tệp.';
}
