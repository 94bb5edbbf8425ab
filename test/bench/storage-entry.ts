/** Bench-only bundle: the site's own storage and model code, exposed to a page for timing in Chromium. */
import { addAction, addCheckIn, createReview, setAnswer, setStrengths, updateAction } from '../../src/domain/review-model';
import type { Review } from '../../src/domain/review-schema';
import { IdbReviewStore } from '../../src/storage/idb-review-store';

function fullReview(id: string, itemIds: string[]): Review {
  let review = createReview({ id, checklistId: 'nq04-27', period: `Kỳ ${id}`, now: new Date() });
  itemIds.forEach((itemId, index) => {
    review = setAnswer(review, itemId, {
      assessment: index % 2 ? 'some' : 'none',
      observed: `Nhận thấy ở biểu hiện ${itemId}: đôi khi còn chậm, chưa quyết liệt trong công việc được giao.`,
      causesSubjective: 'Chưa tự giác rèn luyện thường xuyên, còn ngại va chạm.',
      causesObjective: 'Khối lượng công việc lớn, thời gian học tập hạn chế.',
    });
    review = addAction(review, {
      id: `a${index}`,
      itemId,
      what: `Khắc phục biểu hiện ${itemId} bằng việc cụ thể số ${index + 1}.`,
    });
    review = updateAction(review, `a${index}`, {
      deadline: '2022-12-31',
      measure: 'Chi bộ nhận xét hằng tháng',
      followUpBy: 'Bí thư chi bộ',
    });
  });
  for (let index = 0; index < 12; index += 1) {
    review = addCheckIn(review, `a${index}`, {
      id: `c${index}`,
      date: '2022-06-28',
      status: 'in-progress',
      note: 'Đã làm một phần.',
    });
  }
  return setStrengths(review, 'Giữ gìn đoàn kết; hoàn thành tốt nhiệm vụ chuyên môn.');
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
