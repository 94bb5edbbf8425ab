/**
 * What a member sends to the branch: a share file (versioned JSON envelope) or a share link whose
 * `#fragment` carries a compact summary. Both are produced on the member's device from a review and
 * the fields the member chose; both are parsed here, at the boundary, as strictly as a backup.
 *
 * Share file (formatVersion 1), compact JSON:
 *   { "format": "tu-soi-tu-sua/share", "formatVersion": 1, "sharedAt": ISO date-time,
 *     "share": {
 *       "shareId": stable id of the review's shares (derived from the review id, reveals nothing),
 *       "revision": the review's revision when shared (a newer share has a higher one),
 *       "checklistId", "period",
 *       "levels": { itemId: "none" | "risk" | "some" | "clear" }   (unanswered items left out),
 *       "actions"?: [{ "itemId", "status", "deadline", "what"? }] (when the member shares actions),
 *       "name"?: string,                                            (only when chosen)
 *       "notes"?: { itemId: { "observed", "causesSubjective", "causesObjective" } } (only when chosen)
 *     } }
 *
 * Share link: `<site>/chi-bo/#s1.<payload>.<check>` where payload is base64url of the UTF-8 JSON array
 *   [shareId, revision, checklistId, period, levelDigits, [notStarted, inProgress, done], name?]
 * levelDigits holds one digit per checklist item in checklist order (index in `assessmentLevels`),
 * and check is a short checksum of the payload so a link cut off by a chat app is recognised.
 * Fragments never reach a server; the branch page removes it from the address bar after reading.
 */
import * as v from 'valibot';

import { actionStatuses, assessmentLevels, MAX_TEXT_LENGTH, type ActionStatus, type Assessment } from './review-constants';
import type { Review } from './review-schema';
import { normalizeJson, toNfc, UnsafeDataError } from './text';

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
const id = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
const optionalDay = () => v.union([v.literal(''), v.pipe(v.string(), v.isoDate())]);

export const sharedActionSchema = v.strictObject({
  /** Checklist item the action remedies, or "" for a general action. */
  itemId: v.union([v.literal(''), id()]),
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
  shareId: id(),
  /** The review's revision when shared: a later share of the same review has a higher one. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Checklist the review was made against. */
  checklistId: id(),
  /** Period of the review. */
  period: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Level per answered item. */
  levels: v.record(id(), v.picklist(sharedLevels)),
  /** Remediation actions (status and deadline; text only when chosen). */
  actions: v.optional(v.pipe(v.array(sharedActionSchema), v.maxLength(300))),
  /** The member's name, only when chosen. */
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** Observations and causes per item, only when chosen. */
  notes: v.optional(v.record(id(), sharedNoteSchema)),
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

/** Stable, non-reversible share id of a review (FNV-1a 64-bit of its id, base36). */
export function shareIdFor(reviewId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`share:${reviewId}`)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36).padStart(13, '0');
}

/** The share a review yields under the chosen options. Pure; the clock is an argument. */
export function buildShare(review: Review, options: ShareOptions): Share {
  const levels: Record<string, Exclude<Assessment, 'unset'>> = {};
  for (const [itemId, answer] of Object.entries(review.answers)) {
    if (answer.assessment !== 'unset') levels[itemId] = answer.assessment;
  }
  const share: {
    -readonly [K in keyof Share]: Share[K];
  } = {
    shareId: shareIdFor(review.id),
    revision: review.revision,
    checklistId: review.checklistId,
    period: review.period,
    levels,
  };
  if (options.actions) {
    share.actions = review.actions.map((action) => ({
      itemId: action.itemId,
      status: action.status,
      deadline: action.deadline,
      ...(options.actionText ? { what: action.what } : {}),
    }));
  }
  const name = review.member.name.trim();
  if (options.name && name !== '') share.name = name;
  if (options.notes) {
    const notes: Record<string, SharedNote> = {};
    for (const [itemId, answer] of Object.entries(review.answers)) {
      if (answer.observed === '' && answer.causesSubjective === '' && answer.causesObjective === '') continue;
      notes[itemId] = {
        observed: answer.observed,
        causesSubjective: answer.causesSubjective,
        causesObjective: answer.causesObjective,
      };
    }
    share.notes = notes;
  }
  return share;
}

/** The text of a share file (compact JSON: the file stays small). */
export function createShareFile(share: Share, now: Date): string {
  const envelope: ShareEnvelope = {
    format: SHARE_FORMAT,
    formatVersion: SHARE_FORMAT_VERSION,
    sharedAt: now.toISOString(),
    share,
  };
  return JSON.stringify(envelope);
}

/** A suggested file name for a share file, without personal data. */
export function shareFileName(now: Date): string {
  return `ket-qua-tu-soi-${now.toISOString().slice(0, 10)}.tusoi-share.json`;
}

