/** Printing and saving the plan (the PDF code loads only when asked). */
import type { ChecklistData } from '../../domain/checklist-schema';
import type { Review } from '../../domain/review-schema';

interface Props {
  review: Review;
  checklist: ChecklistData;
  flush: () => Promise<void>;
}

export function ExportView(_props: Props) {
  return <p>Phần in và lưu PDF sắp có.</p>;
}
