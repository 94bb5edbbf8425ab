/**
 * The share link codec: `<site>/chi-bo/#s1.<payload>.<check>` (format described in share.ts).
 * Levels and action counts only, no texts; the checksum notices a link cut off by a chat app.
 */
import * as v from 'valibot';

import { assessmentLevels, type ActionStatus, type Assessment } from './review-constants';
import { clean, findMarkup, noChange, ShareError } from './share-errors';
import { identifier, MAX_SHARE_FRAGMENT, SHARE_LINK_PREFIX, type ActionCounts, type Share } from './share-schema';
import { toNfc } from './text';

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
  identifier(),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  identifier(),
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
