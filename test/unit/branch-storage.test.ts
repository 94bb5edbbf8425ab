import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/branch/branch-schema';
import { createRound, entryFor, planAddition, receivedFromPaper } from '../../src/domain/branch/entries';
import { DocumentConflictError } from '../../src/domain/errors';
import { createReview } from '../../src/domain/review-model';
import { IdbBranchStore } from '../../src/storage/branch-idb-store';
import { MemoryBranchStore } from '../../src/storage/branch-memory-store';
import type { BranchStore } from '../../src/storage/branch-store';
import { BRANCH_ENTRIES_STORE, BRANCH_ROUNDS_STORE, openReviewDatabase, REVIEWS_STORE } from '../../src/storage/database';
import { IdbReviewStore } from '../../src/storage/idb-review-store';

const now = new Date('2026-06-01T08:00:00Z');
const round = createRound({ id: 'round-1', now, checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', memberCount: 12 });

function paperEntry(id: string, existing: readonly Entry[]): Entry {
  const incoming = receivedFromPaper({ id, round, levels: { 'I-1': 'some' } });
  return entryFor(round, existing, incoming, planAddition(round, existing, incoming), { id, now });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const stores: [string, () => Promise<BranchStore>][] = [
  ['IndexedDB', () => IdbBranchStore.open()],
  ['memory', () => Promise.resolve(new MemoryBranchStore())],
];

describe.each(stores)('%s branch store', (_name, open) => {
  it('keeps rounds and entries exactly as saved', async () => {
    const store = await open();
    await store.createRound(round);
    const first = paperEntry('e1', []);
    const second = paperEntry('e2', [first]);
    await store.putEntries([second, first]);
    expect(await store.get('round-1')).toEqual(round);
    expect(await store.listEntries('round-1')).toEqual([first, second]);
    expect((await store.getAll()).entries).toHaveLength(2);
  });

  it('refuses a save over another tab’s newer revision', async () => {
    const store = await open();
    await store.createRound(round);
    const saved = await store.save({ ...round, branchName: 'Chi bộ 1' });
    expect(saved.revision).toBe(1);
    await expect(store.save({ ...round, branchName: 'Chi bộ 2' })).rejects.toBeInstanceOf(DocumentConflictError);
    expect((await store.get('round-1'))?.branchName).toBe('Chi bộ 1');
  });

  it('writes nothing of a batch that holds one invalid entry', async () => {
    const store = await open();
    await store.createRound(round);
    const good = paperEntry('e1', []);
    await expect(store.putEntries([good, { ...good, id: 'e2', levels: { 'I-1': 'bad' as 'some' } }])).rejects.toThrow();
    expect(await store.listEntries('round-1')).toEqual([]);
  });

  it('deletes a round with its entries', async () => {
    const store = await open();
    await store.createRound(round);
    await store.putEntries([paperEntry('e1', [])]);
    await store.deleteRound('round-1');
    expect(await store.listRounds()).toEqual([]);
    expect(await store.listEntries('round-1')).toEqual([]);
  });
});

describe('branch data in the site database', () => {
  it('upgrades a version-2 database with a review: the review stays, the branch stores appear', async () => {
    const old = await openReviewDatabase({ version: 2 });
    expect([...old.objectStoreNames].sort()).toEqual(['reviews', 'settings', 'summaries']);
    await old.put(REVIEWS_STORE, createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Cuối năm 2025', now }));
    old.close();

    const branch = await IdbBranchStore.open();
    await branch.createRound(round);
    branch.close();
    const reviews = await IdbReviewStore.open();
    expect((await reviews.get('r1'))?.period).toBe('Cuối năm 2025');
    reviews.close();
    const db = await openReviewDatabase();
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining([BRANCH_ROUNDS_STORE, BRANCH_ENTRIES_STORE]));
    db.close();
  });

  it('is erased with everything else', async () => {
    const branch = await IdbBranchStore.open();
    await branch.createRound(round);
    branch.close();
    await (await IdbReviewStore.open()).erase();
    const after = await IdbBranchStore.open();
    expect(await after.listRounds()).toEqual([]);
    after.close();
  });
});
