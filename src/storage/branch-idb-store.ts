/** Persists the branch workspace (rounds and received results) in the site's IndexedDB database. */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Entry, Round } from '../domain/branch/branch-schema';
import { DocumentConflictError } from '../domain/errors';
import type { DocumentChange } from '../domain/session/document-session';
import { byArrival, byCreatedDesc, type BranchData, type BranchStore } from './branch-store';
import { prepareEntry, prepareRound, readEntry, readRound } from './branch-records';
import {
  BRANCH_ENTRIES_STORE,
  BRANCH_ROUNDS_STORE,
  BY_ROUND_INDEX,
  openReviewDatabase,
  type OpenOptions,
  type ReviewDatabase,
} from './database';
import { describeStorageFailure, StorageWriteError } from './review-store';

/** BroadcastChannel for branch changes. Never rename (tabs of two versions must agree). */
export const BRANCH_CHANNEL = 'tu-soi-tu-sua:branch-changes';

const conflict = (id: string) => new DocumentConflictError(id, 'Đợt này vừa được sửa ở một thẻ hoặc cửa sổ khác.');

export class IdbBranchStore implements BranchStore {
  readonly kind = 'indexeddb' as const;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(change: DocumentChange) => void>();
  private readonly entryListeners = new Set<(roundId: string) => void>();

  constructor(private readonly db: IDBPDatabase<ReviewDatabase>) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(BRANCH_CHANNEL);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as (Partial<DocumentChange> & { entriesOf?: unknown }) | null;
      if (data && typeof data.entriesOf === 'string') {
        for (const listener of this.entryListeners) listener(data.entriesOf);
      } else if (data && typeof data.id === 'string' && (typeof data.revision === 'number' || data.revision === null)) {
        for (const listener of this.listeners) listener({ id: data.id, revision: data.revision });
      }
    });
  }

  static async open(options: OpenOptions = {}): Promise<IdbBranchStore> {
    return new IdbBranchStore(await openReviewDatabase(options));
  }

  async listRounds(): Promise<Round[]> {
    const raws = await this.db.getAll(BRANCH_ROUNDS_STORE);
    return raws
      .map(readRound)
      .filter((round) => round !== undefined)
      .sort(byCreatedDesc);
  }

  async get(id: string): Promise<Round | undefined> {
    return readRound(await this.db.get(BRANCH_ROUNDS_STORE, id));
  }

  async createRound(round: Round): Promise<Round> {
    const record = prepareRound({ ...round, revision: 0 });
    await this.write(async (tx) => {
      await tx.objectStore(BRANCH_ROUNDS_STORE).add(record);
    });
    this.announce({ id: record.id, revision: 0 });
    return record;
  }

  async save(round: Round): Promise<Round> {
    const record = prepareRound({ ...round, revision: round.revision + 1 });
    await this.write(async (tx) => {
      const rounds = tx.objectStore(BRANCH_ROUNDS_STORE);
      const current = (await rounds.get(record.id)) as { revision?: unknown } | undefined;
      if (current === undefined || current.revision !== round.revision) {
        tx.abort();
        throw conflict(record.id);
      }
      await rounds.put(record);
    });
    this.announce({ id: record.id, revision: record.revision });
    return record;
  }

  async deleteRound(id: string): Promise<void> {
    await this.write(async (tx) => {
      await tx.objectStore(BRANCH_ROUNDS_STORE).delete(id);
      const entries = tx.objectStore(BRANCH_ENTRIES_STORE);
      for (const key of await entries.index(BY_ROUND_INDEX).getAllKeys(id)) await entries.delete(key);
    });
    this.announce({ id, revision: null });
  }

  async listEntries(roundId: string): Promise<Entry[]> {
    const raws = await this.db.getAllFromIndex(BRANCH_ENTRIES_STORE, BY_ROUND_INDEX, roundId);
    return raws
      .map(readEntry)
      .filter((entry) => entry !== undefined)
      .sort(byArrival);
  }

  async putEntries(entries: readonly Entry[]): Promise<void> {
    const records = entries.map(prepareEntry);
    await this.write(async (tx) => {
      for (const record of records) await tx.objectStore(BRANCH_ENTRIES_STORE).put(record);
    });
    for (const roundId of new Set(records.map((record) => record.roundId))) this.channel?.postMessage({ entriesOf: roundId });
  }

  async deleteEntry(id: string): Promise<void> {
    const raw = readEntry(await this.db.get(BRANCH_ENTRIES_STORE, id));
    await this.write(async (tx) => {
      await tx.objectStore(BRANCH_ENTRIES_STORE).delete(id);
    });
    if (raw) this.channel?.postMessage({ entriesOf: raw.roundId });
  }

  async getAll(): Promise<BranchData> {
    const rounds = (await this.db.getAll(BRANCH_ROUNDS_STORE)).map(readRound).filter((r) => r !== undefined);
    const entries = (await this.db.getAll(BRANCH_ENTRIES_STORE)).map(readEntry).filter((e) => e !== undefined);
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

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  /** One read-write transaction over the branch stores; only IndexedDB requests awaited inside. */
  private async write(body: (tx: BranchTx) => Promise<void>): Promise<void> {
    const tx = this.db.transaction([BRANCH_ROUNDS_STORE, BRANCH_ENTRIES_STORE], 'readwrite');
    try {
      await Promise.all([body(tx), tx.done]);
    } catch (error) {
      if (error instanceof DocumentConflictError) throw error;
      throw new StorageWriteError(describeStorageFailure(error), error);
    }
  }

  private announce(change: DocumentChange): void {
    this.channel?.postMessage(change);
  }
}

type BranchTx = IDBPTransaction<ReviewDatabase, ['branch-rounds', 'branch-entries'], 'readwrite'>;
