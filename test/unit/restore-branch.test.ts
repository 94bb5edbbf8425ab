import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../src/domain/backup';
import { createReview } from '../../src/domain/review-model';
import type { Review } from '../../src/domain/review-schema';
import { applyRestore, backupSavedMessage, makeVerifiedBackup, readRestoreFile } from '../../src/islands/review/data-actions';
import { IdbBranchStore } from '../../src/storage/branch-idb-store';
import { IdbReviewStore } from '../../src/storage/idb-review-store';
import { MemoryReviewStore } from '../../src/storage/memory-review-store';
import { branchEntry, branchWorkspace } from './branch-fixture';

const now = new Date('2026-06-02T09:00:00Z');
const review = (id: string) => createReview({ id, checklistId: 'nq04-27', period: `Kỳ ${id}`, now });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function fillBranch(): Promise<void> {
  const branch = await IdbBranchStore.open();
  const { rounds, entries } = branchWorkspace();
  for (const round of rounds) await branch.createRound(round);
  await branch.putEntries(entries);
  branch.close();
}

describe('backup and restore of the branch workspace (IndexedDB)', () => {
  it('a backup made from /tu-soi/ holds the branch rounds and entries, verified by reading back', async () => {
    await fillBranch();
    const store = await IdbReviewStore.open();
    await store.create(review('a'));
    const made = await makeVerifiedBackup({ store, unsaved: [], now });
    expect(made.rounds).toBe(2);
    const read = await readBackup(made.text);
    expect(read.branch.rounds.map((round) => round.id).sort()).toEqual(['d1', 'd2']);
    expect(read.branch.entries.map((entry) => entry.name).sort()).toEqual(['Lê Văn Cường', 'Trần Thị Bình', 'Trần Thị Bình']);
    expect(backupSavedMessage(made, false, true)).toMatch(/1 bản tự soi và 2 đợt của chi bộ/);
    store.close();
  });

  it('backs up branch data alone (no review yet)', async () => {
    await fillBranch();
    const store = await IdbReviewStore.open();
    const made = await makeVerifiedBackup({ store, unsaved: [], now });
    expect([made.count, made.rounds]).toEqual([0, 2]);
    store.close();
  });

  it('restores into an erased device: the /chi-bo/ store reads every round and entry back', async () => {
    await fillBranch();
    const source = await IdbReviewStore.open();
    await source.create(review('a'));
    const made = await makeVerifiedBackup({ store: source, unsaved: [], now, passphrase: 'mật khẩu dài', iterations: 100_000 });
    await source.erase();

    const target = await IdbReviewStore.open();
    const outcome = await readRestoreFile(made.text, 'mật khẩu dài', target);
    if (outcome.kind !== 'preview') throw new Error(outcome.message);
    expect(outcome.preview.branch.added.map((item) => [item.round.id, item.entries.length])).toEqual([
      ['d1', 2],
      ['d2', 1],
    ]);
    expect(await applyRestore(target, outcome.preview)).toBe(
      'Đã khôi phục: thêm 1, thay 0, giữ nguyên 0 bản tự soi; thêm 2, thay 0, giữ nguyên 0 đợt của chi bộ.',
    );
    target.close();
    const branch = await IdbBranchStore.open();
    expect((await branch.listRounds()).map((round) => round.id).sort()).toEqual(['d1', 'd2']);
    expect((await branch.listEntries('d1')).map((entry) => entry.name)).toEqual(['Trần Thị Bình', 'Lê Văn Cường']);
    branch.close();
  });

  it('a replaced round takes the file’s entries, and moves past the stored revision', async () => {
    await fillBranch();
    const store = await IdbReviewStore.open();
    const made = await makeVerifiedBackup({ store, unsaved: [], now });
    // After the backup, the secretary renames round d1 and receives one more result in it.
    const branch = await IdbBranchStore.open();
    const d1 = await branch.get('d1');
    if (!d1) throw new Error('fixture');
    const renamed = await branch.save({ ...d1, branchName: 'Tên mới' });
    await branch.putEntries([branchEntry(renamed, 'e9', await branch.listEntries('d1'), 'Người Sau')]);

    const outcome = await readRestoreFile(made.text, undefined, store);
    if (outcome.kind !== 'preview') throw new Error(outcome.message);
    expect(
      outcome.preview.branch.replaced.map((item) => [item.incoming.round.id, item.existing.branchName, item.existing.entryCount]),
    ).toEqual([['d1', 'Tên mới', 3]]);
    expect(outcome.preview.branch.unchanged.map((item) => item.round.id)).toEqual(['d2']);
    await applyRestore(store, outcome.preview);
    const restored = await branch.get('d1');
    expect(restored?.branchName).toBe('Chi bộ Khu phố Ba');
    expect(restored?.revision).toBeGreaterThan(renamed.revision);
    expect((await branch.listEntries('d1')).map((entry) => entry.id)).toEqual(['e1', 'e2']);
    expect((await branch.listEntries('d2')).map((entry) => entry.id)).toEqual(['e3']);
    branch.close();
    store.close();
  });

  it('writes nothing, of reviews or branch data, when one restored record is invalid', async () => {
    const store = await IdbReviewStore.open();
    const { rounds, entries } = branchWorkspace();
    const bad = { ...review('b'), period: '' } as Review;
    await expect(
      store.putMany(
        [review('a'), bad],
        rounds.map((round) => ({ round, entries: entries.filter((entry) => entry.roundId === round.id) })),
      ),
    ).rejects.toThrow();
    expect(await store.getAll()).toEqual([]);
    expect(await store.getBranchData()).toEqual({ rounds: [], entries: [] });
    store.close();
  });
});

describe('the memory store (no IndexedDB) carries restored branch data too', () => {
  it('restores and backs up again the same rounds and entries', async () => {
    const source = new MemoryReviewStore();
    const data = branchWorkspace();
    await source.putMany(
      [review('a')],
      data.rounds.map((round) => ({ round, entries: data.entries.filter((entry) => entry.roundId === round.id) })),
    );
    const made = await makeVerifiedBackup({ store: source, unsaved: [], now });
    expect((await readBackup(made.text)).branch).toEqual(data);
  });
});
