/** The storage boundary: what the stores accept, parse and refuse, and two tabs changing the lock. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/domain/errors';
import { createReview, setAnswer } from '../../src/domain/review-model';
import { checkReview } from '../../src/domain/review-schema';
import { loadPlanFonts } from '../../src/pdf/load-fonts';
import { openReviewDatabase, REVIEWS_STORE, SETTINGS_STORE, SUMMARIES_STORE } from '../../src/storage/database';
import { IdbReviewStore } from '../../src/storage/idb-review-store';
import { MemoryReviewStore } from '../../src/storage/memory-review-store';
import { ReviewLockedError, type ReviewStore, type SettingKey } from '../../src/storage/review-store';

const now = new Date('2022-05-20T02:00:00Z');
const review = (id: string) => createReview({ id, checklistId: 'nq04-27', period: `Kỳ ${id}`, now });
const open: IdbReviewStore[] = [];

async function tab(): Promise<IdbReviewStore> {
  const store = await IdbReviewStore.open();
  open.push(store);
  return store;
}

/** Lets BroadcastChannel messages between the two "tabs" arrive. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

describe('store boundary', () => {
  it('parses stored summaries: a malformed one is listed by its id, the others as stored', async () => {
    const store = await tab();
    await store.create(review('good'));
    const db = await openReviewDatabase();
    await db.put(SUMMARIES_STORE, { id: 'bad', period: 5, updatedAt: '2022-05-21T00:00:00.000Z' } as never);
    db.close();

    const summaries = await store.list();

    expect(summaries.map((summary) => summary.id).sort()).toEqual(['bad', 'good']);
    expect(summaries.find((summary) => summary.id === 'bad')?.period).toBe('Không đọc được bản này (mã bad)');
    expect(summaries.find((summary) => summary.id === 'good')?.period).toBe('Kỳ good');
  });

  it.each([
    ['IndexedDB', () => tab()],
    ['memory', () => Promise.resolve(new MemoryReviewStore())],
  ] as [string, () => Promise<ReviewStore>][])('%s: refuses the lock settings as a member setting', async (_name, make) => {
    const store = await make();

    await expect(store.setSetting('lock' as SettingKey, { parameters: 'replaced' })).rejects.toThrow(TypeError);
    await expect(store.getSetting('lock' as SettingKey)).rejects.toThrow(TypeError);
  });

  it('erases everything through the store', async () => {
    const store = await tab();
    await store.create(review('a'));
    await store.setSetting('last-backup-at', now.toISOString());

    await store.erase();
    const reopened = await tab();

    expect(await reopened.list()).toEqual([]);
    expect(await reopened.getSetting('last-backup-at')).toBeUndefined();
  });

  it('refuses a revision that is not a safe integer', () => {
    const base = review('r');

    expect(checkReview({ ...base, revision: 2 ** 53 + 2 }).ok).toBe(false);
    expect(checkReview({ ...base, revision: Number.MAX_SAFE_INTEGER }).ok).toBe(true);
  });

  it('keeps the exit copy of unsaved edits when the ordinary save did not finish', async () => {
    const store = await tab();
    const created = await store.create(review('r'));
    await store.lock.status();

    store.saveOnExit(setAnswer(created, 'I-1', { observed: 'gõ ngay trước khi đóng' }));
    await delivered();
    const reopened = await tab();

    const loaded = await reopened.get('r');
    expect(loaded?.answers['I-1']?.observed).toBe('gõ ngay trước khi đóng');
    expect(loaded?.revision).toBe(0);
  });

  it('rejects a font failure with a message meant for the member', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

    const error: unknown = await loadPlanFonts(failing).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UserFacingError);
  });
});

describe('lock changed in another tab', () => {
  it('writes plain once the other tab turned the lock off, never sealed without key settings', async () => {
    const [first, second] = [await tab(), await tab()];
    const created = await first.create(review('r'));
    await first.lock.enable('một mật khẩu đủ dài');
    await second.lock.unlock('một mật khẩu đủ dài');

    await first.lock.disable();
    await second.save(setAnswer(created, 'I-1', { observed: 'ghi ở thẻ thứ hai' }));

    const db = await openReviewDatabase();
    const raw = (await db.get(REVIEWS_STORE, 'r')) as Record<string, unknown>;
    const lock: unknown = await db.get(SETTINGS_STORE, 'lock');
    db.close();
    expect(lock).toBeUndefined();
    expect(raw['sealed']).toBeUndefined();
    expect((await first.get('r'))?.answers['I-1']?.observed).toBe('ghi ở thẻ thứ hai');
    expect(await second.lock.status()).toBe('off');
  });

  it('refuses to write plain once the other tab turned the lock on, and tells this tab', async () => {
    const [first, second] = [await tab(), await tab()];
    const created = await first.create(review('r'));
    let told = 0;
    second.lock.onChange(() => (told += 1));

    await first.lock.enable('một mật khẩu đủ dài');
    await delivered();

    await expect(second.save(setAnswer(created, 'I-1', { observed: 'chữ chưa lưu' }))).rejects.toBeInstanceOf(ReviewLockedError);
    expect(told).toBeGreaterThan(0);
    expect(await second.lock.status()).toBe('locked');
  });

  it('keeps a save the other tab made while this one was turning the lock on', async () => {
    const [first, second] = [await tab(), await tab()];
    const created = await first.create(review('r'));

    const enabling = first.lock.enable('một mật khẩu đủ dài');
    await second.save(setAnswer(created, 'I-1', { observed: 'lưu trong lúc bật khóa' }));
    await enabling;

    expect((await first.get('r'))?.answers['I-1']?.observed).toBe('lưu trong lúc bật khóa');
  });

  it('lists the other reviews and names the one it cannot open', async () => {
    const [first, second] = [await tab(), await tab()];
    await first.create(review('a'));
    await first.create(review('b'));
    await first.lock.enable('mật khẩu thứ nhất');
    // A record sealed with a key whose settings are gone (what the old two-tab bug left behind).
    const other = await tab();
    await other.lock.unlock('mật khẩu thứ nhất');
    const sealedB = await openReviewDatabase().then(async (db) => {
      const value: unknown = await db.get(SUMMARIES_STORE, 'b');
      db.close();
      return value;
    });
    await first.lock.disable();
    await first.lock.enable('mật khẩu thứ hai');
    const db = await openReviewDatabase();
    await db.put(SUMMARIES_STORE, sealedB as never);
    db.close();
    await second.lock.unlock('mật khẩu thứ hai');

    const summaries = await second.list();

    expect(summaries.find((summary) => summary.id === 'a')?.period).toBe('Kỳ a');
    expect(summaries.find((summary) => summary.id === 'b')?.period).toBe('Không đọc được bản này (mã b)');
  });
});
