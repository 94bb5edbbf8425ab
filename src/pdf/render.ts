/**
 * Draws a PlanDocument (layout.ts) as an A4 PDF with jsPDF and jspdf-autotable, through the
 * shared page and fonts (pdf-document.ts) and writer (writer.ts).
 *
 * Synchronous: everything is in memory once the fonts are loaded.
 */
import type { jsPDF } from 'jspdf';
import type { PlanDocument } from './layout';
import { createA4Document, namePostScriptFonts, size, type PlanFonts } from './pdf-document';
import { SECTION_GAP, Writer, widthCacheFor } from './writer';

export type { PlanFonts } from './pdf-document';

/** Most rows of the plan table carried to the commitment's page (issue 11). */
const MAX_CARRIED_ROWS = 3;

/**
 * Renders the document; returns the PDF bytes. When the commitment and the signature would open a
 * page of their own after a table, the table's last rows are carried over with them (fewest that
 * work), so the commitment never stands alone on a page; the layout is otherwise unchanged.
 */
export function renderPlanPdf(model: PlanDocument, fonts: PlanFonts): Uint8Array {
  let drawn = draw(model, fonts, 0);
  const tableBefore = model.sections.at(-2)?.blocks.at(-1);
  // At least one row stays with the table's first part.
  const most = tableBefore?.kind === 'table' ? Math.min(MAX_CARRIED_ROWS, tableBefore.rows.length - 1) : 0;
  for (let carried = 1; drawn.commitmentAlone && carried <= most; carried += 1) {
    const attempt = draw(model, fonts, carried);
    if (!attempt.commitmentAlone) drawn = attempt;
  }
  namePostScriptFonts(drawn.doc);
  return new Uint8Array(drawn.doc.output('arraybuffer'));
}

/**
 * Draws the whole plan; `carried` rows of the table just before the last section go to a new page
 * with it; `commitmentAlone` tells whether the commitment opened a page right after that table.
 */
function draw(model: PlanDocument, fonts: PlanFonts, carried: number): { doc: jsPDF; commitmentAlone: boolean } {
  const lastIndex = model.sections.length - 1;
  const tableBefore = model.sections[lastIndex - 1]?.blocks.at(-1);
  const doc = createA4Document(model.meta, fonts);
  const writer = new Writer(doc, widthCacheFor(fonts));
  writer.opening(model);
  if (model.basis !== null) writer.centered(model.basis, 'italic', size.basis);
  writer.gap(5);
  for (const line of model.identity) writer.paragraph(line, false);
  let commitmentAlone = false;
  model.sections.forEach((section, index) => {
    writer.gap(SECTION_GAP);
    // The last section (the commitment) goes to the next page with the signature rather than
    // leaving the signature alone on a page.
    if (index === lastIndex) commitmentAlone = writer.keepWithSignature(section) && tableBefore?.kind === 'table';
    writer.heading(section.heading);
    for (const block of section.blocks) writer.block(block, block === tableBefore ? carried : 0);
  });
  writer.signature(model.signature);
  // The committee's comments come under the member's signature, as on the paper form.
  for (const section of model.afterSignature) {
    writer.gap(SECTION_GAP);
    writer.heading(section.heading);
    for (const block of section.blocks) writer.block(block);
  }
  writer.pageNumbers();
  return { doc, commitmentAlone };
}
