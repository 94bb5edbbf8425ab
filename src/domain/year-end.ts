/**
 * A member's year-end summary of one review: what they found, what they planned and how much of
 * it is done, and a draft paragraph for the self-criticism and remediation part of the year-end
 * self-review form (Hướng dẫn 43-HD/BTCTW, 2025). Pure: the day is an argument.
 */
import { numberChecklist } from './checklist';
import type { ChecklistData } from './checklist-schema';
import type { ActionStatus, Assessment } from './review-constants';
import { answerFor, isSign } from './review-model';
import type { PlanAction, Review } from './review-schema';
import { toNfc } from './text';

/** Where an action stands at year end; each action is in exactly one bucket. */
export type ActionStanding = 'done' | 'overdue' | 'in-progress' | 'not-started';

export interface ActionFigures {
  /** All actions in the plan. */
  readonly planned: number;
  readonly done: number;
  /** Not done and past the deadline (whatever their status). */
  readonly overdue: number;
  /** In progress, not overdue. */
  readonly inProgress: number;
  /** Not started, not overdue. */
  readonly notStarted: number;
  /** Not done and without a deadline: cannot become overdue, worth a word in the summary. */
  readonly noDeadline: number;
}

export interface Completion {
  readonly done: number;
  readonly planned: number;
  /** Rounded to a whole percent; null when nothing was planned (no fraction to speak of). */
  readonly percent: number | null;
}

export interface FoundItem {
  readonly overallNumber: number;
  readonly label: string;
  readonly level: Assessment;
}

export interface YearEndSummary {
  readonly period: string;
  /** Items assessed (any level but "unset") out of the checklist's items. */
  readonly assessed: number;
  readonly total: number;
  /** Items with a sign or a risk, in checklist order. */
  readonly found: readonly FoundItem[];
  readonly foundByLevel: { readonly risk: number; readonly some: number; readonly clear: number };
  readonly actions: ActionFigures;
  readonly completion: Completion;
  /** Draft for the year-end self-review form; a starting point the member edits. */
  readonly draft: string;
}

/**
 * The share of remediation content that some implementation guides treat as "achieved". It is NOT
 * the wording of Quy định 366-QĐ/TW (the appendix was not verified): always shown with that caveat.
 */
export const IMPLEMENTATION_GUIDE_THRESHOLD = 80;

export const thresholdNote =
  `Theo một số hướng dẫn triển khai (không phải câu chữ của Quy định 366-QĐ/TW), kết quả khắc phục đạt từ ` +
  `${IMPLEMENTATION_GUIDE_THRESHOLD}% nội dung đã đề ra trở lên được xem là đạt. Hãy đối chiếu với hướng dẫn của cấp ủy nơi bạn sinh hoạt.`;

/** The bucket of one action on a day "YYYY-MM-DD". */
export function actionStanding(action: Pick<PlanAction, 'status' | 'deadline'>, today: string): ActionStanding {
  if (action.status === 'done') return 'done';
  if (action.deadline !== '' && action.deadline < today) return 'overdue';
  return action.status satisfies Exclude<ActionStatus, 'done'>;
}

/** Counts actions by standing. */
export function actionFigures(actions: readonly Pick<PlanAction, 'status' | 'deadline'>[], today: string): ActionFigures {
  const count = (standing: ActionStanding) => actions.filter((action) => actionStanding(action, today) === standing).length;
  return {
    planned: actions.length,
    done: count('done'),
    overdue: count('overdue'),
    inProgress: count('in-progress'),
    notStarted: count('not-started'),
    noDeadline: actions.filter((action) => action.status !== 'done' && action.deadline === '').length,
  };
}

/** Done out of planned, with a whole percentage (half rounds up); null percent when nothing was planned. */
export function completionOf(done: number, planned: number): Completion {
  return { done, planned, percent: planned === 0 ? null : Math.round((done * 100) / planned) };
}

