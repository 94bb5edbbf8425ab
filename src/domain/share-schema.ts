/**
 * The shape of what a member sends to the branch (share.ts): persisted identifiers, the schemas
 * every received share is checked against, and the options the member chooses.
 */
import * as v from 'valibot';

import { actionStatuses, assessmentLevels, MAX_TEXT_LENGTH, type ActionStatus, type Assessment } from './review-constants';

// Persisted identifiers: never rename (files and links already sent carry them).
/** Tag every share file starts with. */
export const SHARE_FORMAT = 'tu-soi-tu-sua/share';
/** Current share file version; readers accept this and older ones. */
export const SHARE_FORMAT_VERSION = 1;
/** Prefix of the share link fragment, including its version. */
export const SHARE_LINK_PREFIX = 's1.';
/** Largest share file accepted: a full review with every text shared stays far below this. */
export const MAX_SHARE_BYTES = 1024 * 1024;
/** Longest link fragment accepted. */
export const MAX_SHARE_FRAGMENT = 4000;

/** The levels a member can give an item (unanswered items are simply absent from a share). */
export const sharedLevels = assessmentLevels.filter((level): level is Exclude<Assessment, 'unset'> => level !== 'unset');

const text = () => v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));
/** An item, checklist or share id as received: short, no markup possible. */
export const identifier = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
const optionalDay = () => v.union([v.literal(''), v.pipe(v.string(), v.isoDate())]);

export const sharedActionSchema = v.strictObject({
  /** Checklist item the action remedies, or "" for a general action. */
  itemId: v.union([v.literal(''), identifier()]),
  /** Progress of the action. */
  status: v.picklist(actionStatuses),
  /** Deadline "YYYY-MM-DD", or "". */
  deadline: optionalDay(),
  /** What will be done; only when the member chose to share action texts. */
  what: v.optional(text()),
});

export const sharedNoteSchema = v.strictObject({
  /** What the member observed in themself. */
  observed: text(),
  /** Subjective causes. */
  causesSubjective: text(),
  /** Objective causes. */
  causesObjective: text(),
});

export const shareSchema = v.strictObject({
  /** Same for every share of one review, so the branch keeps only the newest. */
  shareId: identifier(),
  /** The review's revision when shared: a later share of the same review has a higher one. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Checklist the review was made against. */
  checklistId: identifier(),
  /** Period of the review. */
  period: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Level per answered item. */
  levels: v.record(identifier(), v.picklist(sharedLevels)),
  /** Remediation actions (status and deadline; text only when chosen). */
  actions: v.optional(v.pipe(v.array(sharedActionSchema), v.maxLength(300))),
  /** The member's name, only when chosen. */
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** Observations and causes per item, only when chosen. */
  notes: v.optional(v.record(identifier(), sharedNoteSchema)),
});

export const shareEnvelopeSchema = v.strictObject({
  /** Always SHARE_FORMAT. */
  format: v.literal(SHARE_FORMAT),
  /** Envelope version. */
  formatVersion: v.literal(SHARE_FORMAT_VERSION),
  /** When the member produced the share (ISO date-time). */
  sharedAt: v.pipe(v.string(), v.isoTimestamp()),
  /** The shared content. */
  share: shareSchema,
});

export type SharedAction = v.InferOutput<typeof sharedActionSchema>;
export type SharedNote = v.InferOutput<typeof sharedNoteSchema>;
export type Share = v.InferOutput<typeof shareSchema>;
export type ShareEnvelope = v.InferOutput<typeof shareEnvelopeSchema>;

/** Action counts by status, the form a link carries. */
export type ActionCounts = Readonly<Record<ActionStatus, number>>;

/** What the member chose to send. Levels always go; the rest as chosen. */
export interface ShareOptions {
  /** Each action's status and deadline (default on). */
  readonly actions: boolean;
  /** The member's name (default off). */
  readonly name: boolean;
  /** The text of each action (default off; needs `actions`). */
  readonly actionText: boolean;
  /** Observations and causes (default off). */
  readonly notes: boolean;
}

export const defaultShareOptions: ShareOptions = { actions: true, name: false, actionText: false, notes: false };
