/**
 * Persists the branch workspace (rounds and received results) in the site's IndexedDB database;
 * seals them with the passphrase key while the lock is on (branch-forms.ts).
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Entry, Round } from '../domain/branch/branch-schema';
import { DocumentConflictError } from '../domain/errors';
import type { DocumentChange } from '../domain/session/document-session';
import { BranchLockedError, decodeAll, decodeEntry, decodeRound, encodeEntry, encodeRound } from './branch-forms';
import { byArrival, byCreatedDesc, type BranchData, type BranchLock, type BranchStore } from './branch-store';
import { prepareEntry, prepareRound } from './branch-records';
import {
  BRANCH_ENTRIES_STORE,
  BRANCH_ROUNDS_STORE,
  BY_ROUND_INDEX,
  openReviewDatabase,
  SETTINGS_STORE,
  type OpenOptions,
  type ReviewDatabase,
} from './database';
import { LockKeeper } from './lock-keeper';
import { isLockSettings, LOCK_SETTING, LockChangedError } from './lock-settings';
import { describeStorageFailure, StorageWriteError } from './review-store';

/** BroadcastChannel for branch changes. Never rename (tabs of two versions must agree). */
export const BRANCH_CHANNEL = 'tu-soi-tu-sua:branch-changes';

const conflict = (id: string) => new DocumentConflictError(id, 'Đợt này vừa được sửa ở một thẻ hoặc cửa sổ khác.');

