/** Deletes everything the site stored on this device: the IndexedDB database and local settings. */
import { deleteDB } from 'idb';
import { DATABASE_NAME } from './database';
import type { ReviewStore } from './review-store';

/** localStorage keys the site writes (the text-size setting). Never rename. */
const LOCAL_KEYS = ['tsts:text-size'];

export async function eraseEverything(store: ReviewStore, onBlocked?: () => void): Promise<void> {
  store.close();
  await deleteDB(DATABASE_NAME, { blocked: () => onBlocked?.() });
  try {
    for (const key of LOCAL_KEYS) localStorage.removeItem(key);
    for (const key of Object.keys(localStorage)) if (key.startsWith('tsts:')) localStorage.removeItem(key);
  } catch {
    // Storage access denied: nothing was written there either.
  }
}
