/**
 * Browser glue for the branch report: the print view needs only the layout module; the PDF loads
 * jsPDF and the fonts with `await import()` when the secretary asks. Nothing here is in /chi-bo/'s
 * first load: the report workspace itself is imported on demand.
 */
import type { ReportPicture, ReportRound, ReportSections } from '../../../domain/branch/report';
import type { PdfResult } from '../../pdf-export';
import { markWarm, warmUpWhenReady } from '../../pdf-warm-up';

const loadLayout = () => import('../../../pdf/report-layout');
const loadPdf = () => import('../../../pdf/report-pdf');
const loadFonts = () => import('../../../pdf/load-fonts');

export type ReportDocument = ReturnType<Awaited<ReturnType<typeof loadLayout>>['buildReport']>;

export interface ReportInput {
  readonly round: ReportRound;
  readonly outbound: ReportPicture;
  readonly sections: ReportSections;
  readonly now: Date;
}

export async function buildReportDocument(input: ReportInput): Promise<ReportDocument> {
  return (await loadLayout()).buildReport(input.round, input.outbound, input.sections, input.now);
}

/** Builds the report's PDF; rejects with a Vietnamese message when the fonts cannot be fetched. */
export async function exportReportPdf(input: ReportInput): Promise<PdfResult> {
  const fontsLoaded = loadFonts().then((module) => module.loadPlanFonts());
  const [pdf, fonts] = await Promise.all([loadPdf(), fontsLoaded]);
  const made = pdf.generateReportPdf({ ...input, fonts });
  markWarm('report');
  return made;
}

/**
 * Loads jsPDF and the fonts when the secretary opens the report, then renders it once while the
 * browser is idle and throws it away (pdf-warm-up.ts), so "Tải báo cáo PDF" finds everything warm.
 * Returns the cancel for a `useEffect` cleanup.
 */
export function preloadReportPdf(getInput: () => ReportInput): () => void {
  const loaded = Promise.all([loadPdf(), loadFonts().then((module) => module.loadPlanFonts())]);
  return warmUpWhenReady('report', loaded, ([pdf, fonts]) => pdf.generateReportPdf({ ...getInput(), fonts }));
}
