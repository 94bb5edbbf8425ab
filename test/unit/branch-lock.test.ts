/** The passphrase lock covers the branch workspace: sealed rounds and entries, one shared lock state, one rewrite. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeVerifiedBackup } from '../../src/islands/review/data-actions';
import { createReview, setAnswer } from '../../src/domain/review-model';
import { WrongPassphraseError } from '../../src/domain/sealed';
import { DocumentSession } from '../../src/domain/session/document-session';
import type { Round } from '../../src/domain/branch/branch-schema';
import { BranchLockedError, UnreadableBranchDataError } from '../../src/storage/branch-forms';
import { IdbBranchStore } from '../../src/storage/branch-idb-store';
import {
  BRANCH_ENTRIES_STORE,
  BRANCH_ROUNDS_STORE,
  DATABASE_NAME,
  openReviewDatabase,
  REVIEWS_STORE,
  SETTINGS_STORE,
} from '../../src/storage/database';
import { IdbReviewStore } from '../../src/storage/idb-review-store';
import { LockKeeper } from '../../src/storage/lock-keeper';
import { branchEntry, branchRound, branchWorkspace } from './branch-fixture';

const PASSPHRASE = 'một mật khẩu đủ dài';
const now = new Date('2026-06-01T08:00:00Z');
const review = (id: string) =>
  setAnswer(createReview({ id, checklistId: 'nq04-27', period: `Kỳ ${id}`, now }), 'I-1', { observed: 'Nhận xét riêng tư' });
const opened: { close(): void }[] = [];

async function reviewTab(): Promise<IdbReviewStore> {
  const store = await IdbReviewStore.open();
  opened.push(store);
  return store;
}

async function branchTab(): Promise<IdbBranchStore> {
  const store = await IdbBranchStore.open();
  opened.push(store);
  return store;
}

/** Every raw record of the branch stores, as JSON. */
async function rawBranch(): Promise<{ rounds: unknown[]; entries: unknown[]; json: string }> {
  const db = await openReviewDatabase();
  const [rounds, entries] = [await db.getAll(BRANCH_ROUNDS_STORE), await db.getAll(BRANCH_ENTRIES_STORE)];
  db.close();
  return { rounds, entries, json: JSON.stringify([rounds, entries]) };
}

