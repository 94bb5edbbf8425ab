/** Strengths to keep and the member's commitment. */
import { setCommitment, setStrengths } from '../../domain/review-model';
import type { Review } from '../../domain/review-schema';
import { TextField } from './fields';

interface Props {
  review: Review;
  update: (change: (review: Review) => Review) => void;
}

/** The review's two free texts, each with its edit. */
const fields = [
  {
    id: 'strengths',
    label: 'Ưu điểm cần phát huy',
    hint: 'Những việc bạn làm tốt và muốn giữ, mỗi ý một dòng.',
    rows: 6,
    value: (review: Review) => review.strengths,
    edit: setStrengths,
  },
  {
    id: 'commitment',
    label: 'Cam kết của bản thân',
    hint: 'In ở mục “Cam kết”, cuối văn bản, ngay trên chữ ký. Ví dụ: cam kết khắc phục đúng thời hạn, chịu sự giám sát của chi bộ.',
    rows: 4,
    value: (review: Review) => review.commitment,
    edit: setCommitment,
  },
] as const;

export function StrengthsView({ review, update }: Props) {
  return (
    <div class="panel">
      {fields.map((field) => (
        <TextField
          key={field.id}
          id={field.id}
          label={field.label}
          hint={field.hint}
          multiline
          rows={field.rows}
          value={field.value(review)}
          onInput={(value) => update((current) => field.edit(current, value))}
        />
      ))}
    </div>
  );
}
