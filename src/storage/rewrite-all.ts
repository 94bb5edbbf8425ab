/**
 * Turning the passphrase lock on or off: every review (with its summary) and every branch round
 * and entry is rewritten, sealed with the new key or plain, in ONE transaction together with the
 * lock settings. Loaded on demand (rare), so it stays out of the pages' first load.
 */
import type { IDBPDatabase } from 'idb';
import type { Review } from '../domain/review-schema';
import { decodeEntry, decodeRound, encodeEntry, encodeRound, UnreadableBranchDataError } from './branch-forms';
import { BRANCH_ENTRIES_STORE, BRANCH_ROUNDS_STORE, type ReviewDatabase } from './database';
import type { ExitCopies } from './exit-copies';
import { LOCK_SETTING, type LockSettings } from './lock-settings';
import { ReviewConflictError } from './review-store';
import type { LockKeeper } from './lock-keeper';
import type { Encoded } from './stored-forms';
import type { storesOf, writeChecked } from './write-transaction';

export interface RewriteContext {
  readonly db: IDBPDatabase<ReviewDatabase>;
  readonly keeper: LockKeeper;
  readonly exitCopies?: ExitCopies | undefined;
  /** Every review, opened with the current key. */
  readAll(): Promise<Review[]>;
  /** The stored forms of a review and its summary: sealed with `key`, or plain (the review store's own encoding). */
  encode(review: Review, key: CryptoKey | undefined): Promise<Encoded>;
  /** Tells other tabs the reviews were rewritten. */
  announce(reviews: readonly Review[]): void;
  /** The review store's checked write (write-transaction.ts), passed in so this module loads nothing more with it. */
  readonly write: typeof writeChecked;
  /** The object stores of that write, by what they hold (write-transaction.ts, passed in for the same reason). */
  readonly stores: typeof storesOf;
}

/** Another tab saved while everything was being re-encoded: read it all again (a conflict the rewrite resolves itself). */
const changed = () => new ReviewConflictError('*');

/** A branch record decoded, or UnreadableBranchDataError. */
async function readable<T>(
  decode: (raw: unknown, key: CryptoKey | undefined) => Promise<T | undefined>,
  raw: unknown,
  key: CryptoKey | undefined,
): Promise<T> {
  const value = await decode(raw, key).catch(() => undefined);
  if (value === undefined) throw new UnreadableBranchDataError();
  return value;
}

/** A fingerprint of the raw branch records, to notice a change made while they were being re-encoded. */
const fingerprint = (rounds: readonly unknown[], entries: readonly unknown[]) => JSON.stringify([rounds, entries]);

/**
 * Rewrites every review (and summary) and every branch record sealed with `key`, or in plain form,
 * in one transaction. Refused if another tab changed the lock meanwhile; read again if another tab
 * saved meanwhile, so a save made while the key was being derived is never replaced by an older
 * copy. A branch record that cannot be read is left as it is.
 */
export async function rewriteAll(
  context: RewriteContext,
  key: CryptoKey | undefined,
  settings: LockSettings | undefined,
): Promise<void> {
  const { db, keeper } = context;
  // Exit copies are plain text: none may outlive a change of the lock.
  await context.exitCopies?.clear().catch(() => undefined);
  for (let attempt = 0; ; attempt += 1) {
    const current = keeper.key();
    const reviews = await context.readAll();
    const [rawRounds, rawEntries] = await Promise.all([db.getAll(BRANCH_ROUNDS_STORE), db.getAll(BRANCH_ENTRIES_STORE)]);
    const encoded: Encoded[] = [];
    for (const review of reviews) encoded.push(await context.encode(review, key));
    const rounds: unknown[] = [];
    // Fail closed, as for reviews: a record that cannot be read is never left behind sealed with a
    // key that is going away, nor plain once the lock is on.
    for (const raw of rawRounds) rounds.push(await encodeRound(await readable(decodeRound, raw, current?.key), key));
    const entries: unknown[] = [];
    for (const raw of rawEntries) entries.push(await encodeEntry(await readable(decodeEntry, raw, current?.key), key));
    const snapshot = reviews
      .map((review) => `${review.id}@${review.revision}`)
      .sort()
      .join(' ');
    const branchSnapshot = fingerprint(rawRounds, rawEntries);
    try {
      await context.write(db, current?.salt, (tx) => {
        const {
          reviews: reviewStore,
          summaries: summaryStore,
          settings: settingStore,
          rounds: roundStore,
          entries: entryStore,
        } = context.stores(tx);
        const unchanged = reviewStore.getAll().then((raws) => {
          const now = raws.map((raw) => {
            const entry = raw as { id?: unknown; revision?: unknown };
            return `${String(entry.id)}@${String(entry.revision)}`;
          });
          if (now.sort().join(' ') !== snapshot) throw changed();
        });
        const branchUnchanged = Promise.all([roundStore.getAll(), entryStore.getAll()]).then(([nowRounds, nowEntries]) => {
          if (fingerprint(nowRounds, nowEntries) !== branchSnapshot) throw changed();
        });
        const writes: Promise<unknown>[] = [reviewStore.clear(), summaryStore.clear()];
        for (const [stored, summary] of encoded) writes.push(reviewStore.put(stored), summaryStore.put(summary));
        for (const round of rounds) writes.push(roundStore.put(round));
        for (const entry of entries) writes.push(entryStore.put(entry));
        writes.push(settings ? settingStore.put(settings, LOCK_SETTING) : settingStore.delete(LOCK_SETTING));
        return { checks: [unchanged, branchUnchanged], writes };
      });
      context.announce(reviews);
      // The new lock state is this tab's, and every other tab is told.
      keeper.adopt(key && settings ? { key, salt: settings.parameters.salt } : undefined);
      return;
    } catch (error) {
      if (!(error instanceof ReviewConflictError) || attempt >= 4) throw error;
    }
  }
}
