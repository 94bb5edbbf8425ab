import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createReview, setAnswer } from '../../src/domain/review-model';
import { DATABASE_NAME, openReviewDatabase, REVIEWS_STORE } from '../../src/storage/database';
import { IdbReviewStore } from '../../src/storage/idb-review-store';
import { MemoryReviewStore } from '../../src/storage/memory-review-store';
import { ReviewConflictError, type ReviewStore } from '../../src/storage/review-store';
import { fullReview, loadFixture } from './helpers';

const now = new Date('2022-05-20T02:00:00Z');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const stores: [string, () => Promise<ReviewStore>][] = [
  ['IndexedDB', () => IdbReviewStore.open()],
  ['memory', () => Promise.resolve(new MemoryReviewStore())],
];

describe.each(stores)('%s review store', (_name, open) => {
  it('keeps a full review exactly as saved', async () => {
    const store = await open();
    const review = fullReview();

    const created = await store.create(review);
    const loaded = await store.get(review.id);

    expect(loaded).toEqual(created);
    expect(loaded?.actions).toHaveLength(27);
    store.close();
  });

  it('stores decomposed (NFD) text as NFC', async () => {
    const store = await open();
    const typed = 'Nói không đi đôi với làm'.normalize('NFD');
    const review = setAnswer(createReview({ id: 'nfd', checklistId: 'nq04-27', period: 'Kỳ', now }), 'I-6', { observed: typed });
    // Bypass the model's own normalisation to prove the store normalises too.
    const raw = { ...review, answers: { 'I-6': { ...review.answers['I-6']!, observed: typed } } };

    await store.create(raw);
    const loaded = await store.get('nfd');

    expect(loaded?.answers['I-6']?.observed).toBe(typed.normalize('NFC'));
    store.close();
  });

  it('bumps the revision on save and refuses a stale save', async () => {
    const store = await open();
    const created = await store.create(createReview({ id: 'r', checklistId: 'nq04-27', period: 'Kỳ', now }));

    const saved = await store.save(setAnswer(created, 'I-1', { assessment: 'none' }));
    expect(saved.revision).toBe(1);

    await expect(store.save(setAnswer(created, 'I-2', { assessment: 'clear' }))).rejects.toBeInstanceOf(ReviewConflictError);
    expect((await store.get('r'))?.answers['I-2']).toBeUndefined();
    store.close();
  });

  it('lists reviews most recently changed first and forgets deleted ones', async () => {
    const store = await open();
    await store.create(
      createReview({ id: 'old', checklistId: 'nq04-27', period: 'Kỳ cũ', now: new Date('2022-01-01T00:00:00Z') }),
    );
    await store.create(
      createReview({ id: 'new', checklistId: 'nq04-27', period: 'Kỳ mới', now: new Date('2022-06-01T00:00:00Z') }),
    );

    expect((await store.list()).map((summary) => summary.id)).toEqual(['new', 'old']);

    await store.delete('new');
    expect((await store.list()).map((summary) => summary.id)).toEqual(['old']);
    expect(await store.get('new')).toBeUndefined();
    store.close();
  });
});

describe('IndexedDB structure upgrades', () => {
  it('upgrades a version-1 database holding a v1 record: the list and the record survive', async () => {
    const old = await openReviewDatabase({ version: 1 });
    expect([...old.objectStoreNames]).toEqual([REVIEWS_STORE]);
    await old.put(REVIEWS_STORE, loadFixture('reviews/v1.json'));
    old.close();

    const store = await IdbReviewStore.open();
    const list = await store.list();
    const review = await store.get('r-2022-h1');

    expect(list.map((summary) => [summary.id, summary.period, summary.answered])).toEqual([
      ['r-2022-h1', '6 tháng đầu năm 2022', 2],
    ]);
    expect(review?.shapeVersion).toBe(2);
    expect(review?.actions).toHaveLength(2);
    store.close();
  });

  it('opens the named database', async () => {
    const store = await IdbReviewStore.open();
    store.close();
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).toContain(DATABASE_NAME);
  });

  it('lets another connection upgrade by closing when asked (blocking)', async () => {
    let asked = false;
    const first = await openReviewDatabase({ version: 1, onVersionChange: () => (asked = true) });
    const second = await openReviewDatabase();
    expect(asked).toBe(true);
    expect([...second.objectStoreNames].sort()).toEqual(['branch-entries', 'branch-rounds', 'reviews', 'settings', 'summaries']);
    second.close();
    first.close();
  });
});

describe('passphrase lock', () => {
  it('stores no typed text in plain form while locked, and reads it back after unlocking', async () => {
    const store = await IdbReviewStore.open();
    const review = fullReview();
    await store.create(review);

    await store.lock.enable('một mật khẩu đủ dài');
    const saved = await store.save(setAnswer((await store.get(review.id))!, 'I-1', { observed: 'Điều rất riêng tư' }));
    store.lock.lockNow();

    const rawReviews = JSON.stringify(await (await openReviewDatabase()).getAll(REVIEWS_STORE));
    const rawSummaries = JSON.stringify(await (await openReviewDatabase()).getAll('summaries'));
    for (const raw of [rawReviews, rawSummaries]) {
      expect(raw).not.toContain('riêng tư');
      expect(raw).not.toContain('Nhận thấy');
      expect(raw).not.toContain('6 tháng đầu năm');
    }
    expect(await store.lock.status()).toBe('locked');
    await expect(store.get(review.id)).rejects.toThrow(/khóa/);
    await expect(store.lock.unlock('sai mật khẩu')).rejects.toThrow(/Mật khẩu không đúng/);

    await store.lock.unlock('một mật khẩu đủ dài');
    expect((await store.get(review.id))?.answers['I-1']?.observed).toBe('Điều rất riêng tư');
    expect((await store.list()).map((summary) => summary.period)).toEqual(['6 tháng đầu năm 2022']);
    expect((await store.get(review.id))?.revision).toBe(saved.revision);

    await store.lock.disable();
    const plain = JSON.stringify(await (await openReviewDatabase()).getAll(REVIEWS_STORE));
    expect(plain).toContain('Điều rất riêng tư');
    expect(await store.lock.status()).toBe('off');
    store.close();
  }, 30_000);
});

describe('restoring many reviews', () => {
  it('replaces reviews with the same id and keeps revisions moving forward', async () => {
    const store = await IdbReviewStore.open();
    const created = await store.create(createReview({ id: 'r', checklistId: 'nq04-27', period: 'Kỳ', now }));
    await store.save(created);
    await store.putMany([
      setAnswer(created, 'I-1', { assessment: 'clear' }),
      createReview({ id: 'n', checklistId: 'nq04-27', period: 'Mới', now }),
    ]);
    expect((await store.get('r'))?.revision).toBe(2);
    expect((await store.get('r'))?.answers['I-1']?.assessment).toBe('clear');
    expect((await store.getAll()).map((review) => review.id).sort()).toEqual(['n', 'r']);
    store.close();
  });
});
