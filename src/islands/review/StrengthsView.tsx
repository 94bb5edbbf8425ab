/** Strengths to keep and the member's commitment. */
import { setCommitment, setStrengths } from '../../domain/review-model';
import type { Review } from '../../domain/review-schema';
import { TextField } from './fields';

interface Props {
  review: Review;
  update: (change: (review: Review) => Review) => void;
}

export function StrengthsView({ review, update }: Props) {
  return (
    <div class="panel">
      <TextField
        id="strengths"
        label="Ưu điểm cần phát huy"
        hint="Những việc bạn làm tốt và muốn giữ, mỗi ý một dòng."
        multiline
        rows={6}
        value={review.strengths}
        onInput={(value) => update((current) => setStrengths(current, value))}
      />
      <TextField
        id="commitment"
        label="Cam kết của bản thân"
        hint="In ở mục “Cam kết”, cuối văn bản, ngay trên chữ ký. Ví dụ: cam kết khắc phục đúng thời hạn, chịu sự giám sát của chi bộ."
        multiline
        rows={4}
        value={review.commitment}
        onInput={(value) => update((current) => setCommitment(current, value))}
      />
    </div>
  );
}
