/**
 * After the themed meeting: the branch's own measures followed up month by month, the members'
 * remediation progress from their re-shared results (counts with denominators), a paragraph for
 * the monthly minutes, and the round's year-end figures. Pure: months, days and ids are arguments.
 */
import type { ActionStatus } from '../review-constants';
import { toNfc } from '../text';
import { actionFigures, completionOf, formatCompletion, type ActionFigures, type Completion } from '../year-end';
import type { Entry, Round } from './branch-schema';
import type { BranchMeasure, MeasureCheck, ReportSections } from './report-schema';

/** A new, empty measure. */
export function addMeasure(sections: ReportSections, id: string): ReportSections {
  const measure: BranchMeasure = { id, what: '', who: '', by: '', status: 'not-started', checks: [] };
  return { ...sections, measures: [...sections.measures, measure] };
}

export function updateMeasure(
  sections: ReportSections,
  id: string,
  patch: Partial<Pick<BranchMeasure, 'what' | 'who' | 'by' | 'status'>>,
): ReportSections {
  const clean = Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, toNfc(value)])) as typeof patch;
  return { ...sections, measures: sections.measures.map((measure) => (measure.id === id ? { ...measure, ...clean } : measure)) };
}

export function removeMeasure(sections: ReportSections, id: string): ReportSections {
  return { ...sections, measures: sections.measures.filter((measure) => measure.id !== id) };
}

/**
 * Records the month's follow-up of a measure (replacing that month's earlier record); the
 * measure's status becomes that of its latest month.
 */
export function recordMonth(sections: ReportSections, id: string, check: MeasureCheck): ReportSections {
  return {
    ...sections,
    measures: sections.measures.map((measure) => {
      if (measure.id !== id) return measure;
      const checks = [
        ...measure.checks.filter((entry) => entry.month !== check.month),
        { ...check, note: toNfc(check.note) },
      ].sort((a, b) => a.month.localeCompare(b.month));
      return { ...measure, checks, status: checks[checks.length - 1]?.status ?? measure.status };
    }),
  };
}

/** Status of a measure as of a month: its latest check up to that month, else "not-started". */
export function statusInMonth(measure: BranchMeasure, month: string): ActionStatus {
  const known = measure.checks.filter((check) => check.month <= month);
  return known[known.length - 1]?.status ?? 'not-started';
}

/** Last day of a month "YYYY-MM", as "YYYY-MM-DD". */
export function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, number ?? 1, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** A deadline ("YYYY-MM-DD", "YYYY-MM" or "") as the last day it allows, or "" when not set. */
function lastDay(by: string): string {
  if (by === '') return '';
  return by.length === 7 ? monthEnd(by) : by;
}

export interface MeasureFigures {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly notStarted: number;
  /** Not done by the end of the month although due by then. */
  readonly overdue: number;
}

/** The branch's measures as of a month. */
export function measureFigures(measures: readonly BranchMeasure[], month: string): MeasureFigures {
  const end = monthEnd(month);
  const statuses = measures.map((measure) => ({ status: statusInMonth(measure, month), by: lastDay(measure.by) }));
  return {
    total: measures.length,
    done: statuses.filter((entry) => entry.status === 'done').length,
    inProgress: statuses.filter((entry) => entry.status === 'in-progress').length,
    notStarted: statuses.filter((entry) => entry.status === 'not-started').length,
    overdue: statuses.filter((entry) => entry.status !== 'done' && entry.by !== '' && entry.by < end).length,
  };
}

export interface MemberProgress {
  readonly memberCount: number;
  /** Results received in the round: the denominator for members. */
  readonly sent: number;
  /** All actions reported by members. */
  readonly actions: number;
  readonly done: number;
  /** Actions with a known deadline on or before the end of the month (file shares only). */
  readonly due: number;
  readonly dueDone: number;
  /** Members whose results carry no deadlines (shared by link or on paper): their actions are never "due". */
  readonly withoutDeadlines: number;
  /** Members with at least one action, all done. */
  readonly allDone: number;
}

