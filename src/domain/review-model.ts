/**
 * The self-review model: pure functions from a review to the next review. The views only call
 * these; ids and the clock are arguments so every step is deterministic and testable in Node.
 */
import { checklistItemIds } from './checklist';
import type { ChecklistData } from './checklist-schema';
import { REVIEW_SHAPE_VERSION, type ActionStatus } from './review-constants';
import type { Answer, CheckIn, Member, PlanAction, Review } from './review-schema';
import { toNfc } from './text';

export const emptyAnswer: Answer = { assessment: 'unset', observed: '', causesSubjective: '', causesObjective: '' };

export const emptyMember: Member = { name: '', branch: '', partyCommittee: '', position: '', place: '' };

/**
 * Period names offered when creating a review, the likeliest first; free text is always allowed.
 * They follow the calendar: the first half of the year suggests the mid-year review, the second half
 * the year-end one, and January also the year just ended (year-end reviews run into January).
 */
export function suggestedPeriods(now: Date): string[] {
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  const thisMonth = `Tháng ${month}/${year}`;
  if (month === 1) return [`Cuối năm ${year - 1}`, `6 tháng đầu năm ${year}`, thisMonth];
  if (month <= 6) return [`6 tháng đầu năm ${year}`, `Cuối năm ${year}`, thisMonth, `Cuối năm ${year - 1}`];
  return [`Cuối năm ${year}`, `6 tháng đầu năm ${year + 1}`, thisMonth, `6 tháng đầu năm ${year}`];
}

/** A new, empty review for a period. */
export function createReview(input: { id: string; checklistId: string; period: string; now: Date }): Review {
  const at = input.now.toISOString();
  return {
    shapeVersion: REVIEW_SHAPE_VERSION,
    id: input.id,
    checklistId: input.checklistId,
    period: toNfc(input.period.trim()) || 'Chưa đặt tên kỳ',
    createdAt: at,
    updatedAt: at,
    revision: 0,
    member: { ...emptyMember },
    answers: {},
    strengths: '',
    commitment: '',
    actions: [],
  };
}

/**
 * Starts the next period from an earlier review: same member details, answers, strengths and
 * open actions (done ones stay in the old review's history); check-ins start afresh.
 */
export function duplicateForNextPeriod(source: Review, input: { id: string; period: string; now: Date }): Review {
  const at = input.now.toISOString();
  return {
    ...source,
    id: input.id,
    period: toNfc(input.period.trim()) || `${source.period} (bản sao)`,
    createdAt: at,
    updatedAt: at,
    revision: 0,
    member: { ...source.member },
    answers: Object.fromEntries(Object.entries(source.answers).map(([key, answer]) => [key, { ...answer }])),
    actions: source.actions.filter((action) => action.status !== 'done').map((action) => ({ ...action, checkIns: [] })),
  };
}

/** Marks a review as changed now (saving bumps the revision). */
export function touch(review: Review, now: Date): Review {
  return { ...review, updatedAt: now.toISOString() };
}

export function renameReview(review: Review, period: string): Review {
  const clean = toNfc(period.trim());
  return clean ? { ...review, period: clean } : review;
}

export function answerFor(review: Review, itemId: string): Answer {
  return review.answers[itemId] ?? emptyAnswer;
}

export function setAnswer(review: Review, itemId: string, patch: Partial<Answer>): Review {
  const next: Answer = { ...answerFor(review, itemId), ...normalisePatch(patch) };
  return { ...review, answers: { ...review.answers, [itemId]: next } };
}

export function setMember(review: Review, patch: Partial<Member>): Review {
  return { ...review, member: { ...review.member, ...normalisePatch(patch) } };
}

export function setStrengths(review: Review, strengths: string): Review {
  return { ...review, strengths: toNfc(strengths) };
}

export function setCommitment(review: Review, commitment: string): Review {
  return { ...review, commitment: toNfc(commitment) };
}