export class IdbBranchStore implements BranchStore {
  readonly kind = 'indexeddb' as const;
  readonly lock: BranchLock;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: DocumentChange) => void>();
  private readonly entryListeners = new Set<(roundId: string) => void>();

  /** `ownsKeeper`: the keeper was made for this store and is closed with it. */
  constructor(
    private readonly db: IDBPDatabase<ReviewDatabase>,
    private readonly keeper: LockKeeper = new LockKeeper(db),
    private readonly ownsKeeper = true,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(BRANCH_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as (Partial<DocumentChange> & { entriesOf?: unknown }) | null;
      if (data && typeof data.entriesOf === 'string') {
        for (const listener of this.entryListeners) listener(data.entriesOf);
      } else if (data && typeof data.id === 'string' && (typeof data.revision === 'number' || data.revision === null)) {
        for (const listener of this.listeners) listener({ id: data.id, revision: data.revision });
      }
    });
    // /chi-bo/ may only open and close the lock: the keeper does exactly that.
    this.lock = keeper;
  }

  static async open(options: OpenOptions = {}): Promise<IdbBranchStore> {
    return new IdbBranchStore(await openReviewDatabase(options));
  }

  async listRounds(): Promise<Round[]> {
    const raws = await this.db.getAll(BRANCH_ROUNDS_STORE);
    return (await decodeAll(raws, this.key(), decodeRound, this.keeper.plainAllowed())).sort(byCreatedDesc);
  }

  async get(id: string): Promise<Round | undefined> {
    return decodeRound(await this.db.get(BRANCH_ROUNDS_STORE, id), this.key(), this.keeper.plainAllowed());
  }

  async createRound(round: Round): Promise<Round> {
    const record = prepareRound({ ...round, revision: 0 });
    await this.write(
      (key) => encodeRound(record, key),
      async (tx, stored) => {
        await tx.objectStore(BRANCH_ROUNDS_STORE).add(stored);
      },
    );
    this.announce({ id: record.id, revision: 0 });
    return record;
  }

  async save(round: Round): Promise<Round> {
    const record = prepareRound({ ...round, revision: round.revision + 1 });
    await this.write(
      (key) => encodeRound(record, key),
      async (tx, stored) => {
        const rounds = tx.objectStore(BRANCH_ROUNDS_STORE);
        const current = (await rounds.get(record.id)) as { revision?: unknown } | undefined;
        if (current === undefined || current.revision !== round.revision) throw conflict(record.id);
        await rounds.put(stored);
      },
    );
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  async deleteRound(id: string): Promise<void> {
    await this.write(undefined, async (tx) => {
      await tx.objectStore(BRANCH_ROUNDS_STORE).delete(id);
      const entries = tx.objectStore(BRANCH_ENTRIES_STORE);
      for (const key of await entries.index(BY_ROUND_INDEX).getAllKeys(id)) await entries.delete(key);
    });
    this.announce({ id, revision: null });
  }

  async listEntries(roundId: string): Promise<Entry[]> {
    const raws = await this.db.getAllFromIndex(BRANCH_ENTRIES_STORE, BY_ROUND_INDEX, roundId);
    return (await decodeAll(raws, this.key(), decodeEntry, this.keeper.plainAllowed())).sort(byArrival);
  }

  async putEntries(entries: readonly Entry[]): Promise<void> {
    const records = entries.map(prepareEntry);
    await this.write(
      (key) => Promise.all(records.map((record) => encodeEntry(record, key))),
      async (tx, stored) => {
        // Issued together: one round trip for a batch of 40, not 40.
        const target = tx.objectStore(BRANCH_ENTRIES_STORE);
        await Promise.all(stored.map((record) => target.put(record)));
      },
    );
    for (const roundId of new Set(records.map((record) => record.roundId))) this.channel?.postMessage({ entriesOf: roundId });
  }

  async deleteEntry(id: string): Promise<void> {
    // The round id stays plain in a sealed entry: no key needed.
    const raw = (await this.db.get(BRANCH_ENTRIES_STORE, id)) as { roundId?: unknown } | undefined;
    await this.write(undefined, async (tx) => {
      await tx.objectStore(BRANCH_ENTRIES_STORE).delete(id);
    });
    if (typeof raw?.roundId === 'string') this.channel?.postMessage({ entriesOf: raw.roundId });
  }

  async getAll(): Promise<BranchData> {
    const key = this.key();
    const off = this.keeper.plainAllowed();
    const rounds = await decodeAll(await this.db.getAll(BRANCH_ROUNDS_STORE), key, decodeRound, off);
    const entries = await decodeAll(await this.db.getAll(BRANCH_ENTRIES_STORE), key, decodeEntry, off);
    return { rounds, entries };
  }

  onExternalChange(listener: (change: DocumentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEntriesChange(listener: (roundId: string) => void): () => void {
    this.entryListeners.add(listener);
    return () => this.entryListeners.delete(listener);
  }

  onLockChange(listener: () => void): () => void {
    return this.keeper.onChange(listener);
  }

  close(): void {
    if (this.ownsKeeper) this.keeper.close();
    this.channel?.close();
    this.db.close();
  }

  private key(): CryptoKey | undefined {
    return this.keeper.key()?.key;
  }

  /**
   * One read-write transaction over the branch stores (and the lock settings); only IndexedDB
   * requests are awaited inside. With `encode`, the records are encoded for the lock state this tab
   * knows, and the write is refused (BranchLockedError) unless those lock settings are still stored;
   * if the lock was turned off meanwhile, they are encoded plain and written once more.
   */
  private async write<T>(
    encode: ((key: CryptoKey | undefined) => Promise<T> | T) | undefined,
    body: (tx: BranchTx, encoded: T) => Promise<void>,
  ): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const current = this.keeper.key();
      const encoded = (encode ? await encode(current?.key) : undefined) as T;
      const tx = this.db.transaction([SETTINGS_STORE, BRANCH_ROUNDS_STORE, BRANCH_ENTRIES_STORE], 'readwrite');
      const run = async () => {
        if (encode) {
          const settings = await tx.objectStore(SETTINGS_STORE).get(LOCK_SETTING);
          const stored = isLockSettings(settings) ? settings.parameters.salt : undefined;
          if (stored !== current?.salt) throw new LockChangedError(stored !== undefined);
        }
        await body(tx, encoded);
      };
      try {
        await Promise.all([run(), tx.done]);
        return;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request, or committed.
        }
        if (error instanceof LockChangedError) {
          this.keeper.refused(error.nowLocked);
          if (error.nowLocked || attempt > 0) throw new BranchLockedError();
          continue;
        }
        if (error instanceof DocumentConflictError) throw error;
        throw new StorageWriteError(describeStorageFailure(error), error);
      }
    }
  }

  private announce(change: DocumentChange): void {
    this.channel?.postMessage(change);
  }
}

type BranchTx = IDBPTransaction<ReviewDatabase, ['settings', 'branch-rounds', 'branch-entries'], 'readwrite'>;
