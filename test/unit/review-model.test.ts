import { describe, expect, it } from 'vitest';
import {
  addAction,
  addCheckIn,
  createReview,
  duplicateForNextPeriod,
  overdueActions,
  progress,
  renameReview,
  setAnswer,
  setMember,
  suggestedPeriods,
  updateAction,
} from '../../src/domain/review-model';
import { checkReview } from '../../src/domain/review-schema';
import { fullReview, loadChecklist } from './helpers';

const now = new Date('2022-05-20T02:00:00Z');
const checklist = loadChecklist();

describe('review model', () => {
  it('starts empty with every item unassessed', () => {
    const review = createReview({ id: 'r1', checklistId: 'nq04-27', period: ' 6 tháng đầu năm 2022 ', now });

    expect(review.period).toBe('6 tháng đầu năm 2022');
    expect(progress(review, checklist)).toEqual({ done: 0, total: 27 });
    expect(checkReview(review).ok).toBe(true);
  });

  it('counts assessed items for the progress line', () => {
    let review = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });
    review = setAnswer(review, 'I-1', { assessment: 'none' });
    review = setAnswer(review, 'II-3', { assessment: 'some', observed: 'x' });
    review = setAnswer(review, 'III-9', { observed: 'chỉ ghi chú, chưa đánh giá' });

    expect(progress(review, checklist)).toEqual({ done: 2, total: 27 });
  });

  it('stores text typed in decomposed form (NFD) as NFC', () => {
    const typed = 'Tự soi, tự sửa — Đảng viên gương mẫu'.normalize('NFD');
    let review = createReview({ id: 'r1', checklistId: 'nq04-27', period: typed, now });
    review = setAnswer(review, 'I-1', { observed: typed });
    review = setMember(review, { name: typed });

    const nfc = typed.normalize('NFC');
    expect(review.period).toBe(nfc);
    expect(review.answers['I-1']?.observed).toBe(nfc);
    expect(review.member.name).toBe(nfc);
    expect(review.member.name).not.toBe(typed);
  });

  it('ignores an empty new name', () => {
    const review = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });
    expect(renameReview(review, '   ').period).toBe('Kỳ 1');
    expect(renameReview(review, 'Cuối năm 2022').period).toBe('Cuối năm 2022');
  });

  it('records a check-in and takes its status', () => {
    let review = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });
    review = addAction(review, { id: 'a1', itemId: 'I-3' });
    review = addCheckIn(review, 'a1', { id: 'c2', date: '2022-07-30', status: 'done', note: 'Xong' });
    review = addCheckIn(review, 'a1', { id: 'c1', date: '2022-06-30', status: 'in-progress', note: 'Đang làm' });

    const action = review.actions[0];
    expect(action?.checkIns.map((entry) => entry.id)).toEqual(['c1', 'c2']);
    expect(action?.status).toBe('in-progress');
  });

  it('lists actions past their deadline that are not done', () => {
    let review = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });
    review = addAction(review, { id: 'late' });
    review = updateAction(review, 'late', { deadline: '2022-06-30' });
    review = addAction(review, { id: 'done' });
    review = updateAction(review, 'done', { deadline: '2022-06-30', status: 'done' });
    review = addAction(review, { id: 'open' });

    expect(overdueActions(review, '2022-07-01').map((action) => action.id)).toEqual(['late']);
    expect(overdueActions(review, '2022-06-30')).toEqual([]);
  });

  it('starts the next period from the last one, keeping open actions without their check-ins', () => {
    const source = fullReview(checklist);
    const closed = updateAction(source, 'act-1', { status: 'done' });

    const next = duplicateForNextPeriod(closed, { id: 'r2', period: 'Cuối năm 2022', now: new Date('2022-11-01T00:00:00Z') });

    expect(next.id).toBe('r2');
    expect(next.period).toBe('Cuối năm 2022');
    expect(next.revision).toBe(0);
    expect(next.answers).toEqual(closed.answers);
    expect(next.actions.map((action) => action.id)).not.toContain('act-1');
    expect(next.actions).toHaveLength(26);
    expect(next.actions.every((action) => action.checkIns.length === 0)).toBe(true);
    expect(closed.actions.find((action) => action.id === 'act-2')?.checkIns).toHaveLength(1);
  });
});

describe('suggested periods', () => {
  it('follows the calendar: mid-year in the first half, year-end in the second, last year-end in January', () => {
    expect(suggestedPeriods(new Date(2022, 4, 20))[0]).toBe('6 tháng đầu năm 2022');
    expect(suggestedPeriods(new Date(2022, 11, 5))[0]).toBe('Cuối năm 2022');
    expect(suggestedPeriods(new Date(2022, 11, 5))).not.toContain('6 tháng đầu năm 2022'.replace('2022', '2021'));
    expect(suggestedPeriods(new Date(2023, 0, 10))[0]).toBe('Cuối năm 2022');
    expect(suggestedPeriods(new Date(2022, 6, 1))[0]).toBe('Cuối năm 2022');
  });
});
