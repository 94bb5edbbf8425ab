import { describe, expect, it } from 'vitest';
import { restoreReview, ReviewFormatError, reviewMigrations } from '../../src/domain/review-migrations';
import { REVIEW_SHAPE_VERSION } from '../../src/domain/review-schema';
import { loadFixture } from './helpers';

describe('review shape migrations', () => {
  it('has one step per version below the current one', () => {
    expect(reviewMigrations.map((step) => step.from)).toEqual(
      [...Array(REVIEW_SHAPE_VERSION - 1).keys()].map((index) => index + 1),
    );
  });

  it('v1→v2 keeps every answer, note and plan step of a frozen v1 record', () => {
    const review = restoreReview(loadFixture('reviews/v1.json'));

    expect(review.shapeVersion).toBe(2);
    expect(review.revision).toBe(0);
    expect(review.member).toEqual({
      name: 'Nguyễn Văn An',
      branch: 'Chi bộ Trường Tiểu học',
      partyCommittee: 'Đảng bộ xã Hương Xuân',
      position: 'Giáo viên',
      place: '',
    });
    expect(review.answers['I-3']).toEqual({
      assessment: 'some',
      observed: 'Ít đọc nghị quyết mới.',
      causesSubjective: 'Chưa sắp xếp thời gian.',
      causesObjective: '',
    });
    expect(review.answers['I-5']?.assessment).toBe('none');
    expect(review.actions.map((action) => [action.id, action.status, action.deadline])).toEqual([
      ['a1', 'not-started', '2022-12-31'],
      ['a2', 'done', ''],
    ]);
    expect(review.strengths).toBe('Đúng giờ, nhiệt tình.');
  });

  it('reads a frozen v2 record unchanged', () => {
    const raw = loadFixture('reviews/v2.json');
    expect(restoreReview(raw)).toEqual(raw);
  });

  it('refuses a record from a newer version of the site', () => {
    const raw = { ...(loadFixture('reviews/v2.json') as object), shapeVersion: REVIEW_SHAPE_VERSION + 1 };
    expect(() => restoreReview(raw)).toThrow(/phiên bản mới hơn/);
  });

  it('refuses prototype-polluting keys', () => {
    const raw = JSON.parse('{"shapeVersion":2,"__proto__":{"polluted":true}}') as unknown;
    expect(() => restoreReview(raw)).toThrow(ReviewFormatError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses wrong types with a Vietnamese message', () => {
    const raw = { ...(loadFixture('reviews/v2.json') as object), actions: 'không phải danh sách' };
    expect(() => restoreReview(raw)).toThrow(/sai kiểu hoặc quá dài/);
  });

  it('normalises decomposed text to NFC while restoring', () => {
    const raw = loadFixture('reviews/v2.json') as { strengths: string };
    const restored = restoreReview({ ...raw, strengths: 'Trung thực, gương mẫu'.normalize('NFD') });
    expect(restored.strengths).toBe('Trung thực, gương mẫu'.normalize('NFC'));
  });
});
