/**
 * Draws a PlanDocument (layout.ts) as an A4 PDF with jsPDF and jspdf-autotable, through the
 * shared page and fonts (pdf-document.ts) and writer (writer.ts).
 *
 * Synchronous: everything is in memory once the fonts are loaded.
 */
import type { PlanDocument } from './layout';
import { createA4Document, namePostScriptFonts, size, type PlanFonts } from './pdf-document';
import { SECTION_GAP, Writer } from './writer';

export type { PlanFonts } from './pdf-document';

/** Renders the document; returns the PDF bytes. */
export function renderPlanPdf(model: PlanDocument, fonts: PlanFonts): Uint8Array {
  const doc = createA4Document(model.meta, fonts);
  const writer = new Writer(doc);
  writer.header(model.header);
  writer.gap(8);
  writer.centered(model.title, 'bold', size.title);
  writer.centered(model.summary, 'bold', size.summary);
  if (model.basis !== null) writer.centered(model.basis, 'italic', size.basis);
  writer.gap(5);
  for (const line of model.identity) writer.paragraph(line, false);
  model.sections.forEach((section, index) => {
    writer.gap(SECTION_GAP);
    // The last section (the commitment) goes to the next page with the signature rather than
    // leaving the signature alone on a page.
    if (index === model.sections.length - 1) writer.keepWithSignature(section);
    writer.heading(section.heading);
    for (const block of section.blocks) writer.block(block);
  });
  writer.signature(model.signature);
  // The committee's comments come under the member's signature, as on the paper form.
  for (const section of model.afterSignature) {
    writer.gap(SECTION_GAP);
    writer.heading(section.heading);
    for (const block of section.blocks) writer.block(block);
  }
  writer.pageNumbers();
  namePostScriptFonts(doc);
  return new Uint8Array(doc.output('arraybuffer'));
}