/** Adds an empty action, linked to an item when one is given. */
export function addAction(review: Review, input: { id: string; itemId?: string; what?: string }): Review {
  const action: PlanAction = {
    id: input.id,
    itemId: input.itemId ?? '',
    what: toNfc(input.what ?? ''),
    deadline: '',
    measure: '',
    followUpBy: '',
    status: 'not-started',
    checkIns: [],
  };
  return { ...review, actions: [...review.actions, action] };
}

export function updateAction(review: Review, actionId: string, patch: Partial<Omit<PlanAction, 'id' | 'checkIns'>>): Review {
  return {
    ...review,
    actions: review.actions.map((action) => (action.id === actionId ? { ...action, ...normalisePatch(patch) } : action)),
  };
}

export function removeAction(review: Review, actionId: string): Review {
  return { ...review, actions: review.actions.filter((action) => action.id !== actionId) };
}

/** Records a dated check-in; the action takes the status reported in it. */
export function addCheckIn(review: Review, actionId: string, checkIn: CheckIn): Review {
  const clean: CheckIn = { ...checkIn, note: toNfc(checkIn.note) };
  return {
    ...review,
    actions: review.actions.map((action) =>
      action.id === actionId
        ? { ...action, status: clean.status, checkIns: [...action.checkIns, clean].sort((a, b) => a.date.localeCompare(b.date)) }
        : action,
    ),
  };
}

export function removeCheckIn(review: Review, actionId: string, checkInId: string): Review {
  return {
    ...review,
    actions: review.actions.map((action) =>
      action.id === actionId ? { ...action, checkIns: action.checkIns.filter((entry) => entry.id !== checkInId) } : action,
    ),
  };
}

/** How many items of the checklist the member has assessed. */
export function progress(review: Review, checklist: Pick<ChecklistData, 'groups'>): { done: number; total: number } {
  const ids = checklistItemIds(checklist);
  const done = ids.filter((itemId) => answerFor(review, itemId).assessment !== 'unset').length;
  return { done, total: ids.length };
}

/** Whether an assessment means the member found something to fix. */
export function isSign(assessment: Answer['assessment']): boolean {
  return assessment === 'some' || assessment === 'clear' || assessment === 'risk';
}

/** Actions past their deadline and not done, on the given day ("YYYY-MM-DD"). */
export function overdueActions(review: Review, today: string): PlanAction[] {
  return review.actions.filter((action) => action.status !== 'done' && action.deadline !== '' && action.deadline < today);
}

/** The latest check-in of an action, if any. */
export function lastCheckIn(action: PlanAction): CheckIn | undefined {
  return action.checkIns[action.checkIns.length - 1];
}

/** Local calendar day "YYYY-MM-DD" of a Date. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const assessmentLabels: Record<Answer['assessment'], string> = {
  unset: 'Chưa tự soi',
  none: 'Không có biểu hiện',
  risk: 'Có nguy cơ',
  some: 'Có biểu hiện, mức nhẹ',
  clear: 'Có biểu hiện rõ',
};

export const actionStatusLabels: Record<ActionStatus, string> = {
  'not-started': 'Chưa làm',
  'in-progress': 'Đang làm',
  done: 'Đã xong',
};

/** What the review list shows for one review, without loading the whole record into the view. */
export interface ReviewSummary {
  readonly id: string;
  readonly period: string;
  readonly checklistId: string;
  readonly updatedAt: string;
  readonly answered: number;
  /** Ids of the answered items (absent in summaries stored before it existed); counts use the checklist's items only. */
  readonly answeredItems?: readonly string[];
  readonly actions: number;
  readonly memberName: string;
}

export function summarise(review: Review): ReviewSummary {
  return {
    id: review.id,
    period: review.period,
    checklistId: review.checklistId,
    updatedAt: review.updatedAt,
    answered: Object.values(review.answers).filter((answer) => answer.assessment !== 'unset').length,
    answeredItems: Object.keys(review.answers).filter((itemId) => review.answers[itemId]?.assessment !== 'unset'),
    actions: review.actions.length,
    memberName: review.member.name,
  };
}

function normalisePatch<T extends object>(patch: T): T {
  const copy = { ...patch } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) if (typeof value === 'string') copy[key] = toNfc(value);
  return copy as T;
}