export type ShareProblem =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'is-backup'
  | 'not-share'
  | 'future-version'
  | 'bad-content'
  | 'unsafe'
  | 'script'
  | 'cut-link'
  | 'bad-link'
  | 'unknown-item'
  | 'other-checklist';

export class ShareError extends Error {
  constructor(
    readonly problem: ShareProblem,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

const noChange = 'Không có gì bị thay đổi.';
const notShare = `Đây không phải tệp kết quả tự soi gửi chi bộ (tệp “…tusoi-share.json”), hoặc tệp đã bị sửa. ${noChange}`;

/** Markup that could run if a view ever rendered text as HTML; refused in anything received. */
const executableMarkup = /<\s*(script|iframe|object|embed|svg|img|link|meta|style)\b|javascript\s*:|\bon[a-z]+\s*=/i;

function findMarkup(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return executableMarkup.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = findMarkup(entry, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      const found = findMarkup(entry, `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function clean(raw: unknown): unknown {
  try {
    return normalizeJson(raw);
  } catch (error) {
    if (error instanceof UnsafeDataError) {
      throw new ShareError('unsafe', `Dữ liệu có nội dung không an toàn nên không được đọc. ${noChange}`, error.path);
    }
    throw error;
  }
}

/** Item ids and level checks against the checklist the branch uses. */
export interface ShareChecklist {
  readonly id: string;
  readonly itemIds: readonly string[];
}

function checkItems(share: Share, checklist: ShareChecklist | undefined): void {
  if (!checklist || share.checklistId !== checklist.id) return;
  const known = new Set(checklist.itemIds);
  const ids = [
    ...Object.keys(share.levels),
    ...Object.keys(share.notes ?? {}),
    ...(share.actions ?? []).map((a) => a.itemId).filter((itemId) => itemId !== ''),
  ];
  const unknown = ids.find((itemId) => !known.has(itemId));
  if (unknown !== undefined) {
    throw new ShareError(
      'unknown-item',
      `Tệp nhắc đến biểu hiện “${unknown}” không có trong danh mục của chi bộ. ${noChange}`,
      unknown,
    );
  }
}

/**
 * Reads a share file's text. Never returns partial results. With a checklist, item ids of that
 * checklist are checked (a share made against another checklist is returned; the caller warns).
 */
export function readShareFile(text: string, checklist?: ShareChecklist): ShareEnvelope {
  if (new TextEncoder().encode(text).length > MAX_SHARE_BYTES) {
    throw new ShareError('too-large', `Tệp quá lớn (trên 1 MB), không phải tệp kết quả tự soi. ${noChange}`);
  }
  if (text.trim() === '') throw new ShareError('empty', `Tệp trống, không có kết quả nào. ${noChange}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ShareError(
      'not-json',
      `Tệp không đọc được: có thể tệp bị hỏng, bị cắt dở, hoặc không phải tệp kết quả tự soi. ${noChange}`,
    );
  }
  const envelope = clean(raw);
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) throw new ShareError('not-share', notShare);
  const record = envelope as Record<string, unknown>;
  if (record['format'] === 'tu-soi-tu-sua/backup') {
    throw new ShareError(
      'is-backup',
      `Đây là tệp sao lưu toàn bộ dữ liệu của một đảng viên, không phải tệp gửi chi bộ. Tệp này không được đọc ở đây. Hãy nhắn đồng chí đó vào “Tự soi” → “Gửi kết quả cho chi bộ” để tạo tệp gửi chi bộ. ${noChange}`,
    );
  }
  if (record['format'] !== SHARE_FORMAT) throw new ShareError('not-share', notShare);
  const version = record['formatVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > SHARE_FORMAT_VERSION) {
    throw new ShareError(
      'future-version',
      `Tệp được tạo bởi phiên bản mới hơn của trang. Hãy tải lại trang để cập nhật rồi thử lại. ${noChange}`,
    );
  }
  const markup = findMarkup(envelope, '$');
  if (markup !== undefined) {
    throw new ShareError('script', `Tệp có chứa đoạn mã HTML hoặc script nên không được nhận. ${noChange}`, markup);
  }
  const result = v.safeParse(shareEnvelopeSchema, envelope);
  if (!result.success) {
    const where = result.issues[0]?.path?.map((entry) => String(entry.key)).join('.') ?? '';
    throw new ShareError('bad-content', `Nội dung tệp bị hỏng hoặc sai định dạng (ở “${where || 'tệp'}”). ${noChange}`, where);
  }
  checkItems(result.output.share, checklist);
  return result.output;
}

// ---- link codec ----

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** A 6-character checksum (FNV-1a 32-bit, base36) used only to notice a cut or altered link. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

/** What a link carries: levels and action counts, no texts. */
export interface LinkShare {
  readonly shareId: string;
  readonly revision: number;
  readonly checklistId: string;
  readonly period: string;
  /** Level per item id, in checklist order; unanswered items absent. */
  readonly levels: Readonly<Record<string, Exclude<Assessment, 'unset'>>>;
  readonly actionCounts: ActionCounts;
  readonly name?: string;
}

/** Counts actions by status. */
export function countActions(actions: readonly { status: ActionStatus }[]): ActionCounts {
  const counts: Record<ActionStatus, number> = { 'not-started': 0, 'in-progress': 0, done: 0 };
  for (const action of actions) counts[action.status] += 1;
  return counts;
}

/** The fragment (without "#") of a share link, for the items of the checklist in order. */
export function encodeShareFragment(share: Share, itemIds: readonly string[]): string {
  const digits = itemIds.map((itemId) => assessmentLevels.indexOf(share.levels[itemId] ?? 'unset')).join('');
  const counts = countActions(share.actions ?? []);
  const fields: unknown[] = [
    share.shareId,
    share.revision,
    share.checklistId,
    share.period,
    digits,
    [counts['not-started'], counts['in-progress'], counts.done],
  ];
  if (share.name !== undefined) fields.push(share.name);
  const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(fields)));
  return `${SHARE_LINK_PREFIX}${payload}.${checksum(payload)}`;
}

