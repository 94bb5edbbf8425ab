/**
 * The stored lock settings and how to read them, shared by every store that seals data with the
 * passphrase key. Kept free of review code: /chi-bo/ loads it with its first script.
 */
import type { IDBPDatabase } from 'idb';
import { isKeyParameters, isSealed, type KeyParameters, type Sealed } from '../domain/sealed-shape';
import { SETTINGS_STORE, type ReviewDatabase } from './database';

/** Settings key of the lock settings (kept apart from the member's settings). Never rename. */
export const LOCK_SETTING = 'lock';

/** Stored lock settings: how to derive the key, and the sealed check value. */
export interface LockSettings {
  readonly parameters: KeyParameters;
  readonly check: Sealed;
}

export function isLockSettings(value: unknown): value is LockSettings {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return isKeyParameters(record['parameters']) && isSealed(record['check']);
}

/** The lock settings stored are not the ones this tab's records were encoded for. */
export class LockChangedError extends Error {
  constructor(readonly nowLocked: boolean) {
    super('The lock was changed in another tab.');
  }
}

/** Known plaintext sealed with the key, to tell a wrong passphrase from a right one. Never change. */
export const LOCK_CHECK = 'tu-soi-tu-sua';

/** The stored lock settings; undefined when the lock is off (or the stored value is malformed). */
export async function readLockSettings(db: IDBPDatabase<ReviewDatabase>): Promise<LockSettings | undefined> {
  const value = await db.get(SETTINGS_STORE, LOCK_SETTING);
  return isLockSettings(value) ? value : undefined;
}
