import { describe, expect, it } from 'vitest';
import {
  describeIssueDate,
  formatShortVietnameseDate,
  formatVietnameseDate,
  parsePartialDate,
} from '../../src/domain/vietnamese-date';

describe('Vietnamese dates', () => {
  it('writes a full date the way Vietnamese documents do', () => {
    expect(formatVietnameseDate({ year: 2022, month: 5, day: 20 })).toBe('ngày 20 tháng 5 năm 2022');
    expect(formatShortVietnameseDate({ year: 2022, month: 1, day: 12 })).toBe('12/1/2022');
  });

  it('never invents a day or month that is not known', () => {
    expect(describeIssueDate('2022')).toBe('năm 2022 (chưa rõ ngày)');
    expect(describeIssueDate(undefined)).toBe('chưa rõ ngày');
    expect(describeIssueDate('2021-10-25')).toBe('ngày 25 tháng 10 năm 2021');
  });

  it('refuses impossible dates', () => {
    expect(parsePartialDate('2022-02-30')).toBeUndefined();
    expect(parsePartialDate('2022-13')).toBeUndefined();
    expect(parsePartialDate('20/5/2022')).toBeUndefined();
    expect(parsePartialDate('2022-05')).toEqual({ year: 2022, month: 5 });
  });
});
