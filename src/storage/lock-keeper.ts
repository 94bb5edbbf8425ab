/**
 * The page's one passphrase-lock state: the derived key (in memory only), whether lock settings are
 * stored, and who to tell when that changes. Shared by the review store and the branch store of a
 * page, so unlocking once opens both, and "Khóa ngay" locks both (in every tab when asked).
 */
import type { IDBPDatabase } from 'idb';
import { SETTINGS_STORE, type ReviewDatabase } from './database';
import { LOCK_CHECK, readLockSettings } from './lock-settings';
import type { BranchLock } from './branch-store';
import type { LockStatus } from './review-store';

/** BroadcastChannel name for cross-tab change notices. Never rename (tabs of two versions must agree). */
export const CHANGE_CHANNEL = 'tu-soi-tu-sua:changes';

/** The key to seal with and the salt of the lock settings it was derived for (checked by every write). */
export interface CurrentKey {
  readonly key: CryptoKey;
  readonly salt: string;
}

export class LockKeeper implements BranchLock {
  private current: CurrentKey | undefined;
  /** Whether lock settings were stored when last read (undefined: not read yet). */
  private lockOn: boolean | undefined;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: IDBPDatabase<ReviewDatabase>) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGE_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as { lock?: unknown; lockNow?: unknown } | null;
      if (data?.lockNow === true) {
        // "Khóa ngay" in another tab: every tab forgets the key.
        this.forget();
        this.changed(false);
      } else if (data?.lock === true) {
        // Another tab turned the lock on or off: drop a key that no longer fits, then tell the views.
        void this.status().then(
          () => this.changed(false),
          () => this.changed(false),
        );
      }
    });
  }

  /** Also drops a key derived for lock settings that are no longer stored (changed in another tab). */
  async status(): Promise<LockStatus> {
    const settings = await readLockSettings(this.db);
    this.lockOn = settings !== undefined;
    if (this.current && this.current.salt !== settings?.parameters.salt) this.forget();
    if (!settings) return 'off';
    return this.current ? 'unlocked' : 'locked';
  }

  /** Derives the key from the passphrase; throws WrongPassphraseError when it does not fit. */
  async unlock(passphrase: string): Promise<void> {
    // The crypto loads when first needed: /chi-bo/ without the lock never loads it.
    const [settings, { openingKey }] = await Promise.all([readLockSettings(this.db), import('./opening-key')]);
    if (!settings) {
      // Turned off in another tab meanwhile: say so, rather than show "unlocked".
      this.forget();
      this.lockOn = false;
      this.changed(false);
      return;
    }
    const key = await openingKey(passphrase, settings, LOCK_CHECK);
    this.current = { key, salt: settings.parameters.salt };
    this.lockOn = true;
    this.changed(false);
  }

  /** Forgets the key; `everywhere` also tells the other tabs to forget theirs ("Khóa ngay"). */
  lockNow(everywhere = false): void {
    this.forget();
    if (everywhere) this.channel?.postMessage({ lockNow: true });
    this.changed(false);
  }

  /** The key and its salt, taken together (the key may be forgotten while records are sealed). */
  key(): CurrentKey | undefined {
    return this.current;
  }

  /** Plain copies (exit copies) may be kept only while the lock is known to be off. */
  plainAllowed(): boolean {
    return !this.current && this.lockOn === false;
  }

  /** After this tab turned the lock on (with `key`) or off (undefined): adopts it and tells every tab. */
  adopt(key: CurrentKey | undefined): void {
    this.current = key;
    this.lockOn = key !== undefined;
    this.changed(true);
  }

  /** A write found other lock settings stored than the ones it encoded for: forget the key. */
  refused(nowLocked: boolean): void {
    this.forget();
    this.lockOn = nowLocked;
    this.changed(false);
  }

  /** The auto-lock delay chosen at /tu-soi/, in minutes (0: never). */
  async autoLockMinutes(): Promise<number> {
    const minutes = await this.db.get(SETTINGS_STORE, 'auto-lock-minutes');
    return typeof minutes === 'number' ? minutes : 0;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.forget();
    this.channel?.close();
  }

  private forget(): void {
    this.current = undefined;
  }

  /** Tells this page's listeners, and other tabs when `broadcast`, that the lock state changed. */
  private changed(broadcast: boolean): void {
    if (broadcast) this.channel?.postMessage({ lock: true });
    for (const listener of this.listeners) listener();
  }
}
