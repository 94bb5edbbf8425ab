/** Keeps the branch workspace in memory only, for this page's lifetime (no IndexedDB, and UI tests). */
import type { Entry, Round } from '../domain/branch/branch-schema';
import { DocumentConflictError } from '../domain/errors';
import type { DocumentChange } from '../domain/session/document-session';
import { prepareEntry, prepareRound, readEntry, readRound } from './branch-records';
import { byArrival, byCreatedDesc, type BranchData, type BranchStore } from './branch-store';

/** What the page says when it works on this store (the browser refused IndexedDB). */
export const MEMORY_WARNING =
  'Không mở được bộ nhớ của trình duyệt (có thể do cửa sổ ẩn danh). Bạn vẫn tổng hợp được, nhưng khi đóng trang mọi thứ sẽ mất.';

export class MemoryBranchStore implements BranchStore {
  readonly kind = 'memory' as const;
  private readonly rounds = new Map<string, string>();
  private readonly entries = new Map<string, string>();

  listRounds(): Promise<Round[]> {
    return Promise.resolve(this.all(this.rounds, readRound).sort(byCreatedDesc));
  }

  get(id: string): Promise<Round | undefined> {
    const raw = this.rounds.get(id);
    return Promise.resolve(raw === undefined ? undefined : readRound(JSON.parse(raw)));
  }

  async createRound(round: Round): Promise<Round> {
    await Promise.resolve();
    const record = prepareRound({ ...round, revision: 0 });
    if (this.rounds.has(record.id)) throw new DocumentConflictError(record.id);
    this.rounds.set(record.id, JSON.stringify(record));
    return record;
  }

  async save(round: Round): Promise<Round> {
    const current = await this.get(round.id);
    if (!current || current.revision !== round.revision) throw new DocumentConflictError(round.id);
    const record = prepareRound({ ...round, revision: round.revision + 1 });
    this.rounds.set(record.id, JSON.stringify(record));
    return record;
  }

  deleteRound(id: string): Promise<void> {
    this.rounds.delete(id);
    for (const entry of this.all(this.entries, readEntry)) if (entry.roundId === id) this.entries.delete(entry.id);
    return Promise.resolve();
  }

  listEntries(roundId: string): Promise<Entry[]> {
    return Promise.resolve(
      this.all(this.entries, readEntry)
        .filter((entry) => entry.roundId === roundId)
        .sort(byArrival),
    );
  }

  async putEntries(entries: readonly Entry[]): Promise<void> {
    await Promise.resolve();
    const records = entries.map(prepareEntry); // validates all before writing any
    for (const record of records) this.entries.set(record.id, JSON.stringify(record));
  }

  deleteEntry(id: string): Promise<void> {
    this.entries.delete(id);
    return Promise.resolve();
  }

  getAll(): Promise<BranchData> {
    return Promise.resolve({ rounds: this.all(this.rounds, readRound), entries: this.all(this.entries, readEntry) });
  }

  onExternalChange(_listener: (change: DocumentChange) => void): () => void {
    return () => undefined;
  }

  onEntriesChange(_listener: (roundId: string) => void): () => void {
    return () => undefined;
  }

  close(): void {
    // Nothing to release.
  }

  private all<T>(map: Map<string, string>, read: (raw: unknown) => T | undefined): T[] {
    return [...map.values()].map((raw) => read(JSON.parse(raw))).filter((value): value is T => value !== undefined);
  }
}
