/**
 * Draws a ReportDocument (report-layout.ts) as an A4 PDF with the plan's writer, fonts and
 * invariants (render.ts): embedded Tinos only, NFC text wrapped by the writer, deterministic
 * output. Adds what a branch report has and a member's plan has not: the document number under
 * the asterisk, the chart, the "T/M CHI BỘ / BÍ THƯ" signature and "Nơi nhận:" bottom left.
 */
import type { jsPDF } from 'jspdf';
import type { FontStyle } from './layout';
import { chartRowsHeight, drawLegend, drawRow, LEGEND_HEIGHT } from './chart-render';
import type { ReportDocument, ReportSection } from './report-layout';
import { createA4Document, leftColumn, namePostScriptFonts, page, rightColumn, size, type PlanFonts } from './pdf-document';
import { lineHeight, SECTION_GAP, Writer, widthCacheFor } from './writer';

const SIGNING_SPACE = 22;
const RECIPIENT_SIZE = 11;

export function renderReportPdf(model: ReportDocument, fonts: PlanFonts): Uint8Array {
  const doc = createA4Document(model.meta, fonts);
  const writer = new Writer(doc, widthCacheFor(fonts));
  writer.opening(model);
  writer.gap(4);
  model.sections.forEach((section, index) => {
    writer.gap(SECTION_GAP);
    // The last section goes to the next page with the signature rather than leave the signature alone.
    if (index === model.sections.length - 1) {
      const blocks = section.blocks.filter((block) => block.kind !== 'chart');
      writer.keepWithSignature({ id: 'commitment', heading: section.heading, blocks });
    }
    drawSection(doc, writer, section);
  });
  signatureAndRecipients(doc, writer, model);
  writer.pageNumbers();
  namePostScriptFonts(doc);
  return new Uint8Array(doc.output('arraybuffer'));
}

function drawSection(doc: jsPDF, writer: Writer, section: ReportSection): void {
  writer.heading(section.heading);
  for (const block of section.blocks) {
    if (block.kind !== 'chart') {
      writer.block(block);
      continue;
    }
    const chart = block.chart;
    // Title, legend and at least three rows together; the rest may run onto the next page row by row.
    writer.gap(2);
    writer.ensureSpace(lineHeight(size.body) + LEGEND_HEIGHT + chartRowsHeight(Math.min(3, chart.rows.length)));
    writer.paragraph({ kind: 'paragraph', runs: [{ text: chart.title, style: 'bold', blank: false }], indent: false }, false);
    const draw = (value: string, x: number, baseline: number, style: FontStyle, fontSize: number) => {
      writer.setFont(style, fontSize);
      doc.text(value, x, baseline, { baseline: 'alphabetic' });
      return writer.measure(value, style, fontSize);
    };
    const hidden = chart.rows.flatMap((row) => row.segments).find((segment) => segment.hidden);
    const legend =
      hidden === undefined
        ? chart.legend
        : [...chart.legend, { level: hidden.level, label: `${hidden.text} (không ghi số)`, pattern: hidden.pattern }];
    writer.y = drawLegend(doc, { ...chart, legend }, writer.y, draw);
    for (const row of chart.rows) writer.y = drawRow(doc, row, writer.ensureSpace(chartRowsHeight(1)), draw);
    writer.gap(2);
  }
}

/** Signature right, "Nơi nhận:" left, kept together on one page. */
function signatureAndRecipients(doc: jsPDF, writer: Writer, model: ReportDocument): void {
  const recipientsHeight = lineHeight(12) + model.recipients.length * lineHeight(RECIPIENT_SIZE);
  const signatureHeight = lineHeight(size.header) * 3 + SIGNING_SPACE;
  const top = writer.ensureSpace(6 + Math.max(recipientsHeight, signatureHeight)) + 6;
  let right = top;
  right = writer.centeredIn(model.signature.body, 'bold', size.header, rightColumn, right);
  right = writer.centeredIn(model.signature.role, 'bold', size.header, rightColumn, right);
  right += SIGNING_SPACE;
  right = writer.centeredIn(model.signature.name, model.signature.nameBlank ? 'normal' : 'bold', size.header, rightColumn, right);

  // "Nơi nhận:" underlined, then the recipients in a smaller size, at the left margin.
  const baseline = (y: number, fontSize: number) => y + fontSize * (25.4 / 72) * 0.95;
  let left = top + lineHeight(size.header) * 0.3;
  writer.setFont('bold', 12);
  const label = 'Nơi nhận:';
  doc.text(label, page.left, baseline(left, 12), { baseline: 'alphabetic' });
  const labelWidth = writer.measure(label, 'bold', 12);
  doc.setLineWidth(0.2);
  doc.line(page.left, baseline(left, 12) + 0.8, page.left + labelWidth, baseline(left, 12) + 0.8);
  left += lineHeight(12);
  for (const line of model.recipients) {
    writer.setFont('normal', RECIPIENT_SIZE);
    const fitted = doc.splitTextToSize(line, leftColumn.width) as string[];
    for (const part of fitted) {
      doc.text(part, page.left, baseline(left, RECIPIENT_SIZE), { baseline: 'alphabetic' });
      left += lineHeight(RECIPIENT_SIZE);
    }
  }
  writer.y = Math.max(left, right);
}
