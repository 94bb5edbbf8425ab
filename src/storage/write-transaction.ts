/**
 * The one way the IndexedDB review store writes: a read-write transaction over all its stores in
 * which every request is issued at once, checks first, so a failed check aborts it before it can
 * commit. It always checks that the lock settings are still the ones the records were encoded for.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import {
  BRANCH_ENTRIES_STORE,
  BRANCH_ROUNDS_STORE,
  REVIEWS_STORE,
  SETTINGS_STORE,
  SUMMARIES_STORE,
  type ReviewDatabase,
} from './database';
import { describeStorageFailure, ReviewConflictError, StorageWriteError } from './review-store';
import type { Review } from '../domain/review-schema';
import { isLockSettings, LOCK_SETTING, LockChangedError } from './lock-settings';
import type { Encoded } from './stored-forms';

/** Includes the branch stores, so a restore writes reviews and branch rounds all or nothing. */
export type WriteTransaction = IDBPTransaction<
  ReviewDatabase,
  ['reviews', 'summaries', 'settings', 'branch-rounds', 'branch-entries'],
  'readwrite'
>;

/** The object stores of a write transaction, by what they hold. */
export function storesOf(tx: WriteTransaction) {
  return {
    reviews: tx.objectStore(REVIEWS_STORE),
    summaries: tx.objectStore(SUMMARIES_STORE),
    settings: tx.objectStore(SETTINGS_STORE),
    rounds: tx.objectStore(BRANCH_ROUNDS_STORE),
    entries: tx.objectStore(BRANCH_ENTRIES_STORE),
  };
}

/** Requests issued at once inside a write: checks that may refuse it, and the writes themselves. */
export interface WritePlan {
  readonly checks: readonly Promise<unknown>[];
  readonly writes: readonly Promise<unknown>[];
}

export { LockChangedError } from './lock-settings';

/**
 * Runs `plan` in one transaction and resolves once it has committed. `expectedSalt` is the salt of
 * the lock settings the records were encoded for: undefined for plain records, null when nothing
 * sealed or plain is written (no check). Nothing unrelated is awaited inside the transaction.
 */
export async function writeChecked(
  db: IDBPDatabase<ReviewDatabase>,
  expectedSalt: string | undefined | null,
  plan: (tx: WriteTransaction) => WritePlan,
): Promise<void> {
  const tx = db.transaction(
    [REVIEWS_STORE, SUMMARIES_STORE, SETTINGS_STORE, BRANCH_ROUNDS_STORE, BRANCH_ENTRIES_STORE],
    'readwrite',
  );
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
    if (error instanceof ReviewConflictError || error instanceof LockChangedError) {
      throw error;
    }
    throw new StorageWriteError(describeStorageFailure(error), error);
  }
}

/**
 * The requests that store `encoded` (the stored forms of `records`): added when new, else put;
 * with `expect`, refused unless the first record's stored revision is still `expect`.
 */
export function recordWrites(
  tx: WriteTransaction,
  records: readonly Review[],
  encoded: readonly Encoded[],
  options: { add?: boolean; expect?: number },
): WritePlan {
  const { reviews, summaries } = storesOf(tx);
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
