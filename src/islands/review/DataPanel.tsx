/**
 * Backups, restore, the passphrase lock and erasing everything, one section per job. Loaded only
 * when the member opens it, to keep the page's first-load JavaScript small. The steps themselves
 * live in data-actions.ts (tested in Node); the sections render and forward events.
 */
import type { ReviewStore } from '../../storage/review-store';
import { BackupSection } from './data/BackupSection';
import { EraseSection } from './data/EraseSection';
import { LockSection } from './data/LockSection';
import { RestoreSection } from './data/RestoreSection';

interface Props {
  store: ReviewStore;
  /** Called after anything that changes the stored reviews or the last backup time. */
  onChanged: () => void;
}

export default function DataPanel({ store, onChanged }: Props) {
  return (
    <div class="data-panel">
      <BackupSection store={store} onChanged={onChanged} />
      <RestoreSection store={store} onChanged={onChanged} />
      {store.kind === 'indexeddb' && <LockSection store={store} onChanged={onChanged} />}
      <EraseSection store={store} />
    </div>
  );
}
