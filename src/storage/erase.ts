/** Deletes everything the site stored on this device: the IndexedDB database and local settings. */
import { deleteDB } from 'idb';
import { DATABASE_NAME } from './database';
import type { ReviewStore } from './review-store';

/**
 * Prefix of every localStorage key the site writes (only the text-size preference, set by the
 * inline script in BaseLayout before first paint). Never rename.
 */
const LOCAL_PREFIX = 'tsts:';

export async function eraseEverything(store: ReviewStore, onBlocked?: () => void): Promise<void> {
  store.close();
  await deleteDB(DATABASE_NAME, { blocked: () => onBlocked?.() });
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(LOCAL_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage access denied: nothing was written there either.
  }
}