/** Members' remediation progress as of the end of a month, from the latest result each sent. */
export function memberProgress(
  round: Pick<Round, 'id' | 'memberCount'>,
  entries: readonly Entry[],
  month: string,
): MemberProgress {
  const end = monthEnd(month);
  const received = entries.filter((entry) => entry.roundId === round.id);
  let actions = 0;
  let done = 0;
  let due = 0;
  let dueDone = 0;
  let withoutDeadlines = 0;
  let allDone = 0;
  for (const entry of received) {
    const counts = entry.actionCounts;
    const total = counts['not-started'] + counts['in-progress'] + counts.done;
    actions += total;
    done += counts.done;
    if (total > 0 && counts.done === total) allDone += 1;
    if (entry.actions === undefined) {
      if (total > 0) withoutDeadlines += 1;
      continue;
    }
    for (const action of entry.actions) {
      if (action.deadline === '' || action.deadline > end) continue;
      due += 1;
      if (action.status === 'done') dueDone += 1;
    }
  }
  return { memberCount: round.memberCount, sent: received.length, actions, done, due, dueDone, withoutDeadlines, allDone };
}

/** "tháng 7/2026". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `tháng ${Number(number)}/${year}`;
}

/**
 * One paragraph for the monthly minutes. Counts of members below the threshold read "dưới N"
 * (month-to-month differences could otherwise point at one person); action counts are sums.
 */
export function minutesParagraph(input: {
  month: string;
  measures: readonly BranchMeasure[];
  progress: MemberProgress;
  threshold: number;
}): string {
  const { month, progress, threshold } = input;
  const figures = measureFigures(input.measures, month);
  const members = (count: number) => (threshold > 1 && count < threshold ? `dưới ${threshold}` : String(count));
  const sentences: string[] = [
    `Trong ${monthLabel(month)}, chi bộ kiểm điểm việc khắc phục hạn chế, khuyết điểm sau tự soi, tự sửa.`,
  ];
  if (figures.total === 0) {
    sentences.push('Chi bộ chưa ghi biện pháp khắc phục của tập thể.');
  } else {
    sentences.push(
      `Về ${figures.total} biện pháp của chi bộ: đã xong ${figures.done}/${figures.total}, đang thực hiện ${figures.inProgress}/${figures.total}, ` +
        `chưa thực hiện ${figures.notStarted}/${figures.total}` +
        (figures.overdue > 0 ? `; ${figures.overdue}/${figures.total} biện pháp đã quá thời hạn.` : '.'),
    );
  }
  if (progress.sent === 0) {
    sentences.push('Chưa có kết quả của đảng viên để tổng hợp.');
  } else {
    sentences.push(
      `Về đảng viên, theo kết quả mới nhất của ${progress.sent}/${progress.memberCount} đồng chí: ` +
        `đã hoàn thành ${formatCompletion(completionOf(progress.done, progress.actions))} biện pháp tự đề ra` +
        (progress.due > 0 ? `; trong ${progress.due} biện pháp đến hạn, đã xong ${progress.dueDone}/${progress.due}` : '') +
        `; ${members(progress.allDone)}/${progress.sent} đồng chí đã hoàn thành toàn bộ kế hoạch.`,
    );
  }
  return toNfc(sentences.join(' '));
}

export interface BranchYearEnd {
  readonly memberCount: number;
  readonly sent: number;
  readonly actions: ActionFigures;
  readonly completion: Completion;
  /** Actions whose deadline the branch does not know (link or paper results). */
  readonly unknownDeadline: number;
  readonly measures: MeasureFigures;
  readonly measureCompletion: Completion;
}

/**
 * The round's year-end figures: members' actions by standing on `today` (same buckets as a
 * member's own summary) and the branch's measures. Results without per-action detail count by
 * status only, as actions without deadline.
 */
export function branchYearEnd(
  round: Pick<Round, 'id' | 'memberCount'>,
  entries: readonly Entry[],
  measures: readonly BranchMeasure[],
  today: string,
): BranchYearEnd {
  const received = entries.filter((entry) => entry.roundId === round.id);
  const flat: { status: ActionStatus; deadline: string }[] = [];
  let unknownDeadline = 0;
  for (const entry of received) {
    if (entry.actions !== undefined) {
      for (const action of entry.actions) flat.push({ status: action.status, deadline: action.deadline });
      continue;
    }
    for (const status of ['not-started', 'in-progress', 'done'] as const) {
      for (let index = 0; index < entry.actionCounts[status]; index += 1) flat.push({ status, deadline: '' });
      if (status !== 'done') unknownDeadline += entry.actionCounts[status];
    }
  }
  const actions = actionFigures(flat, today);
  const month = today.slice(0, 7);
  const branchMeasures = measureFigures(measures, month);
  return {
    memberCount: round.memberCount,
    sent: received.length,
    actions,
    completion: completionOf(actions.done, actions.planned),
    unknownDeadline,
    measures: branchMeasures,
    measureCompletion: completionOf(branchMeasures.done, branchMeasures.total),
  };
}
