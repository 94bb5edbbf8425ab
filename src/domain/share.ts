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

import type { Assessment } from './review-constants';
import type { Review } from './review-schema';
import { clean, findMarkup, noChange, ShareError } from './share-errors';
import {
  MAX_SHARE_BYTES,
  SHARE_FORMAT,
  SHARE_FORMAT_VERSION,
  shareEnvelopeSchema,
  type Share,
  type SharedNote,
  type ShareEnvelope,
  type ShareOptions,
} from './share-schema';

export * from './share-schema';
export { ShareError, type ShareProblem } from './share-errors';
export * from './share-link';

const notShare = `Đây không phải tệp kết quả tự soi gửi chi bộ (tệp “…tusoi-share.json”), hoặc tệp đã bị sửa. ${noChange}`;

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
