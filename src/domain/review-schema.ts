/**
 * Shape of a self-review record (stored shape version 2). Parsed from `unknown` at every boundary
 * (IndexedDB, imported files) after the migrations in review-migrations.ts have run.
 * Uses Valibot (not zod, which the build-time content schemas use) because it adds about 2 KB
 * instead of 9 KB to the self-review page's first-load JavaScript (budget 25 KB gzip).
 */
import * as v from 'valibot';

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
const id = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
/** A calendar date "YYYY-MM-DD", or "" when not set. */
const day = () => v.pipe(v.string(), v.isoDate());
const optionalDay = () => v.union([v.literal(''), day()]);

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
  period: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** When the review was created (ISO date-time). */
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  /** When it was last changed (ISO date-time). */
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
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

/** Validates a value as a current-shape review or throws. */
export function parseReview(value: unknown): Review {
  return v.parse(reviewSchema, value);
}