/** "3/4 (75%)", or "chưa đề ra biện pháp nào" when nothing was planned. */
export function formatCompletion(completion: Completion): string {
  return completion.percent === null
    ? 'chưa đề ra biện pháp nào'
    : `${completion.done}/${completion.planned} (${completion.percent}%)`;
}

export function summariseYearEnd(review: Review, checklist: Pick<ChecklistData, 'groups'>, today: string): YearEndSummary {
  const items = numberChecklist(checklist).groups.flatMap((group) => group.items);
  const found: FoundItem[] = items
    .map((item) => ({
      overallNumber: item.overallNumber,
      label: toNfc(item.label),
      level: answerFor(review, item.id).assessment,
    }))
    .filter((item) => isSign(item.level));
  const assessed = items.filter((item) => answerFor(review, item.id).assessment !== 'unset').length;
  const foundByLevel = {
    risk: found.filter((item) => item.level === 'risk').length,
    some: found.filter((item) => item.level === 'some').length,
    clear: found.filter((item) => item.level === 'clear').length,
  };
  const actions = actionFigures(review.actions, today);
  const completion = completionOf(actions.done, actions.planned);
  const summary = { period: toNfc(review.period), assessed, total: items.length, found, foundByLevel, actions, completion };
  return { ...summary, draft: draftParagraph(summary) };
}

/** The draft paragraph, in the first person plain style of a self-review form. */
function draftParagraph(summary: Omit<YearEndSummary, 'draft'>): string {
  const { found, foundByLevel, actions, completion, assessed, total } = summary;
  const sentences: string[] = [];
  const scope = assessed === total ? `đủ ${total} biểu hiện` : `${assessed}/${total} biểu hiện`;
  if (found.length === 0) {
    sentences.push(`Qua tự soi ${scope} trong kỳ ${summary.period}, bản thân chưa tự nhận thấy biểu hiện nào.`);
  } else {
    const levels = [
      foundByLevel.clear > 0 ? `${foundByLevel.clear} biểu hiện rõ` : '',
      foundByLevel.some > 0 ? `${foundByLevel.some} biểu hiện ở mức nhẹ` : '',
      foundByLevel.risk > 0 ? `${foundByLevel.risk} biểu hiện có nguy cơ` : '',
    ].filter((part) => part !== '');
    const names = found.map((item) => `${item.label.charAt(0).toLocaleLowerCase('vi')}${item.label.slice(1)}`).join('; ');
    sentences.push(
      `Qua tự soi ${scope} trong kỳ ${summary.period}, bản thân tự nhận thấy ${found.length} biểu hiện cần khắc phục ` +
        `(${levels.join(', ')}): ${names}.`,
    );
  }
  if (actions.planned === 0) {
    sentences.push('Bản thân chưa đề ra biện pháp khắc phục cụ thể; cần bổ sung kế hoạch với thời hạn rõ ràng.');
  } else {
    const open = [
      actions.inProgress > 0 ? `${actions.inProgress} đang thực hiện` : '',
      actions.notStarted > 0 ? `${actions.notStarted} chưa thực hiện` : '',
      actions.overdue > 0 ? `${actions.overdue} đã quá thời hạn` : '',
    ].filter((part) => part !== '');
    sentences.push(
      `Đã đề ra ${actions.planned} biện pháp khắc phục; đến nay hoàn thành ${formatCompletion(completion)}` +
        (open.length > 0 ? `, còn ${open.join(', ')}.` : '.'),
    );
    if (actions.overdue > 0) {
      sentences.push('Nguyên nhân chậm khắc phục chủ yếu do bản thân; tiếp tục thực hiện và báo cáo chi bộ kết quả.');
    }
    if (actions.noDeadline > 0) {
      sentences.push(`Cần đặt thời hạn cho ${actions.noDeadline} biện pháp chưa có thời hạn.`);
    }
  }
  return toNfc(sentences.join(' '));
}
