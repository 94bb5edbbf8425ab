/** The "full review" used by unit tests and the bench: every item answered with notes, one action per item, 12 check-ins. */
import { addAction, addCheckIn, createReview, setAnswer, setStrengths, updateAction } from '../src/domain/review-model';
import type { Review } from '../src/domain/review-schema';

export function buildFullReview(input: { id: string; itemIds: readonly string[]; now: Date; period?: string }): Review {
  let review = createReview({
    id: input.id,
    checklistId: 'nq04-27',
    period: input.period ?? '6 tháng đầu năm 2022',
    now: input.now,
  });
  const levels = ['none', 'risk', 'some', 'clear'] as const;
  input.itemIds.forEach((itemId, index) => {
    review = setAnswer(review, itemId, {
      assessment: levels[index % levels.length] ?? 'none',
      observed: `Nhận thấy ở biểu hiện ${itemId}: đôi khi còn chậm, chưa quyết liệt.`,
      causesSubjective: 'Chủ quan: chưa tự giác rèn luyện thường xuyên.',
      causesObjective: 'Khách quan: khối lượng công việc lớn.',
    });
    review = addAction(review, {
      id: `act-${index + 1}`,
      itemId,
      what: `Khắc phục biểu hiện ${itemId} bằng việc cụ thể số ${index + 1}.`,
    });
    review = updateAction(review, `act-${index + 1}`, {
      deadline: '2022-12-31',
      measure: 'Chi bộ nhận xét hằng tháng',
      followUpBy: 'Bí thư chi bộ',
    });
  });
  for (let index = 0; index < 12; index += 1) {
    review = addCheckIn(review, `act-${index + 1}`, {
      id: `chk-${index + 1}`,
      date: `2022-${String((index % 6) + 6).padStart(2, '0')}-28`,
      status: 'in-progress',
      note: 'Đã thực hiện một phần.',
    });
  }
  return setStrengths(review, 'Giữ gìn đoàn kết; hoàn thành tốt nhiệm vụ chuyên môn.');
}
