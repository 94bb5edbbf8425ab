/** Deletes everything the site stored on this device: the IndexedDB database and local settings. */
import { deleteDB } from 'idb';
import { DATABASE_NAME } from './database';
import { EXIT_DATABASE_NAME } from './exit-copies';

/**
 * Prefix of every localStorage key the site writes (only the text-size preference, set by the
 * inline script in BaseLayout before first paint). Never rename.
 */
const LOCAL_PREFIX = 'tsts:';

/** Removes the site's localStorage keys; nothing to do where storage access is denied. */
export function clearLocalSettings(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(LOCAL_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage access denied: nothing was written there either.
  }
}

/** Deletes the database (the caller has closed its connection) and the local settings. */
export async function eraseDatabase(onBlocked?: () => void): Promise<void> {
  await deleteDB(DATABASE_NAME, { blocked: () => onBlocked?.() });
  await deleteDB(EXIT_DATABASE_NAME);
  clearLocalSettings();
}
