/**
 * What the member sees before sharing: every field of the share, in plain Vietnamese, keyed by the
 * field's name in the file so a test can check the preview and the file list the same fields.
 * Also the QR drawing math (a module bitmap to an SVG path), kept pure.
 */
import { actionStatusLabels, assessmentLabels } from '../review-model';
import type { Share } from '../share';

export interface PreviewField {
  /** The field's key in the share file. */
  readonly field: keyof Share;
  readonly label: string;
  /** One line, or several for lists. */
  readonly lines: readonly string[];
}

const count = (share: Share, level: keyof typeof assessmentLabels) =>
  Object.values(share.levels).filter((l) => l === level).length;

/** The preview, one entry per field present in the share, in a reading order. */
export function previewFields(share: Share, itemLabel: (itemId: string) => string, checklistTitle: string): PreviewField[] {
  const fields: PreviewField[] = [];
  if (share.name !== undefined) fields.push({ field: 'name', label: 'Họ và tên của đồng chí', lines: [share.name] });
  fields.push({ field: 'period', label: 'Kỳ tự soi', lines: [share.period] });
  fields.push({ field: 'checklistId', label: 'Danh mục đã dùng', lines: [checklistTitle] });
  const answered = Object.keys(share.levels).length;
  fields.push({
    field: 'levels',
    label: `Mức tự đánh giá của ${answered} biểu hiện đã trả lời`,
    lines: [
      `${count(share, 'clear')} có biểu hiện rõ, ${count(share, 'some')} có biểu hiện mức nhẹ, ${count(share, 'risk')} có nguy cơ, ${count(share, 'none')} không có biểu hiện.`,
      ...Object.entries(share.levels).map(([itemId, level]) => `${itemLabel(itemId)}: ${assessmentLabels[level]}`),
    ],
  });
  if (share.actions !== undefined) {
    fields.push({
      field: 'actions',
      label: share.actions.some((action) => action.what !== undefined)
        ? `${share.actions.length} việc khắc phục: nội dung, trạng thái và thời hạn`
        : `${share.actions.length} việc khắc phục: chỉ trạng thái và thời hạn (không có nội dung)`,
      lines: share.actions.map((action) =>
        [
          action.itemId === '' ? 'Việc chung' : itemLabel(action.itemId),
          action.what,
          actionStatusLabels[action.status],
          action.deadline === '' ? 'chưa đặt hạn' : `hạn ${action.deadline.split('-').reverse().join('/')}`,
        ]
          .filter((part) => part !== undefined && part !== '')
          .join(' — '),
      ),
    });
  }
  if (share.notes !== undefined) {
    fields.push({
      field: 'notes',
      label: 'Điều tự nhận thấy và nguyên nhân',
      lines: Object.entries(share.notes).map(([itemId, note]) =>
        [itemLabel(itemId), note.observed, note.causesSubjective, note.causesObjective].filter((part) => part !== '').join(' — '),
      ),
    });
  }
  fields.push({
    field: 'shareId',
    label: 'Mã nhận biết bản tự soi',
    lines: ['Một dãy ký tự không chứa thông tin cá nhân, để chi bộ biết lần gửi sau thay cho lần gửi trước.'],
  });
  fields.push({ field: 'revision', label: 'Số lần đã lưu bản tự soi', lines: [String(share.revision)] });
  return fields;
}

/** A QR bitmap as the generator gives it. */
export interface QrBitmap {
  readonly size: number;
  get(x: number, y: number): boolean;
}

/** One SVG path ("M x y h1 v1 h-1 z" per dark module), in module units, with a quiet zone of `pad`. */
export function qrPath(bitmap: QrBitmap, pad = 4): string {
  const parts: string[] = [];
  for (let y = 0; y < bitmap.size; y += 1) {
    for (let x = 0; x < bitmap.size; x += 1) if (bitmap.get(x, y)) parts.push(`M${x + pad} ${y + pad}h1v1h-1z`);
  }
  return parts.join('');
}
