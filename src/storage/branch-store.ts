/** The storage interface the branch workspace receives; implementations: IndexedDB and in-memory. */
import type { Entry, Round } from '../domain/branch/branch-schema';
import type { DocumentChange, DocumentPort } from '../domain/session/document-session';
import type { LockStatus } from './review-store';

export interface BranchData {
  readonly rounds: readonly Round[];
  readonly entries: readonly Entry[];
}

/** What /chi-bo/ may do with the passphrase lock: open it and close it (turning it on or off is at /tu-soi/). */
export interface BranchLock {
  status(): Promise<LockStatus>;
  /** Opens the data with the passphrase; throws WrongPassphraseError. */
  unlock(passphrase: string): Promise<void>;
  /** Forgets the key; `everywhere` locks every open tab of the site too. */
  lockNow(everywhere?: boolean): void;
  /** Calls the listener when the lock was turned on, off, opened or closed, here or in another tab. */
  onChange(listener: () => void): () => void;
  /** The auto-lock delay chosen at /tu-soi/, in minutes (0: never). */
  autoLockMinutes(): Promise<number>;
}

export interface BranchStore extends DocumentPort<Round> {
  /** "indexeddb" keeps data on the device; "memory" loses it when the page closes. */
  readonly kind: 'indexeddb' | 'memory';
  /** The passphrase lock, where the store can be locked (not in memory). */
  readonly lock?: BranchLock;
  /** Every readable round, most recently created first. */
  listRounds(): Promise<Round[]>;
  /** One round; undefined when absent or unreadable. */
  get(id: string): Promise<Round | undefined>;
  /** Stores a new round (revision 0). */
  createRound(round: Round): Promise<Round>;
  /** Saves a round whose stored revision is still `round.revision`; throws DocumentConflictError otherwise. */
  save(round: Round): Promise<Round>;
  /** Deletes a round and its entries. */
  deleteRound(id: string): Promise<void>;
  /** The readable entries of a round, in arrival order. */
  listEntries(roundId: string): Promise<Entry[]>;
  /** Writes entries (new or replacing the same id) in one transaction: all or nothing. */
  putEntries(entries: readonly Entry[]): Promise<void>;
  /** Deletes one entry. */
  deleteEntry(id: string): Promise<void>;
  /** Everything, for a backup. Throws BranchLockedError while locked. */
  getAll(): Promise<BranchData>;
  /** Calls the listener when another tab changes a round or its entries . */
  onExternalChange(listener: (change: DocumentChange) => void): () => void;
  /** Calls the listener when another tab adds, replaces or deletes entries of a round. */
  onEntriesChange(listener: (roundId: string) => void): () => void;
  close(): void;
}

export const byArrival = (a: Entry, b: Entry) => a.number - b.number;
export const byCreatedDesc = (a: Round, b: Round) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
