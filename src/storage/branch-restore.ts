/**
 * The branch half of a restore from a backup, written by the review store in the same transaction
 * as the restored reviews (write-transaction.ts), so a restore is all or nothing.
 */
import type { IDBPDatabase } from 'idb';
import type { RoundWithEntries } from '../domain/backup-branch';
import { BRANCH_CHANNEL } from './branch-idb-store';
import { decodeAll, decodeEntry, decodeRound, encodeEntry, encodeRound } from './branch-forms';
import { prepareEntry, prepareRound } from './branch-records';
import type { BranchData } from './branch-store';
import { BRANCH_ENTRIES_STORE, BRANCH_ROUNDS_STORE, BY_ROUND_INDEX, type REVIEWS_STORE, type ReviewDatabase } from './database';
import type { WriteTransaction } from './write-transaction';

/**
 * Every readable round and entry, opened with `key` when sealed; unreadable records are left out
 * (and left in place). Throws BranchLockedError when they are sealed and there is no key.
 */
export async function readBranchData(db: IDBPDatabase<ReviewDatabase>, key: CryptoKey | undefined): Promise<BranchData> {
  const rounds = await decodeAll(await db.getAll(BRANCH_ROUNDS_STORE), key, decodeRound);
  const entries = await decodeAll(await db.getAll(BRANCH_ENTRIES_STORE), key, decodeEntry);
  return { rounds, entries };
}

/** Stored revision per id, to move restored records past them. */
export async function storedRevisions(
  db: IDBPDatabase<ReviewDatabase>,
  store: typeof REVIEWS_STORE | typeof BRANCH_ROUNDS_STORE,
): Promise<Map<string, number>> {
  const revisions = new Map<string, number>();
  for (const raw of await db.getAll(store)) {
    const entry = raw as { id?: unknown; revision?: unknown };
    if (typeof entry.id === 'string') revisions.set(entry.id, typeof entry.revision === 'number' ? entry.revision : 0);
  }
  return revisions;
}

/**
 * Validates restored rounds and entries. A round that replaces a stored one moves past its
 * revision, so a /chi-bo/ tab holding the old one cannot overwrite the restore.
 */
export function prepareBranchRestore(
  rounds: readonly RoundWithEntries[],
  storedRevisions: ReadonlyMap<string, number>,
): RoundWithEntries[] {
  return rounds.map(({ round, entries }) => {
    const current = storedRevisions.get(round.id);
    const revision = current === undefined ? round.revision : Math.max(current, round.revision) + 1;
    return { round: prepareRound({ ...round, revision }), entries: entries.map(prepareEntry) };
  });
}

/** A restored round and its entries in their stored forms (plain, or sealed with the lock's key). */
export interface EncodedRound {
  readonly id: string;
  readonly round: unknown;
  readonly entries: readonly unknown[];
}

export async function encodeBranchRestore(
  branch: readonly RoundWithEntries[],
  key: CryptoKey | undefined,
): Promise<EncodedRound[]> {
  return Promise.all(
    branch.map(async ({ round, entries }) => ({
      id: round.id,
      round: await encodeRound(round, key),
      entries: await Promise.all(entries.map((entry) => encodeEntry(entry, key))),
    })),
  );
}

/**
 * Each restored round is put, and its stored entries are replaced by the restored ones (deleted
 * once their keys are read, then the new ones put, inside the same transaction).
 */
export function branchWrites(tx: WriteTransaction, branch: readonly EncodedRound[]): Promise<unknown>[] {
  const rounds = tx.objectStore(BRANCH_ROUNDS_STORE);
  const entries = tx.objectStore(BRANCH_ENTRIES_STORE);
  return branch.flatMap(({ id, round, entries: restored }) => [
    rounds.put(round),
    entries
      .index(BY_ROUND_INDEX)
      .getAllKeys(id)
      .then((keys) => Promise.all([...keys.map((key) => entries.delete(key)), ...restored.map((entry) => entries.put(entry))])),
  ]);
}

/** Tells open /chi-bo/ tabs, in the words of the branch store's own channel. */
export function announceBranchRestore(branch: readonly RoundWithEntries[]): void {
  if (branch.length === 0 || typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(BRANCH_CHANNEL);
  for (const { round } of branch) {
    channel.postMessage({ id: round.id, revision: round.revision });
    channel.postMessage({ entriesOf: round.id });
  }
  channel.close();
}
