/**
 * Shape of a self-review record (stored shape version 2). Parsed from `unknown` at every boundary
 * (IndexedDB, imported files) after the migrations in review-migrations.ts have run.
 * Uses Valibot (not zod, which the build-time content schemas use) because it adds about 2 KB
 * instead of 9 KB to the self-review page's first-load JavaScript (budget 25 KB gzip).
 */
import * as v from 'valibot';

import { UserFacingError } from './errors';
import { ID_PATTERN, MAX_PERIOD_LENGTH } from './limits';
import { actionStatuses, assessmentLevels, MAX_TEXT_LENGTH, REVIEW_SHAPE_VERSION } from './review-constants';

export {
  actionStatuses,
  assessmentLevels,
  MAX_TEXT_LENGTH,
  REVIEW_SHAPE_VERSION,
  type ActionStatus,
  type Assessment,
} from './review-constants';

const text = () => v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));
const id = () => v.pipe(v.string(), v.regex(ID_PATTERN));
/** A real calendar date "YYYY-MM-DD" (not 2026-02-30), or "" when not set. */
const day = () => v.pipe(v.string(), v.isoDate(), v.check(isCalendarDay, 'Ngày không có thật.'));
const optionalDay = () => v.union([v.literal(''), day()]);
/** An ISO date-time on a real calendar day. */
const moment = () =>
  v.pipe(
    v.string(),
    v.isoTimestamp(),
    v.check((value) => isCalendarDay(value.slice(0, 10)), 'Ngày không có thật.'),
  );

export const answerSchema = v.strictObject({
  /** The member's own assessment for this item. */
  assessment: v.picklist(assessmentLevels),
  /** What the member observed in themself (concrete facts). */
  observed: text(),
  /** Subjective causes (from oneself). */
  causesSubjective: text(),
  /** Objective causes (circumstances). */
  causesObjective: text(),
});

export const checkInSchema = v.strictObject({
  /** Stable id of the check-in. */
  id: id(),
  /** Day of the check-in. */
  date: day(),
  /** Status of the action on that day. */
  status: v.picklist(actionStatuses),
  /** What was done or is blocking. */
  note: text(),
});

export const actionSchema = v.strictObject({
  /** Stable id of the action. */
  id: id(),
  /** Checklist item this action remedies, or "" for a general action. */
  itemId: v.union([v.literal(''), id()]),
  /** What will be done. */
  what: text(),
  /** Deadline, or "" when not set. */
  deadline: optionalDay(),
  /** How progress or success will be judged. */
  measure: text(),
  /** Who follows it up (e.g. "Bí thư chi bộ"). */
  followUpBy: text(),
  /** Current status. */
  status: v.picklist(actionStatuses),
  /** Dated monthly follow-ups, oldest first. */
  checkIns: v.pipe(v.array(checkInSchema), v.maxLength(500)),
});

export const memberSchema = v.strictObject({
  /** Full name (optional). */
  name: text(),
  /** Party branch ("Chi bộ …"). */
  branch: text(),
  /** Party committee above the branch ("Đảng bộ …"). */
  partyCommittee: text(),
  /** Position or job. */
  position: text(),
  /** Place for the date line of the printed plan ("Hà Tĩnh"). */
  place: text(),
});

export const reviewSchema = v.strictObject({
  /** Version of this record shape (see REVIEW_SHAPE_VERSION). */
  shapeVersion: v.literal(REVIEW_SHAPE_VERSION),
  /** Stable id of the review. */
  id: id(),
  /** Id of the checklist (content/checklists file name) the review was made against. */
  checklistId: id(),
  /** Period the review covers ("6 tháng đầu năm 2022", "Cuối năm 2022", or free text). */
  period: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PERIOD_LENGTH)),
  /** When the review was created (ISO date-time). */
  createdAt: moment(),
  /** When it was last changed (ISO date-time). */
  updatedAt: moment(),
  /** Incremented on every save; guards against two tabs overwriting each other. */
  revision: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  /** Who the review belongs to; all optional. */
  member: memberSchema,
  /** Answers by checklist item id; items not present are "unset". */
  answers: v.record(id(), answerSchema),
  /** Strengths to keep ("ưu điểm cần phát huy"). */
  strengths: text(),
  /** The member's commitment, printed as section IV. */
  commitment: text(),
  /** Remediation plan. */
  actions: v.pipe(v.array(actionSchema), v.maxLength(300)),
});

export type Answer = v.InferOutput<typeof answerSchema>;
export type CheckIn = v.InferOutput<typeof checkInSchema>;
export type PlanAction = v.InferOutput<typeof actionSchema>;
export type Member = v.InferOutput<typeof memberSchema>;
export type Review = v.InferOutput<typeof reviewSchema>;

/** Validates a value as a current-shape review; returns the issue path and message on failure. */
export function checkReview(value: unknown): { ok: true; review: Review } | { ok: false; where: string; message: string } {
  const result = v.safeParse(reviewSchema, value);
  if (result.success) return { ok: true, review: result.output };
  const issue = result.issues[0];
  const where = issue?.path?.map((entry) => String(entry.key)).join('.') ?? '';
  return { ok: false, where, message: issue?.message ?? '' };
}

/** Thrown when a review cannot be saved as it is; the message names the field, in Vietnamese. */
export class ReviewFieldError extends UserFacingError {
  constructor(readonly where: string) {
    super(
      `Chưa lưu được: ô “${fieldLabel(where)}” không hợp lệ (có thể quá dài). Hãy sửa ô đó; những gì khác vẫn giữ trên màn hình.`,
    );
    this.name = 'ReviewFieldError';
  }
}

/** Validates a value as a current-shape review or throws a ReviewFieldError naming the field. */
export function parseReview(value: unknown): Review {
  const checked = checkReview(value);
  if (!checked.ok) throw new ReviewFieldError(checked.where);
  return checked.review;
}

/** Whether "YYYY-MM-DD" names a day that exists. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const fieldNames: Record<string, string> = {
  period: 'Kỳ tự soi',
  name: 'Họ và tên',
  branch: 'Chi bộ',
  partyCommittee: 'Đảng bộ cấp trên',
  position: 'Chức vụ, công việc',
  place: 'Địa danh ghi trên văn bản',
  observed: 'Điều bản thân nhận thấy',
  causesSubjective: 'Nguyên nhân chủ quan',
  causesObjective: 'Nguyên nhân khách quan',
  strengths: 'Ưu điểm cần phát huy',
  commitment: 'Cam kết của bản thân',
  what: 'Việc sẽ làm',
  deadline: 'Thời hạn',
  measure: 'Cách đánh giá kết quả',
  followUpBy: 'Người theo dõi',
  note: 'Ghi chú theo dõi',
  date: 'Ngày theo dõi',
};

/** The member's name for the field at a schema path ("answers.I-1.observed" → "Điều bản thân nhận thấy (I-1)"). */
export function fieldLabel(where: string): string {
  const parts = where.split('.');
  const last = parts[parts.length - 1] ?? '';
  const label = fieldNames[last] ?? 'một ô';
  return parts[0] === 'answers' && parts[1] ? `${label} (${parts[1]})` : label;
}
