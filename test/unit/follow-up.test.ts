/** The branch's monthly follow-up and year-end figures against values worked out by hand (see report-fixture.ts). */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/branch/branch-schema';
import {
  addMeasure,
  branchYearEnd,
  measureFigures,
  memberProgress,
  minutesParagraph,
  monthEnd,
  recordMonth,
  statusInMonth,
  updateMeasure,
} from '../../src/domain/branch/follow-up';
import { emptySections } from '../../src/domain/branch/report';
import type { ReportSections } from '../../src/domain/branch/report-schema';
import { reportEntries, reportRound } from './report-fixture';

const round = reportRound();
const entries = reportEntries(round);

/** A by May, done in May; B by 15 June, in progress in June; C without deadline, never followed up. */
function threeMeasures(): ReportSections {
  let sections = addMeasure(addMeasure(addMeasure(emptySections, 'A'), 'B'), 'C');
  sections = updateMeasure(sections, 'A', { what: 'Việc A', by: '2026-05' });
  sections = updateMeasure(sections, 'B', { what: 'Việc B', by: '2026-06-15' });
  sections = updateMeasure(sections, 'C', { what: 'Việc C' });
  sections = recordMonth(sections, 'A', { month: '2026-05', status: 'done', note: '' });
  sections = recordMonth(sections, 'B', { month: '2026-06', status: 'in-progress', note: '' });
  return sections;
}

describe('branch measures month by month', () => {
  it('takes the latest check up to the month, and a re-recorded month replaces the earlier record', () => {
    let sections = threeMeasures();
    const b = () => sections.measures.find((measure) => measure.id === 'B');
    expect(statusInMonth(b()!, '2026-05')).toBe('not-started');
    expect(statusInMonth(b()!, '2026-07')).toBe('in-progress');

    sections = recordMonth(sections, 'B', { month: '2026-06', status: 'done', note: 'Xong sớm' });
    expect(b()?.checks).toEqual([{ month: '2026-06', status: 'done', note: 'Xong sớm' }]);
    expect(b()?.status).toBe('done');
  });

  it('counts June: 1 done, 1 in progress, 1 not started, 1 overdue (B was due on 15 June)', () => {
    expect(measureFigures(threeMeasures().measures, '2026-06')).toEqual({
      total: 3,
      done: 1,
      inProgress: 1,
      notStarted: 1,
      overdue: 1,
    });
    expect(measureFigures(threeMeasures().measures, '2026-05')).toEqual({
      total: 3,
      done: 1,
      inProgress: 0,
      notStarted: 2,
      overdue: 0,
    });
    expect(monthEnd('2026-02')).toBe('2026-02-28');
  });
});

describe('members’ remediation progress', () => {
  it('sums the latest results: 8 actions, 4 done; 4 due by June, all done; nobody finished everything', () => {
    expect(memberProgress(round, entries, '2026-06')).toEqual({
      memberCount: 14,
      sent: 12,
      actions: 8,
      done: 4,
      due: 4,
      dueDone: 4,
      withoutDeadlines: 0,
      allDone: 0,
    });
  });

  it('writes the minutes paragraph with denominators and hides small member counts', () => {
    const text = minutesParagraph({
      month: '2026-06',
      measures: threeMeasures().measures,
      progress: memberProgress(round, entries, '2026-06'),
      threshold: 3,
    });
    expect(text).toContain('Trong tháng 6/2026');
    expect(text).toContain(
      'Về 3 biện pháp của chi bộ: đã xong 1/3, đang thực hiện 1/3, chưa thực hiện 1/3; 1/3 biện pháp đã quá thời hạn.',
    );
    expect(text).toContain('theo kết quả mới nhất của 12/14 đồng chí: đã hoàn thành 4/8 (50%) biện pháp tự đề ra');
    expect(text).toContain('trong 4 biện pháp đến hạn, đã xong 4/4');
    expect(text).toContain('dưới 3/12 đồng chí đã hoàn thành toàn bộ kế hoạch.');
  });

  it('says so when nothing is recorded yet', () => {
    const text = minutesParagraph({
      month: '2026-06',
      measures: [],
      progress: memberProgress(round, [], '2026-06'),
      threshold: 3,
    });
    expect(text).toContain('Chi bộ chưa ghi biện pháp khắc phục của tập thể.');
    expect(text).toContain('Chưa có kết quả của đảng viên để tổng hợp.');
  });
});

describe('branch year-end figures', () => {
  it('on 1 December: 8 actions, 4 done (50%), 4 in progress, none overdue', () => {
    const figures = branchYearEnd(round, entries, threeMeasures().measures, '2026-12-01');
    expect(figures.actions).toEqual({ planned: 8, done: 4, overdue: 0, inProgress: 4, notStarted: 0, noDeadline: 0 });
    expect(figures.completion).toEqual({ done: 4, planned: 8, percent: 50 });
    expect(figures.measureCompletion).toEqual({ done: 1, planned: 3, percent: 33 });
  });

  it('after the deadlines: the 4 open actions are overdue', () => {
    const figures = branchYearEnd(round, entries, [], '2027-01-05');
    expect(figures.actions).toEqual({ planned: 8, done: 4, overdue: 4, inProgress: 0, notStarted: 0, noDeadline: 0 });
    expect(figures.measureCompletion.percent).toBeNull();
  });

  it('counts results without action detail by status, as actions without deadline', () => {
    const first = entries[0]!;
    const linkEntry: Entry = {
      ...first,
      id: 'link-1',
      shareId: 'link-share',
      number: 13,
      source: 'link',
      actions: undefined,
      actionCounts: { 'not-started': 1, 'in-progress': 1, done: 1 },
    };
    const figures = branchYearEnd({ ...round, memberCount: 14 }, [...entries, linkEntry], [], '2027-01-05');
    expect(figures.sent).toBe(13);
    expect(figures.actions).toEqual({ planned: 11, done: 5, overdue: 4, inProgress: 1, notStarted: 1, noDeadline: 2 });
    expect(figures.unknownDeadline).toBe(2);
    expect(figures.completion.percent).toBe(45);
  });
});
