/**
 * Shape of a self-review record (stored shape version 2). Parsed from `unknown` at every boundary
 * (IndexedDB, imported files) after the migrations in review-migrations.ts have run.
 * Uses zod/mini to keep the self-review page's first-load JavaScript small.
 */
import * as z from 'zod/mini';

/** Current version of the record shape. Bump only together with a new step in review-migrations.ts. */
export const REVIEW_SHAPE_VERSION = 2;

/** Longest text kept in one field; longer input is refused rather than silently cut. */
export const MAX_TEXT_LENGTH = 20_000;

const text = () => z.string().check(z.maxLength(MAX_TEXT_LENGTH));
const id = () => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
/** A calendar date "YYYY-MM-DD", or "" when not set. */
const optionalDay = () => z.union([z.literal(''), z.iso.date()]);

/**
 * How the member sees themself against one manifestation. Keys are persisted: never rename.
 * "risk" is the level some branches ask for between no sign and a sign ("nguy cơ dễ mắc phải").
 */
export const assessmentLevels = ['unset', 'none', 'risk', 'some', 'clear'] as const;
export type Assessment = (typeof assessmentLevels)[number];

/** Progress of one remediation action. Keys are persisted: never rename. */
export const actionStatuses = ['not-started', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const answerSchema = z.strictObject({
  /** The member's own assessment for this item. */
  assessment: z.enum(assessmentLevels),
  /** What the member observed in themself (concrete facts). */
  observed: text(),
  /** Subjective causes (from oneself). */
  causesSubjective: text(),
  /** Objective causes (circumstances). */
  causesObjective: text(),
});

export const checkInSchema = z.strictObject({
  /** Stable id of the check-in. */
  id: id(),
  /** Day of the check-in. */
  date: z.iso.date(),
  /** Status of the action on that day. */
  status: z.enum(actionStatuses),
  /** What was done or is blocking. */
  note: text(),
});

export const actionSchema = z.strictObject({
  /** Stable id of the action. */
  id: id(),
  /** Checklist item this action remedies, or "" for a general action. */
  itemId: z.union([z.literal(''), id()]),
  /** What will be done. */
  what: text(),
  /** Deadline, or "" when not set. */
  deadline: optionalDay(),
  /** How progress or success will be judged. */
  measure: text(),
  /** Who follows it up (e.g. "Bí thư chi bộ"). */
  followUpBy: text(),
  /** Current status. */
  status: z.enum(actionStatuses),
  /** Dated monthly follow-ups, oldest first. */
  checkIns: z.array(checkInSchema).check(z.maxLength(500)),
});

export const memberSchema = z.strictObject({
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

export const reviewSchema = z.strictObject({
  /** Version of this record shape (see REVIEW_SHAPE_VERSION). */
  shapeVersion: z.literal(REVIEW_SHAPE_VERSION),
  /** Stable id of the review. */
  id: id(),
  /** Id of the checklist (content/checklists file name) the review was made against. */
  checklistId: id(),
  /** Period the review covers ("6 tháng đầu năm 2022", "Cuối năm 2022", or free text). */
  period: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When the review was created (ISO date-time). */
  createdAt: z.iso.datetime(),
  /** When it was last changed (ISO date-time). */
  updatedAt: z.iso.datetime(),
  /** Incremented on every save; guards against two tabs overwriting each other. */
  revision: z.number().check(z.int(), z.minimum(0)),
  /** Who the review belongs to; all optional. */
  member: memberSchema,
  /** Answers by checklist item id; items not present are "unset". */
  answers: z.record(id(), answerSchema),
  /** Strengths to keep ("ưu điểm cần phát huy"). */
  strengths: text(),
  /** The member's commitment, printed as section IV. */
  commitment: text(),
  /** Remediation plan. */
  actions: z.array(actionSchema).check(z.maxLength(300)),
});

export type Answer = z.infer<typeof answerSchema>;
export type CheckIn = z.infer<typeof checkInSchema>;
export type PlanAction = z.infer<typeof actionSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Review = z.infer<typeof reviewSchema>;
