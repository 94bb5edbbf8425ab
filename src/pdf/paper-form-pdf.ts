/**
 * Entry point of the blank paper forms' PDF, loaded with `await import()` when the member asks:
 * the form's model (paper-form-layout.ts) drawn by the plan's renderer with the plan's fonts.
 */
import type { ChecklistData } from '../domain/checklist-schema';
import { buildPaperForm, type PaperFormKind } from './paper-form-layout';
import type { PlanFonts } from './pdf-document';
import { renderPlanPdf } from './render';

export { buildPaperForm, type PaperFormKind } from './paper-form-layout';

/** A blank form as PDF bytes and its file name. Deterministic for the same checklist, clock and fonts. */
export function generatePaperFormPdf(input: { kind: PaperFormKind; checklist: ChecklistData; now: Date; fonts: PlanFonts }): {
  bytes: Uint8Array;
  fileName: string;
} {
  const model = buildPaperForm(input.kind, input.checklist, input.now);
  return { bytes: renderPlanPdf(model, input.fonts), fileName: model.meta.fileName };
}
