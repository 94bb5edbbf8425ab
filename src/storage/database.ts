/**
 * Persists self-reviews in the browser's IndexedDB database "tu-soi-tu-sua" (this device only).
 * Database structure has its own version ladder here; record shapes migrate in src/domain.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ReviewSummary } from '../domain/review-model';
import { summariseStored } from '../domain/review-summary';

// Persisted names: never rename. Renaming one silently orphans every member's private data.
/** IndexedDB database name. */
export const DATABASE_NAME = 'tu-soi-tu-sua';
/** Full review records, key = review id. */
export const REVIEWS_STORE = 'reviews';
/** Small summaries for the review list, key = review id (added in database version 2). */
export const SUMMARIES_STORE = 'summaries';
/** Device settings such as the last backup time, out-of-line keys (added in database version 2). */
export const SETTINGS_STORE = 'settings';
/** Index of summaries by last change. */
export const BY_UPDATED_INDEX = 'by-updated';
/** Branch workspace rounds (đợt), key = round id (added in database version 3). */
export const BRANCH_ROUNDS_STORE = 'branch-rounds';
/** Members' results received in a round, key = entry id (added in database version 3). */
export const BRANCH_ENTRIES_STORE = 'branch-entries';
/** Index of branch entries by round id. */
export const BY_ROUND_INDEX = 'by-round';

/** Current database structure version. Append a step to `upgradeSteps`, never edit one. */
export const DATABASE_VERSION = 3;

export interface ReviewDatabase extends DBSchema {
  reviews: { key: string; value: unknown };
  summaries: {
    key: string;
    value: ReviewSummary | { id: string; updatedAt: string; sealed: unknown };
    indexes: { 'by-updated': string };
  };
  settings: { key: string; value: unknown };
  'branch-rounds': { key: string; value: unknown };
  'branch-entries': { key: string; value: unknown; indexes: { 'by-round': string } };
}

type UpgradeTransaction = IDBPTransaction<
  ReviewDatabase,
  ('reviews' | 'summaries' | 'settings' | 'branch-rounds' | 'branch-entries')[],
  'versionchange'
>;

/** Structure steps; index i upgrades version i to i+1. Each runs inside the versionchange transaction. */
const upgradeSteps: readonly ((db: IDBPDatabase<ReviewDatabase>, tx: UpgradeTransaction) => Promise<void> | void)[] = [
  // 0 → 1: the first release kept only full records.
  (db) => {
    db.createObjectStore(REVIEWS_STORE, { keyPath: 'id' });
  },
  // 1 → 2: summaries for a fast list, and a settings store. Summaries are rebuilt from the records.
  async (db, tx) => {
    const summaries = db.createObjectStore(SUMMARIES_STORE, { keyPath: 'id' });
    summaries.createIndex(BY_UPDATED_INDEX, 'updatedAt');
    db.createObjectStore(SETTINGS_STORE);
    let cursor = await tx.objectStore(REVIEWS_STORE).openCursor();
    while (cursor) {
      // An unreadable record keeps its data; it simply has no summary until it is saved again.
      const summary = summariseStored(cursor.value);
      if (summary) await tx.objectStore(SUMMARIES_STORE).put(summary);
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: the branch workspace (rounds and the members' results received in them).
  (db) => {
    db.createObjectStore(BRANCH_ROUNDS_STORE, { keyPath: 'id' });
    db.createObjectStore(BRANCH_ENTRIES_STORE, { keyPath: 'id' }).createIndex(BY_ROUND_INDEX, 'roundId');
  },
];

export interface OpenOptions {
  /** Another tab needs a newer structure: we must close so it can upgrade. */
  onVersionChange?: () => void;
  /** The browser closed the connection abnormally (e.g. iOS "connection lost"). */
  onTerminated?: () => void;
  /** Our upgrade waits for another tab that still has the old version open. */
  onBlocked?: () => void;
  /** Version to open (tests open older versions). */
  version?: number;
}

/**
 * Runs the structure steps in order inside the versionchange transaction. Synchronous steps run
 * without yielding, so every createObjectStore happens while the transaction is surely active.
 */
async function runUpgradeSteps(
  db: IDBPDatabase<ReviewDatabase>,
  tx: UpgradeTransaction,
  from: number,
  to: number,
): Promise<void> {
  for (let step = from; step < to; step += 1) {
    const pending = upgradeSteps[step]?.(db, tx);
    if (pending) await pending;
  }
}

export async function openReviewDatabase(options: OpenOptions = {}): Promise<IDBPDatabase<ReviewDatabase>> {
  const version = options.version ?? DATABASE_VERSION;
  const open = () =>
    openDB<ReviewDatabase>(DATABASE_NAME, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        void runUpgradeSteps(db, tx, oldVersion, newVersion ?? version);
      },
      blocked() {
        options.onBlocked?.();
      },
      blocking(_current, _next, event) {
        // Close so the other tab's upgrade can proceed; this tab will be asked to reload.
        (event.target as IDBDatabase).close();
        options.onVersionChange?.();
      },
      terminated() {
        options.onTerminated?.();
      },
    });
  const db: IDBPDatabase<ReviewDatabase> = await open();
  return db;
}
