/**
 * Persists, in the IndexedDB database "tu-soi-tu-sua-exit", a copy of a review's unsaved edits
 * written as the page goes away. A database of its own, so that no write of the main database can
 * hold its transaction back: it commits at once, while the page still exists.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Review } from '../domain/review-schema';

// Persisted names: never rename.
/** IndexedDB database of exit copies. */
export const EXIT_DATABASE_NAME = 'tu-soi-tu-sua-exit';
/** Exit copies, key = review id. */
const COPIES_STORE = 'copies';

/** An exit copy: the edited review and the stored revision it was edited from. */
interface ExitCopy {
  readonly baseRevision: number;
  readonly review: unknown;
}

interface ExitDatabase extends DBSchema {
  copies: { key: string; value: ExitCopy };
}

/**
 * The copy's review when it is newer than the stored record at `revision`: it was edited from
 * `baseRevision`, or from the one before when this tab's own save of it was still in flight.
 */
function newerThan(copy: ExitCopy | undefined, revision: number): unknown {
  if (!copy || typeof copy.baseRevision !== 'number') return undefined;
  return revision === copy.baseRevision || revision === copy.baseRevision - 1 ? copy.review : undefined;
}

export class ExitCopies {
  private constructor(private readonly db: IDBPDatabase<ExitDatabase>) {}

  /** Opens the database; undefined when the browser refuses (copies are a safety net, not required). */
  static async open(): Promise<ExitCopies | undefined> {
    try {
      const db = await openDB<ExitDatabase>(EXIT_DATABASE_NAME, 1, {
        upgrade(database) {
          database.createObjectStore(COPIES_STORE);
        },
        blocking(_current, _next, event) {
          (event.target as IDBDatabase).close();
        },
      });
      return new ExitCopies(db);
    } catch {
      return undefined;
    }
  }

  /** Writes the copy and commits at once: nothing waits for this page's callbacks. */
  keepNow(review: Review): void {
    try {
      const tx = this.db.transaction(COPIES_STORE, 'readwrite');
      tx.store.put({ baseRevision: review.revision, review }, review.id).catch(() => undefined);
      tx.done.catch(() => undefined);
      tx.commit();
    } catch {
      // The connection is closing: nothing more can be kept.
    }
  }

  /** The copied review when it holds edits newer than the stored `revision`. */
  async newer(id: string, revision: number): Promise<unknown> {
    return newerThan(await this.db.get(COPIES_STORE, id).catch(() => undefined), revision);
  }

  /** Drops the copy once a save of `savedRevision` holds everything it had. */
  async saved(id: string, savedRevision: number): Promise<void> {
    const tx = this.db.transaction(COPIES_STORE, 'readwrite');
    const copy = await tx.store.get(id);
    if (copy && copy.baseRevision < savedRevision) await tx.store.delete(id);
    await tx.done;
  }

  async forget(id: string): Promise<void> {
    await this.db.delete(COPIES_STORE, id);
  }

  /** Drops every copy (they are plain text: none may outlive turning the lock on). */
  async clear(): Promise<void> {
    await this.db.clear(COPIES_STORE);
  }

  close(): void {
    this.db.close();
  }
}
