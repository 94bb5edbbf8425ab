/** Reading the stored lock settings, shared by every store that seals data with the passphrase key. */
import type { IDBPDatabase } from 'idb';
import { SETTINGS_STORE, type ReviewDatabase } from './database';
import { isLockSettings, LOCK_SETTING, type LockSettings } from './stored-forms';

/** Known plaintext sealed with the key, to tell a wrong passphrase from a right one. Never change. */
export const LOCK_CHECK = 'tu-soi-tu-sua';

/** The stored lock settings; undefined when the lock is off (or the stored value is malformed). */
export async function readLockSettings(db: IDBPDatabase<ReviewDatabase>): Promise<LockSettings | undefined> {
  const value = await db.get(SETTINGS_STORE, LOCK_SETTING);
  return isLockSettings(value) ? value : undefined;
}
