/**
 * Shapes of the branch workspace's records (shape version 1): a round (đợt) of the branch's
 * self-review and the members' results received in it. Parsed from `unknown` at every boundary
 * (IndexedDB, backup files) with `checkRound` / `checkEntry`.
 */
import * as v from 'valibot';

import { actionStatuses, MAX_TEXT_LENGTH } from '../review-constants';
import { sharedActionSchema, sharedLevels, sharedNoteSchema } from '../share';
import { reportSchema } from './report-schema';

/** Current version of the round and entry shapes. Bump only with a migration step. */
export const BRANCH_SHAPE_VERSION = 1;

/** Default for "counts below this leave the branch as 'dưới N'". */
export const DEFAULT_SMALL_COUNT_THRESHOLD = 3;

/** How an entry reached the secretary. Keys are persisted: never rename. */
export const entrySources = ['file', 'link', 'paper'] as const;
export type EntrySource = (typeof entrySources)[number];

const id = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
const shortText = () => v.pipe(v.string(), v.maxLength(200));
const timestamp = () => v.pipe(v.string(), v.isoTimestamp());
const count = () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(300));

export const roundSchema = v.strictObject({
  /** Version of this record shape. */
  shapeVersion: v.literal(BRANCH_SHAPE_VERSION),
  /** Stable id of the round. */
  id: id(),
  /** Party committee above the branch ("Đảng bộ …"). */
  higherCommittee: shortText(),
  /** Name of the branch ("Chi bộ …"). */
  branchName: shortText(),
  /** Period the round covers ("6 tháng đầu năm 2026"). */
  period: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Members of the branch (full + probationary): the denominator of "not sent yet". */
  memberCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  /** Checklist the members review themselves against. */
  checklistId: id(),
  /** Counts below this are shown as "dưới N" in anything leaving the branch; 0 turns it off. */
  smallCountThreshold: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50)),
  /** When the round was created (ISO date-time). */
  createdAt: timestamp(),
  /** When it was last changed. */
  updatedAt: timestamp(),
  /** Incremented on every save; guards against two tabs overwriting each other. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The committee's báo cáo đề dẫn and monthly follow-up (report-schema.ts); absent until started. */
  report: v.optional(reportSchema),
});

export const entrySchema = v.strictObject({
  /** Version of this record shape. */
  shapeVersion: v.literal(BRANCH_SHAPE_VERSION),
  /** Stable id of the entry. */
  id: id(),
  /** Round it belongs to. */
  roundId: id(),
  /** Share id of the member's review (the same review shared again replaces this entry). */
  shareId: id(),
  /** How it arrived. */
  source: v.picklist(entrySources),
  /** Order of arrival in the round, from 1: names "Đảng viên chưa ghi tên 3". */
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** When the secretary added it (ISO date-time). */
  receivedAt: timestamp(),
  /** When the member produced it; "" for paper forms and links. */
  sharedAt: v.union([v.literal(''), timestamp()]),
  /** The review's revision when shared (0 for paper forms). */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Name, only when the member chose to give it (or the secretary typed it from paper). */
  name: shortText(),
  /** Checklist of the shared review. */
  checklistId: id(),
  /** Period of the shared review. */
  period: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Level per answered item. */
  levels: v.record(id(), v.picklist(sharedLevels)),
  /** Actions by status. */
  actionCounts: v.strictObject({
    'not-started': count(),
    'in-progress': count(),
    done: count(),
  }),
  /** Actions one by one, when the member sent a file. */
  actions: v.optional(v.pipe(v.array(sharedActionSchema), v.maxLength(300))),
  /** Observations and causes, when the member chose to share them. */
  notes: v.optional(v.record(id(), sharedNoteSchema)),
  /** The secretary's own remark on the entry. */
  remark: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH)),
});

export type Round = v.InferOutput<typeof roundSchema>;
export type Entry = v.InferOutput<typeof entrySchema>;

type Check<T> = { ok: true; value: T } | { ok: false; where: string; message: string };

function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Check<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  return { ok: false, where: issue?.path?.map((entry) => String(entry.key)).join('.') ?? '', message: issue?.message ?? '' };
}

/** Validates a value as a current-shape round. */
export function checkRound(value: unknown): Check<Round> {
  return check(roundSchema, value);
}

/** Validates a value as a current-shape entry. */
export function checkEntry(value: unknown): Check<Entry> {
  return check(entrySchema, value);
}

export { actionStatuses };
