/**
 * Entry point of the PDF code, loaded only with `await import()` when the member asks for the PDF,
 * so jsPDF and the table plugin never weigh on a page's first load.
 */
import type { ChecklistData } from '../domain/checklist-schema';
import type { Review } from '../domain/review-schema';
import { buildPlanDocument, type PlanOptions } from './layout';
import { renderPlanPdf, type PlanFonts } from './render';

export { buildPlanDocument, planFileName, type PlanDocument, type PlanOptions } from './layout';
export type { PlanFonts } from './render';

/** The member's plan as PDF bytes. Deterministic: same review, options, clock and fonts give the same bytes. */
export async function generatePlanPdf(input: {
  review: Review;
  checklist: ChecklistData;
  options: PlanOptions;
  now: Date;
  fonts: PlanFonts;
}): Promise<Uint8Array> {
  const model = buildPlanDocument({ review: input.review, checklist: input.checklist, options: input.options, now: input.now });
  // Async only so callers may later move rendering into a worker without changing their code.
  return Promise.resolve(renderPlanPdf(model, input.fonts));
}
