/**
 * Typing a paper form by keyboard: one key per item, in checklist order. 0 = not answered,
 * 1 = no sign, 2 = risk, 3 = a mild sign, 4 = a clear sign. Spaces, dots and dashes may group the
 * digits (e.g. by group) and are ignored. Parsed strictly: anything else is refused with its place.
 */
import type { Assessment } from '../review-constants';

/** Key → level. Persisted only in the secretary's habits: keep stable. */
export const paperKeys: Readonly<Record<string, Assessment>> = {
  '0': 'unset',
  '1': 'none',
  '2': 'risk',
  '3': 'some',
  '4': 'clear',
};

export type PaperParse =
  | { readonly ok: true; readonly levels: Readonly<Record<string, Exclude<Assessment, 'unset'>>>; readonly typed: number }
  | { readonly ok: false; readonly message: string; readonly typed: number };

const hostile = /<\s*(script|iframe|object|embed|svg|img|link|meta|style)\b|javascript\s*:|\bon[a-z]+\s*=/i;

/** Reads the typed digits against the item ids (in order). Requires exactly one digit per item. */
export function parsePaperLevels(text: string, itemIds: readonly string[]): PaperParse {
  const keys = text.replace(/[\s.\-_/]/g, '');
  const bad = [...keys].findIndex((key) => paperKeys[key] === undefined);
  if (bad >= 0) {
    return {
      ok: false,
      typed: keys.length,
      message: `Ký tự “${keys[bad] ?? ''}” ở vị trí ${bad + 1} không phải mức nào. Chỉ dùng 0 (chưa trả lời), 1 (không), 2 (nguy cơ), 3 (nhẹ), 4 (rõ).`,
    };
  }
  if (keys.length > itemIds.length) {
    return {
      ok: false,
      typed: keys.length,
      message: `Đã nhập ${keys.length} chữ số, nhiều hơn ${itemIds.length} biểu hiện. Hãy xóa bớt.`,
    };
  }
  if (keys.length < itemIds.length) {
    return {
      ok: false,
      typed: keys.length,
      message: `Đã nhập ${keys.length}/${itemIds.length} biểu hiện. Còn ${itemIds.length - keys.length}; biểu hiện nào phiếu bỏ trống thì gõ 0.`,
    };
  }
  const levels: Record<string, Exclude<Assessment, 'unset'>> = {};
  itemIds.forEach((itemId, index) => {
    const level = paperKeys[keys[index] ?? '0'];
    if (level !== undefined && level !== 'unset') levels[itemId] = level;
  });
  return { ok: true, levels, typed: keys.length };
}

/** Checks a name typed from a paper form; returns a message when refused. */
export function checkPaperName(name: string): string | undefined {
  if (name.length > 200) return 'Tên quá dài (tối đa 200 ký tự).';
  if (hostile.test(name)) return 'Tên có chứa đoạn mã HTML hoặc script nên không được nhận.';
  return undefined;
}
