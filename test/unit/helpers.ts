/** Shared test helpers: the real checklist from content/, frozen fixtures, and a full review. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checklistSchema, type ChecklistData } from '../../src/domain/checklist-schema';
import { checklistItemIds } from '../../src/domain/checklist';
import { addAction, addCheckIn, createReview, setAnswer, setStrengths, updateAction } from '../../src/domain/review-model';
import type { Review } from '../../src/domain/review-schema';

const root = join(import.meta.dirname, '..', '..');

export function loadChecklist(name = 'nq04-27'): ChecklistData {
  return checklistSchema.parse(parse(readFileSync(join(root, 'content', 'checklists', `${name}.yaml`), 'utf8')));
}

export function loadFixture(path: string): unknown {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', path), 'utf8')) as unknown;
}

/** 27 items answered with notes, 27 actions, 12 check-ins. */
export function fullReview(checklist = loadChecklist(), now = new Date('2022-05-20T02:00:00Z')): Review {
  let review = createReview({ id: 'full-review', checklistId: 'nq04-27', period: '6 tháng đầu năm 2022', now });
  const levels = ['none', 'risk', 'some', 'clear'] as const;
  checklistItemIds(checklist).forEach((itemId, index) => {
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
