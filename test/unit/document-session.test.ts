import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReview, setAnswer } from '../../src/domain/review-model';
import type { Review } from '../../src/domain/review-schema';
import { RETRY_DELAY_MS, SAVE_DELAY_MS, type DocumentPort } from '../../src/domain/session/document-session';
import { createReviewSession } from '../../src/domain/session/review-session';
import { reviewCodec } from '../../src/storage/codec';
import { MemoryReviewStore } from '../../src/storage/memory-review-store';
import { ReviewLockedError, StorageWriteError } from '../../src/storage/review-store';

const start = new Date('2022-05-20T02:00:00Z');

/** Lets pending promise chains (store reads and writes) finish without moving the fake clock. */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

beforeAll(async () => {
  await reviewCodec();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: start });
});

afterEach(() => {
  vi.useRealTimers();
});

async function twoTabs() {
  const mine = new MemoryReviewStore();
  const theirs = mine.peer();
  await mine.create(createReview({ id: 'r', checklistId: 'nq04-27', period: 'Kỳ', now: start }));
  const session = createReviewSession(mine, 'r');
  await session.start();
  return { mine, theirs, session };
}

const observed = (text: string) => (review: Review) => setAnswer(review, 'I-1', { observed: text });

describe('document session', () => {
  it('writes once, a debounce after the last keystroke', async () => {
    const { mine, session } = await twoTabs();
    const save = vi.spyOn(mine, 'save');

    session.update(observed('a'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    session.update(observed('ab'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    expect(save).not.toHaveBeenCalled();
    expect(session.getSnapshot().saveState.kind).toBe('pending');

    await vi.advanceTimersByTimeAsync(100);
    await settle();

    expect(save).toHaveBeenCalledTimes(1);
    expect((await mine.get('r'))?.answers['I-1']?.observed).toBe('ab');
    expect(session.getSnapshot().saveState.kind).toBe('saved');
    expect(session.getSnapshot().document?.revision).toBe(1);
  });

  it('starts the write synchronously when the page is hidden', async () => {
    const { mine, session } = await twoTabs();
    const save = vi.spyOn(mine, 'save');

    session.update(observed('typed just before closing'));
    session.flushNow();

    expect(save).toHaveBeenCalledTimes(1);
    await settle();
    expect((await mine.get('r'))?.answers['I-1']?.observed).toBe('typed just before closing');
  });

  it('keeps the last keystroke when the page is hidden while a write is in flight', async () => {
    const { mine, session } = await twoTabs();

    session.update(observed('first'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    session.update(observed('first and second'));
    session.flushNow();
    await settle();

    const stored = await mine.get('r');
    expect(stored?.answers['I-1']?.observed).toBe('first and second');
    expect(stored?.revision).toBe(2);
    expect(session.getSnapshot().saveState.kind).toBe('saved');
  });

  it('refuses a stale save and keeps both tabs’ edits to different fields', async () => {
    const { mine, session } = await twoTabs();
    // A tab whose notices never arrive (it saved while this one was asleep).
    const theirs = new MemoryReviewStore();
    Object.assign(theirs, { records: (mine as unknown as { records: unknown }).records });
    const base = (await theirs.get('r'))!;

    session.update((review) => setAnswer(review, 'I-2', { observed: 'mine' }));
    await theirs.save(setAnswer(base, 'I-1', { observed: 'theirs' }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();

    const stored = await mine.get('r');
    expect(stored?.answers['I-1']?.observed).toBe('theirs');
    expect(stored?.answers['I-2']?.observed).toBe('mine');
    expect(stored?.revision).toBe(2);
    expect(session.getSnapshot().saveState.kind).toBe('saved');
  });

  it('asks which to keep only when both tabs changed the same field, and keeps the other edits', async () => {
    const { mine, theirs, session } = await twoTabs();
    const base = (await theirs.get('r'))!;

    session.update((review) => setAnswer(review, 'I-1', { observed: 'mine' }));
    await theirs.save(setAnswer(setAnswer(base, 'I-1', { observed: 'theirs' }), 'I-3', { observed: 'their other edit' }));
    await settle();

    const state = session.getSnapshot().saveState;
    expect(state).toEqual({ kind: 'conflict', fields: ['answers.I-1.observed'] });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 3);
    expect((await mine.get('r'))?.answers['I-1']?.observed).toBe('theirs');

    await session.resolveConflict('mine');
    await settle();

    const stored = await mine.get('r');
    expect(stored?.answers['I-1']?.observed).toBe('mine');
    expect(stored?.answers['I-3']?.observed).toBe('their other edit');
  });

  it('takes the other tab’s change when this tab has nothing unsaved', async () => {
    const { theirs, session } = await twoTabs();
    const base = (await theirs.get('r'))!;

    await theirs.save(setAnswer(base, 'I-1', { observed: 'from the other tab' }));
    await settle();

    expect(session.getSnapshot().document?.answers['I-1']?.observed).toBe('from the other tab');
    expect(session.getSnapshot().saveState.kind).toBe('synced');
  });

  it('merges the other tab’s change into unsaved edits of another field as soon as it hears of it', async () => {
    const { mine, theirs, session } = await twoTabs();
    const base = (await theirs.get('r'))!;

    session.update((review) => ({ ...review, strengths: 'mine' }));
    await theirs.save({ ...base, commitment: 'theirs' });
    await settle();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();

    const stored = await mine.get('r');
    expect(stored).toMatchObject({ strengths: 'mine', commitment: 'theirs' });
    expect(session.getSnapshot().document).toMatchObject({ strengths: 'mine', commitment: 'theirs' });
  });

  it('stops saving when the review was deleted in another tab', async () => {
    const { mine, theirs, session } = await twoTabs();

    session.update(observed('typed after the delete'));
    await theirs.delete('r');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 3);
    await settle();

    expect(session.getSnapshot().saveState.kind).toBe('deleted-elsewhere');
    expect(await mine.get('r')).toBeUndefined();
    expect(session.getSnapshot().document?.answers['I-1']?.observed).toBe('typed after the delete');
  });

  it('shows a write error and tries again', async () => {
    const { mine, session } = await twoTabs();
    const failing = vi
      .spyOn(mine, 'save')
      .mockRejectedValueOnce(new StorageWriteError('Bộ nhớ của trình duyệt đã đầy nên chưa lưu được.'));

    session.update(observed('kept through a failure'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(session.getSnapshot().saveState).toEqual({
      kind: 'error',
      message: 'Bộ nhớ của trình duyệt đã đầy nên chưa lưu được.',
    });

    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
    await settle();

    expect(failing).toHaveBeenCalledTimes(2);
    expect((await mine.get('r'))?.answers['I-1']?.observed).toBe('kept through a failure');
    expect(session.getSnapshot().saveState.kind).toBe('saved');
  });

  it('never shows an internal error message', async () => {
    const { mine, session } = await twoTabs();
    vi.spyOn(mine, 'save').mockRejectedValueOnce(new TypeError('[0].answers.I-1.observed: Invalid'));

    session.update(observed('x'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();

    const state = session.getSnapshot().saveState;
    expect(state.kind).toBe('error');
    expect(state.kind === 'error' && state.message).not.toContain('answers');
  });

  it('keeps unsaved text while the data is locked elsewhere, and saves it once unlocked', async () => {
    const { mine, session } = await twoTabs();
    const save = vi.spyOn(mine, 'save').mockRejectedValueOnce(new ReviewLockedError());

    session.update(observed('typed before the lock'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 10);
    await settle();
    expect(session.getSnapshot().saveState.kind).toBe('locked');
    expect(save).toHaveBeenCalledTimes(1);

    session.retry();
    await settle();

    expect((await mine.get('r'))?.answers['I-1']?.observed).toBe('typed before the lock');
    expect(session.getSnapshot().saveState.kind).toBe('saved');
  });

  it('says the review is missing instead of loading nothing', async () => {
    const port: DocumentPort<Review> = new MemoryReviewStore();
    const session = createReviewSession(port, 'absent');

    await session.start();

    expect(session.getSnapshot().loadError).toContain('Không tìm thấy');
  });
});
