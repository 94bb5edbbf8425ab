/**
 * The crypto of the review store, loaded with import() only when the lock is on (or being turned
 * on): a member who never sets a passphrase never loads it, and /tu-soi/'s first load stays small.
 */
import { deriveKey, newKeyParameters, seal } from '../domain/sealed';
import { summarise } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { LOCK_CHECK, type LockSettings } from './lock-settings';
import type { Encoded, LockedRecord, LockedSummary } from './stored-forms';

export { unseal } from '../domain/sealed';

/** The stored forms of a review and its summary, sealed with `key`. */
export async function encodeSealed(review: Review, key: CryptoKey): Promise<Encoded> {
  const summary = summarise(review);
  const record: LockedRecord = { id: review.id, revision: review.revision, sealed: await seal(key, review) };
  const lockedSummary: LockedSummary = { id: review.id, updatedAt: review.updatedAt, sealed: await seal(key, summary) };
  return [record, lockedSummary];
}

/** A new key from the passphrase, and the lock settings to store with it. */
export async function newLock(passphrase: string): Promise<{ key: CryptoKey; settings: LockSettings }> {
  const parameters = newKeyParameters();
  const key = await deriveKey(passphrase, parameters);
  return { key, settings: { parameters, check: await seal(key, LOCK_CHECK) } };
}
