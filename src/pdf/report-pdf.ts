/**
 * Entry point of the branch report's PDF, loaded with `await import()` when the secretary asks:
 * the report's model (report-layout.ts) drawn by report-render.ts with the plan's fonts.
 */
import type { ReportPicture, ReportRound, ReportSections } from '../domain/branch/report';
import { buildReport } from './report-layout';
import { renderReportPdf } from './report-render';
import type { PlanFonts } from './pdf-document';

export { buildReport, type ReportDocument } from './report-layout';

/** The report as PDF bytes and its file name. Deterministic for the same inputs, clock and fonts. */
export function generateReportPdf(input: {
  round: ReportRound;
  outbound: ReportPicture;
  sections: ReportSections;
  now: Date;
  fonts: PlanFonts;
}): { bytes: Uint8Array; fileName: string } {
  const model = buildReport(input.round, input.outbound, input.sections, input.now);
  return { bytes: renderReportPdf(model, input.fonts), fileName: model.meta.fileName };
}
