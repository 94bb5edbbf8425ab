/** Who the review belongs to and the period; every field optional. */
import { MAX_PERIOD_LENGTH } from '../../domain/limits';
import { renameReview, setMember } from '../../domain/review-model';
import type { Member, Review } from '../../domain/review-schema';
import { TextField } from './fields';

interface Props {
  review: Review;
  update: (change: (review: Review) => Review) => void;
}

const memberFields: { key: keyof Member; label: string; hint?: string; autoComplete?: string }[] = [
  { key: 'name', label: 'Họ và tên', autoComplete: 'name' },
  { key: 'position', label: 'Chức vụ, công việc' },
  { key: 'branch', label: 'Chi bộ', hint: 'Ví dụ: Chi bộ Trường Tiểu học' },
  { key: 'partyCommittee', label: 'Đảng bộ cấp trên', hint: 'Ví dụ: Đảng bộ xã Hương Xuân' },
  { key: 'place', label: 'Địa danh ghi trên văn bản', hint: 'Dùng cho dòng “…, ngày … tháng … năm …” khi in. Ví dụ: Hà Tĩnh' },
];

export function InfoView({ review, update }: Props) {
  return (
    <div class="panel">
      <p class="hint">Các ô đều không bắt buộc. Những ô để trống sẽ in thành dòng chấm để điền tay.</p>
      <TextField
        id="review-period"
        label="Kỳ tự soi"
        value={review.period}
        maxLength={MAX_PERIOD_LENGTH}
        onInput={(value) => update((current) => renameReview(current, value))}
      />
      {memberFields.map((field) => (
        <TextField
          key={field.key}
          id={`member-${field.key}`}
          label={field.label}
          value={review.member[field.key]}
          {...(field.hint ? { hint: field.hint } : {})}
          {...(field.autoComplete ? { autoComplete: field.autoComplete } : {})}
          onInput={(value) => update((current) => setMember(current, { [field.key]: value }))}
        />
      ))}
    </div>
  );
}