const cutLink = `Liên kết bị cắt mất một phần (thường do ứng dụng nhắn tin cắt bớt). Hãy nhờ đồng chí gửi lại bằng tệp hoặc mã QR. ${noChange}`;
const badLink = `Liên kết không phải liên kết gửi kết quả tự soi, hoặc đã bị sửa. ${noChange}`;

const linkCount = () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(300));
const linkHead = [
  id(),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  id(),
  v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  v.pipe(v.string(), v.regex(/^[0-4]*$/)),
  v.strictTuple([linkCount(), linkCount(), linkCount()]),
] as const;
const linkTupleSchema = v.union([
  v.strictTuple([...linkHead]),
  v.strictTuple([...linkHead, v.pipe(v.string(), v.maxLength(200))]),
]);

/**
 * Reads a link fragment (with or without "#"). `checklists` maps a checklist id to its item ids in
 * order; the link's digits are read against that order.
 */
export function readShareFragment(fragment: string, checklists: ReadonlyMap<string, readonly string[]>): LinkShare {
  const text = fragment.replace(/^#/, '').trim();
  if (text === '') throw new ShareError('bad-link', badLink);
  if (text.length > MAX_SHARE_FRAGMENT) throw new ShareError('bad-link', badLink);
  if (!text.startsWith('s')) throw new ShareError('bad-link', badLink);
  const version = /^s(\d+)\./.exec(text);
  if (!version) throw new ShareError(text.length < 4 ? 'cut-link' : 'bad-link', text.length < 4 ? cutLink : badLink);
  if (Number(version[1]) > 1) {
    throw new ShareError(
      'future-version',
      `Liên kết được tạo bởi phiên bản mới hơn của trang. Hãy tải lại trang rồi mở lại liên kết. ${noChange}`,
    );
  }
  const [, payload = '', check, ...rest] = text.split('.');
  if (check === undefined || rest.length > 0 || check.length !== 6) throw new ShareError('cut-link', cutLink);
  if (checksum(payload) !== check) throw new ShareError('cut-link', cutLink);
  const bytes = fromBase64Url(payload);
  if (!bytes) throw new ShareError('bad-link', badLink);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ShareError('bad-link', badLink);
  }
  const tuple = clean(raw);
  const markup = findMarkup(tuple, '$');
  if (markup !== undefined)
    throw new ShareError('script', `Liên kết có chứa đoạn mã HTML hoặc script nên không được nhận. ${noChange}`);
  const result = v.safeParse(linkTupleSchema, tuple);
  if (!result.success) throw new ShareError('bad-link', badLink);
  const [shareId, revision, checklistId, period, digits, [notStarted, inProgress, done], name] = result.output as [
    string,
    number,
    string,
    string,
    string,
    [number, number, number],
    string?,
  ];
  const itemIds = checklists.get(checklistId);
  if (!itemIds) {
    throw new ShareError(
      'other-checklist',
      `Liên kết được tạo theo một danh mục biểu hiện mà trang này không có (“${checklistId}”). ${noChange}`,
    );
  }
  if (digits.length !== itemIds.length) throw new ShareError('bad-link', badLink);
  const levels: Record<string, Exclude<Assessment, 'unset'>> = {};
  itemIds.forEach((itemId, index) => {
    const level = assessmentLevels[Number(digits[index])];
    if (level !== undefined && level !== 'unset') levels[itemId] = level;
  });
  const trimmed = name === undefined ? undefined : toNfc(name).trim();
  return {
    shareId,
    revision,
    checklistId,
    period,
    levels,
    actionCounts: { 'not-started': notStarted, 'in-progress': inProgress, done },
    ...(trimmed ? { name: trimmed } : {}),
  };
}
