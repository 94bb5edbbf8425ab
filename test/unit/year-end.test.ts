/** The member's year-end figures against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { createReview, setAnswer } from '../../src/domain/review-model';
import type { PlanAction, Review } from '../../src/domain/review-schema';
import { actionStanding, completionOf, summariseYearEnd, thresholdNote } from '../../src/domain/year-end';
import { loadChecklist } from './helpers';

const checklist = loadChecklist();
const today = '2026-12-01';

function action(id: string, status: PlanAction['status'], deadline: string): PlanAction {
  return { id, itemId: '', what: `Việc ${id}`, deadline, measure: '', followUpBy: '', status, checkIns: [] };
}

function review(actions: PlanAction[], answers: Record<string, 'none' | 'risk' | 'some' | 'clear'> = {}): Review {
  let result = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Năm 2026', now: new Date('2026-01-05T00:00:00Z') });
  for (const [itemId, assessment] of Object.entries(answers)) result = setAnswer(result, itemId, { assessment });
  return { ...result, actions };
}

describe('year-end summary', () => {
  it('counts found items by level and actions by standing (hand-computed: 5 actions, 2 done = 40%)', () => {
    const summary = summariseYearEnd(
      review(
        [
          action('a', 'done', '2026-03-01'),
          action('b', 'done', ''),
          action('c', 'in-progress', '2026-06-30'), // overdue
          action('d', 'in-progress', '2027-01-31'), // in progress
          action('e', 'not-started', ''), // not started, no deadline
        ],
        { 'I-1': 'risk', 'I-3': 'some', 'II-2': 'clear', 'II-4': 'none' },
      ),
      checklist,
      today,
    );

    expect(summary.assessed).toBe(4);
    expect(summary.total).toBe(27);
    expect(summary.found.map((item) => item.overallNumber)).toEqual([1, 3, 11]);
    expect(summary.foundByLevel).toEqual({ risk: 1, some: 1, clear: 1 });
    expect(summary.actions).toEqual({ planned: 5, done: 2, overdue: 1, inProgress: 1, notStarted: 1, noDeadline: 1 });
    expect(summary.completion).toEqual({ done: 2, planned: 5, percent: 40 });
    expect(summary.draft).toContain('4/27 biểu hiện');
    expect(summary.draft).toContain('3 biểu hiện cần khắc phục (1 biểu hiện rõ, 1 biểu hiện ở mức nhẹ, 1 biểu hiện có nguy cơ)');
    expect(summary.draft).toContain('hoàn thành 2/5 (40%), còn 1 đang thực hiện, 1 chưa thực hiện, 1 đã quá thời hạn.');
    expect(summary.draft).toContain('Cần đặt thời hạn cho 1 biện pháp chưa có thời hạn.');
  });

  it('has no percentage and says the plan is missing when there are no actions', () => {
    const summary = summariseYearEnd(review([]), checklist, today);

    expect(summary.completion).toEqual({ done: 0, planned: 0, percent: null });
    expect(summary.actions).toEqual({ planned: 0, done: 0, overdue: 0, inProgress: 0, notStarted: 0, noDeadline: 0 });
    expect(summary.draft).toContain('chưa tự nhận thấy biểu hiện nào');
    expect(summary.draft).toContain('chưa đề ra biện pháp khắc phục cụ thể');
    expect(summary.draft).not.toContain('%');
  });

  it('puts every action in overdue when all deadlines have passed and none is done (0/3 = 0%)', () => {
    const summary = summariseYearEnd(
      review([
        action('a', 'not-started', '2026-02-01'),
        action('b', 'in-progress', '2026-11-30'),
        action('c', 'not-started', '2026-06-15'),
      ]),
      checklist,
      today,
    );

    expect(summary.actions).toEqual({ planned: 3, done: 0, overdue: 3, inProgress: 0, notStarted: 0, noDeadline: 0 });
    expect(summary.completion.percent).toBe(0);
    expect(summary.draft).toContain('hoàn thành 0/3 (0%), còn 3 đã quá thời hạn.');
  });

  it('never makes an action without a deadline overdue, and a deadline of today is not yet overdue', () => {
    expect(actionStanding({ status: 'not-started', deadline: '' }, today)).toBe('not-started');
    expect(actionStanding({ status: 'in-progress', deadline: '' }, today)).toBe('in-progress');
    expect(actionStanding({ status: 'in-progress', deadline: today }, today)).toBe('in-progress');
    expect(actionStanding({ status: 'done', deadline: '2020-01-01' }, today)).toBe('done');
  });

  it('rounds the percentage half up: 2/3 = 67%, 1/8 = 13%, 3/3 = 100%', () => {
    expect(completionOf(2, 3).percent).toBe(67);
    expect(completionOf(1, 8).percent).toBe(13);
    expect(completionOf(3, 3).percent).toBe(100);
  });

  it('presents the 80% figure as from implementation guides, not as the regulation', () => {
    expect(thresholdNote).toContain('Theo một số hướng dẫn triển khai');
    expect(thresholdNote).toContain('không phải câu chữ của Quy định 366-QĐ/TW');
  });
});
