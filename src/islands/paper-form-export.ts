/**
 * Browser glue for the blank paper forms: the print model needs only the small layout module;
 * the PDF loads jsPDF and the fonts with `await import()` when the member asks for it.
 */
import type { ChecklistData } from '../domain/checklist-schema';
import type { PdfResult } from './pdf-export';

const loadLayout = () => import('../pdf/paper-form-layout');
const loadPdf = () => import('../pdf/paper-form-pdf');
const loadFonts = () => import('../pdf/load-fonts');

type LayoutModule = Awaited<ReturnType<typeof loadLayout>>;
/** "self-review" (phiếu tự soi) or "plan" (blank personal plan). */
export type PaperFormKind = Parameters<LayoutModule['buildPaperForm']>[0];
export type PaperFormDocument = ReturnType<LayoutModule['buildPaperForm']>;

export async function buildPaperFormDocument(kind: PaperFormKind, checklist: ChecklistData): Promise<PaperFormDocument> {
  return (await loadLayout()).buildPaperForm(kind, checklist, new Date());
}

/** Builds the blank form's PDF; rejects with a Vietnamese message when the fonts cannot be fetched. */
export async function exportPaperFormPdf(kind: PaperFormKind, checklist: ChecklistData): Promise<PdfResult> {
  const fontsLoaded = loadFonts().then((module) => module.loadPlanFonts());
  const [pdf, fonts] = await Promise.all([loadPdf(), fontsLoaded]);
  return pdf.generatePaperFormPdf({ kind, checklist, now: new Date(), fonts });
}
