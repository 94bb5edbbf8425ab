import { describe, expect, it } from 'vitest';
import { addAction, createReview, setAnswer } from '../../src/domain/review-model';
import { mergeReviews } from '../../src/domain/session/review-session';
import { threeWayMerge } from '../../src/domain/session/three-way-merge';

const now = new Date('2022-05-20T02:00:00Z');
const base = createReview({ id: 'r', checklistId: 'nq04-27', period: 'Kỳ', now });
const ignore = ['revision', 'updatedAt'];

describe('three-way merge', () => {
  it('keeps edits to different items from both tabs', () => {
    const mine = setAnswer(base, 'I-1', { observed: 'mine' });
    const theirs = { ...setAnswer(base, 'I-2', { assessment: 'clear' }), revision: 4 };

    const result = threeWayMerge(base, mine, theirs, ignore);

    expect(result.conflicts).toEqual([]);
    expect(result.mine.answers['I-1']?.observed).toBe('mine');
    expect(result.mine.answers['I-2']?.assessment).toBe('clear');
    expect(result.mine.revision).toBe(4);
  });

  it('keeps edits to different fields of the same item', () => {
    const mine = setAnswer(base, 'I-1', { observed: 'mine' });
    const theirs = setAnswer(base, 'I-1', { causesObjective: 'theirs' });

    const result = mergeReviews(base, mine, theirs);

    expect(result.conflicts).toEqual([]);
    expect(result.mine.answers['I-1']).toMatchObject({ observed: 'mine', causesObjective: 'theirs' });
  });

  it('names the field both tabs changed and settles it either way', () => {
    const mine = { ...base, strengths: 'mine', commitment: 'my commitment' };
    const theirs = { ...base, strengths: 'theirs', period: 'Kỳ mới' };

    const result = threeWayMerge(base, mine, theirs, ignore);

    expect(result.conflicts).toEqual(['strengths']);
    expect(result.mine).toMatchObject({ strengths: 'mine', commitment: 'my commitment', period: 'Kỳ mới' });
    expect(result.theirs).toMatchObject({ strengths: 'theirs', commitment: 'my commitment', period: 'Kỳ mới' });
  });

  it('merges plan actions by id: one added in each tab, one edited', () => {
    const start = addAction(base, { id: 'a1', itemId: 'I-1' });
    const mine = addAction({ ...start, actions: start.actions.map((a) => ({ ...a, what: 'sửa' })) }, { id: 'a2', itemId: '' });
    const theirs = addAction(start, { id: 'a3', itemId: '' });

    const result = threeWayMerge(start, mine, theirs, ignore);

    expect(result.conflicts).toEqual([]);
    expect(result.mine.actions.map((a) => a.id)).toEqual(['a1', 'a3', 'a2']);
    expect(result.mine.actions[0]?.what).toBe('sửa');
  });

  it('treats an action deleted in one tab and edited in the other as a conflict', () => {
    const start = addAction(base, { id: 'a1', itemId: 'I-1' });
    const mine = { ...start, actions: [] };
    const theirs = { ...start, actions: start.actions.map((a) => ({ ...a, what: 'sửa' })) };

    const result = threeWayMerge(start, mine, theirs, ignore);

    expect(result.conflicts).toEqual(['actions.a1']);
    expect(result.mine.actions).toEqual([]);
    expect(result.theirs.actions[0]?.what).toBe('sửa');
  });

  it('removes an action deleted in one tab when the other left it alone', () => {
    const start = addAction(base, { id: 'a1', itemId: 'I-1' });
    const theirs = { ...start, actions: [] };
    const mine = { ...start, strengths: 'x' };

    expect(threeWayMerge(start, mine, theirs, ignore).mine.actions).toEqual([]);
  });
});
