import { describe, expect, it } from 'vitest';
import { ID_PATTERN, MAX_PERIOD_LENGTH } from '../../src/domain/limits';
import { createReview, setAnswer } from '../../src/domain/review-model';
import { checkReview, fieldLabel, isCalendarDay, parseReview, ReviewFieldError } from '../../src/domain/review-schema';
import { countAnswered } from '../../src/domain/review-summary';
import { summarise } from '../../src/domain/review-model';
import { parseRoute, routeHash } from '../../src/islands/review/router';

const now = new Date('2022-06-01T00:00:00Z');
const base = () => createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });

describe('review record limits', () => {
  it('refuses a period over the named limit and names the field in Vietnamese', () => {
    const long = { ...base(), period: 'x'.repeat(MAX_PERIOD_LENGTH + 1) };
    expect(() => parseReview(long)).toThrow(ReviewFieldError);
    expect(() => parseReview(long)).toThrow(/“Kỳ tự soi”/);
    expect(parseReview({ ...base(), period: 'x'.repeat(MAX_PERIOD_LENGTH) }).period).toHaveLength(MAX_PERIOD_LENGTH);
  });

  it('names an answer field with its item', () => {
    expect(fieldLabel('answers.I-1.observed')).toBe('Điều bản thân nhận thấy (I-1)');
  });

  it('refuses dates that do not exist', () => {
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    const review = { ...base(), createdAt: '2026-02-30T00:00:00.000Z' };
    expect(checkReview(review).ok).toBe(false);
  });
});

describe('ids', () => {
  it('opens every id the file format allows, including "." and "_"', () => {
    for (const id of ['ban.2022', 'ban_2022', 'a', 'A-b.c_d']) {
      expect(ID_PATTERN.test(id)).toBe(true);
      expect(parseRoute(routeHash({ view: 'review', id, tab: 'tu-soi' }))).toEqual({ view: 'review', id, tab: 'tu-soi' });
    }
    expect(parseRoute('#/ban/.bad/tu-soi')).toEqual({ view: 'list' });
  });
});

describe('progress count', () => {
  it('counts only the checklist’s own items', () => {
    let review = setAnswer(base(), 'I-1', { assessment: 'some' });
    review = setAnswer(review, 'X-99', { assessment: 'clear' });
    review = setAnswer(review, 'I-2', { assessment: 'unset' });
    expect(countAnswered(summarise(review), ['I-1', 'I-2', 'I-3'])).toBe(1);
  });
});
