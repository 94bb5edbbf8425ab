/** Bench-only bundle: the site's own storage and model code, exposed to a page for timing in Chromium. */
import { setAnswer } from '../../src/domain/review-model';
import type { Review } from '../../src/domain/review-schema';
import { IdbReviewStore } from '../../src/storage/idb-review-store';
import { buildFullReview } from '../full-review';

function fullReview(id: string, itemIds: string[]): Review {
  return buildFullReview({ id, itemIds, now: new Date(), period: `Kỳ ${id}` });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function benchSave(itemIds: string[], rounds: number): Promise<number[]> {
  const store = await IdbReviewStore.open();
  let review = await store.create(fullReview('bench-save', itemIds));
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    review = await store.save(setAnswer(review, itemIds[round % itemIds.length] ?? 'I-1', { observed: `Lần sửa ${round}` }));
    times.push(performance.now() - start);
  }
  store.close();
  return times;
}

async function seed(count: number, itemIds: string[]): Promise<void> {
  const store = await IdbReviewStore.open();
  for (let index = 0; index < count; index += 1) await store.create(fullReview(`seed-${index}`, itemIds));
  store.close();
}

async function benchList(rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    const store = await IdbReviewStore.open();
    await store.list();
    store.close();
    times.push(performance.now() - start);
  }
  return times;
}

Object.assign(globalThis, { tstsBench: { benchSave, seed, benchList, median } });