/** Lets BroadcastChannel messages between the "tabs" arrive. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

async function storeWorkspace(store: IdbBranchStore): Promise<void> {
  const { rounds, entries } = branchWorkspace();
  for (const round of rounds) await store.createRound(round);
  await store.putEntries(entries);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) store.close();
});

describe('branch data under the passphrase lock', () => {
  it('stores rounds and entries sealed: no branch or member name in the raw records, ids, revision and round id readable', async () => {
    const reviews = await reviewTab();
    await reviews.lock.enable(PASSPHRASE);
    const branch = await branchTab();
    expect(await branch.lock.status()).toBe('locked');
    await branch.lock.unlock(PASSPHRASE);

    await storeWorkspace(branch);

    const raw = await rawBranch();
    expect(raw.rounds).toHaveLength(2);
    expect(raw.entries).toHaveLength(3);
    for (const name of ['Chi bộ Khu phố Ba', 'Chi bộ Trường Tiểu học', 'Trần Thị Bình', 'Lê Văn Cường', '6 tháng đầu năm'])
      expect(raw.json).not.toContain(name);
    expect(raw.rounds).toContainEqual({ id: 'd1', revision: 0, sealed: expect.any(Object) as unknown });
    expect(raw.entries).toContainEqual({ id: 'e3', roundId: 'd2', sealed: expect.any(Object) as unknown });
    // Read back through the store as stored.
    expect((await branch.listRounds()).map((round) => round.branchName).sort()).toEqual([
      'Chi bộ Khu phố Ba',
      'Chi bộ Trường Tiểu học',
    ]);
    expect((await branch.listEntries('d1')).map((entry) => entry.id)).toEqual(['e1', 'e2']);
  });

  it('refuses reads and writes without the key with BranchLockedError, and writes nothing', async () => {
    const first = await branchTab();
    await storeWorkspace(first);
    await (await reviewTab()).lock.enable(PASSPHRASE);

    const locked = await branchTab();
    expect(await locked.lock.status()).toBe('locked');
    await expect(locked.listRounds()).rejects.toBeInstanceOf(BranchLockedError);
    await expect(locked.get('d1')).rejects.toBeInstanceOf(BranchLockedError);
    await expect(locked.listEntries('d1')).rejects.toBeInstanceOf(BranchLockedError);
    await expect(locked.getAll()).rejects.toBeInstanceOf(BranchLockedError);
    await expect(locked.createRound(branchRound('d3', 'Chi bộ Mới'))).rejects.toBeInstanceOf(BranchLockedError);
    await expect(locked.lock.unlock('mật khẩu sai hoàn toàn')).rejects.toBeInstanceOf(WrongPassphraseError);

    const raw = await rawBranch();
    expect(raw.rounds).toHaveLength(2);
    expect(raw.json).not.toContain('Chi bộ Mới');
  });

  it('turns the lock on and off over reviews and branch data in one transaction, round-tripping both', async () => {
    const reviews = await reviewTab();
    await reviews.create(review('r1'));
    const branch = await branchTab();
    await storeWorkspace(branch);
    const before = await branch.getAll();
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    /** The read-write transactions opened on the site's database since the last call. */
    const writes = () => {
      const found = spy.mock.calls
        .map(([names, mode], index) => ({ names: [names].flat(), mode, db: spy.mock.contexts[index] as IDBDatabase }))
        .filter(({ mode, db }) => mode === 'readwrite' && db.name === DATABASE_NAME)
        .map(({ names }) => names);
      spy.mockClear();
      return found;
    };

    await reviews.lock.enable(PASSPHRASE);

    const enabling = writes();
    expect(enabling).toHaveLength(1);
    expect(enabling[0]).toEqual(
      expect.arrayContaining([REVIEWS_STORE, SETTINGS_STORE, BRANCH_ROUNDS_STORE, BRANCH_ENTRIES_STORE]),
    );
    const sealed = await rawBranch();
    expect(sealed.json).not.toContain('Trần Thị Bình');
    expect(sealed.json).not.toContain('Chi bộ Khu phố Ba');
    const db = await openReviewDatabase();
    expect(JSON.stringify(await db.get(REVIEWS_STORE, 'r1'))).not.toContain('Nhận xét riêng tư');
    db.close();
    // The review store's page reads the branch data with the same key (a backup on /tu-soi/).
    expect(await reviews.getBranchData()).toEqual(before);

    writes();
    await reviews.lock.disable();

    expect(writes()).toHaveLength(1);
    const plain = await rawBranch();
    expect(plain.json).toContain('Trần Thị Bình');
    expect(plain.rounds.every((round) => !('sealed' in (round as object)))).toBe(true);
    const reread = await branchTab();
    expect(await reread.lock.status()).toBe('off');
    expect(await reread.getAll()).toEqual(before);
    expect((await reviews.get('r1'))?.answers['I-1']?.observed).toBe('Nhận xét riêng tư');
  });

  it('re-reads the lock when another tab turns it off or on, and never writes with a key that no longer fits', async () => {
    const reviews = await reviewTab();
    await reviews.lock.enable(PASSPHRASE);
    const branch = await branchTab();
    await branch.lock.unlock(PASSPHRASE);
    const created = await branch.createRound(branchRound('d1'));
    let told = 0;
    branch.lock.onChange(() => (told += 1));

    // Turned off elsewhere: this tab's next save is written plain.
    await reviews.lock.disable();
    const saved = await branch.save({ ...created, branchName: 'Chi bộ Đổi tên' });
    expect(saved.revision).toBe(1);
    expect((await rawBranch()).json).toContain('Chi bộ Đổi tên');
    expect(await branch.lock.status()).toBe('off');

    // Turned on elsewhere with another passphrase: refused, nothing plain written, this tab is locked.
    await reviews.lock.enable('một mật khẩu khác hẳn');
    await delivered();
    await expect(branch.save({ ...saved, branchName: 'Chi bộ Lộ tên' })).rejects.toBeInstanceOf(BranchLockedError);
    expect((await rawBranch()).json).not.toContain('Chi bộ Lộ tên');
    expect(await branch.lock.status()).toBe('locked');
    expect(told).toBeGreaterThan(0);
  });

  it('"Khóa ngay" everywhere locks the other tabs too; the plain lock-now only this one', async () => {
    const reviews = await reviewTab();
    await reviews.lock.enable(PASSPHRASE);
    const branch = await branchTab();
    await branch.lock.unlock(PASSPHRASE);

    reviews.lock.lockNow();
    await delivered();
    expect(await reviews.lock.status()).toBe('locked');
    expect(await branch.lock.status()).toBe('unlocked');

    await reviews.lock.unlock(PASSPHRASE);
    branch.lock.lockNow(true);
    await delivered();
    expect(await branch.lock.status()).toBe('locked');
    expect(await reviews.lock.status()).toBe('locked');
  });

  it('shares one lock state between the review store and the branch store of a page', async () => {
    const db = await openReviewDatabase();
    const keeper = new LockKeeper(db);
    const reviews = new IdbReviewStore(db, undefined, keeper);
    const branch = new IdbBranchStore(db, keeper, false);
    opened.push(reviews);
    await reviews.lock.enable(PASSPHRASE);
    expect(await branch.lock.status()).toBe('unlocked');
    await branch.createRound(branchRound('d1'));
    branch.lock.lockNow();
    expect(await reviews.lock.status()).toBe('locked');
    await expect(branch.listRounds()).rejects.toBeInstanceOf(BranchLockedError);
  });

  it('keeps an edit refused because the data got locked, and saves it once unlocked', async () => {
    const reviews = await reviewTab();
    await reviews.lock.enable(PASSPHRASE);
    const branch = await branchTab();
    await branch.lock.unlock(PASSPHRASE);
    await branch.createRound(branchRound('d1'));
    const session = new DocumentSession<Round>({ port: branch, id: 'd1', delayMs: 0 });
    await session.start();

    branch.lock.lockNow();
    session.update((round) => ({ ...round, branchName: 'Chi bộ sửa trong lúc khóa' }));
    await session.flush();
    expect(session.getSnapshot().saveState.kind).toBe('locked');

    await branch.lock.unlock(PASSPHRASE);
    await vi.waitFor(() => expect(session.getSnapshot().saveState.kind).toBe('saved'));
    expect(await branch.get('d1')).toMatchObject({ revision: 1, branchName: 'Chi bộ sửa trong lúc khóa' });
    session.dispose();
  });

  it('puts the branch data in a backup made with the lock on, restores it sealed, and erases it', async () => {
    const reviews = await reviewTab();
    await reviews.create(review('r1'));
    await reviews.lock.enable(PASSPHRASE);
    const branch = await branchTab();
    await branch.lock.unlock(PASSPHRASE);
    await storeWorkspace(branch);

    const made = await makeVerifiedBackup({ store: reviews, unsaved: [], now });
    expect(made.text).toContain('Trần Thị Bình');
    expect(made.text).toContain('Chi bộ Khu phố Ba');
    expect(made.rounds).toBe(2);

    // A restore while the lock is on writes the restored rounds sealed.
    const restored = branchRound('d9', 'Chi bộ Khôi phục');
    await reviews.putMany([], [{ round: restored, entries: [branchEntry(restored, 'e9', [], 'Phạm Thị Dung')] }]);
    const raw = await rawBranch();
    expect(raw.json).not.toContain('Chi bộ Khôi phục');
    expect(raw.json).not.toContain('Phạm Thị Dung');
    expect((await branch.get('d9'))?.branchName).toBe('Chi bộ Khôi phục');

    // A locked page cannot make a backup (as for reviews), but can still erase everything.
    const locked = await reviewTab();
    await expect(locked.getBranchData()).rejects.toBeInstanceOf(BranchLockedError);
    for (const store of opened.splice(0)) if (store !== locked) store.close();
    await locked.erase();
    const fresh = await branchTab();
    expect(await fresh.lock.status()).toBe('off');
    expect(await fresh.listRounds()).toEqual([]);
  });

  it('refuses to turn the lock off while a sealed round cannot be opened, and changes nothing (fail closed)', async () => {
    const reviews = await reviewTab();
    await reviews.lock.enable(PASSPHRASE);
    const branch = await branchTab();
    await branch.lock.unlock(PASSPHRASE);
    await storeWorkspace(branch);
    // Damage one sealed round: its ciphertext no longer opens with the key.
    const db = await openReviewDatabase();
    const stored = (await db.get(BRANCH_ROUNDS_STORE, 'd1')) as { sealed: { iv: string; data: string } };
    await db.put(BRANCH_ROUNDS_STORE, { ...stored, sealed: { ...stored.sealed, data: `AAAA${stored.sealed.data.slice(4)}` } });
    db.close();
    const before = await rawBranch();

    await expect(reviews.lock.disable()).rejects.toBeInstanceOf(UnreadableBranchDataError);
    expect(await reviews.lock.status()).toBe('unlocked');
    expect((await rawBranch()).json).toBe(before.json);
    // The readable data stays usable meanwhile; the damaged round is left out, not shown as locked.
    expect((await branch.listRounds()).map((round) => round.id)).toEqual(['d2']);
  });

  it('with the lock off, a sealed leftover is left out instead of locking the whole workspace', async () => {
    const branch = await branchTab();
    await storeWorkspace(branch);
    const db = await openReviewDatabase();
    await db.put(BRANCH_ROUNDS_STORE, { id: 'old', revision: 0, sealed: { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' } });
    db.close();
    expect(await branch.lock.status()).toBe('off');
    expect((await branch.listRounds()).map((round) => round.id).sort()).toEqual(['d1', 'd2']);
    expect((await branch.getAll()).rounds).toHaveLength(2);
  });
});
