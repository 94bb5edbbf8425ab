/**
 * Draws the branch chart (the same chart model the /chi-bo/ screen draws as SVG) as vector
 * graphics with jsPDF: one stacked bar per item, each level a fill pattern (solid, hatched,
 * dotted, light, outline, cross-hatched) so it reads on a black-and-white printer, a legend, and
 * the denominator written on every row. Counts themselves are in the table next to it.
 */
import type { jsPDF } from 'jspdf';
import type { ReportChart } from './report-layout';

export interface ChartBox {
  readonly x: number;
  readonly width: number;
  readonly barHeight: number;
  readonly labelHeight: number;
  readonly gap: number;
}

export const reportChartBox: ChartBox = { x: 30, width: 165, barHeight: 4.5, labelHeight: 5, gap: 2.5 };

/** Height the rows take (legend excluded). */
export function chartRowsHeight(rowCount: number, box: ChartBox = reportChartBox): number {
  return rowCount * (box.labelHeight + box.barHeight + box.gap);
}

/** Height of the legend line. */
export const LEGEND_HEIGHT = 8;

/** Fills a rectangle with a pattern that stays distinct without colour. */
export function fillPattern(doc: jsPDF, pattern: string, x: number, y: number, w: number, h: number): void {
  if (w <= 0.05 || h <= 0.05) return;
  doc.setLineWidth(0.2);
  doc.setDrawColor(0, 0, 0);
  switch (pattern) {
    case 'solid':
      doc.setFillColor(0, 0, 0);
      doc.rect(x, y, w, h, 'F');
      break;
    case 'light':
      doc.setFillColor(200, 200, 200);
      doc.rect(x, y, w, h, 'F');
      break;
    case 'diagonal':
      hatch(doc, x, y, w, h, 1.2, 1);
      break;
    case 'cross':
      hatch(doc, x, y, w, h, 1.6, 1);
      hatch(doc, x, y, w, h, 1.6, -1);
      break;
    case 'dots':
      doc.setFillColor(0, 0, 0);
      // Small squares rather than circles: a circle is four Bézier curves, and a long bar has hundreds of dots.
      for (let cy = y + 0.6; cy < y + h - 0.3; cy += 1.4) {
        for (let cx = x + 0.6; cx < x + w - 0.3; cx += 1.4) doc.rect(cx - 0.25, cy - 0.25, 0.5, 0.5, 'F');
      }
      break;
    default:
      break;
  }
  doc.rect(x, y, w, h, 'S');
}

/** Parallel 45° lines, clipped to the rectangle. */
function hatch(doc: jsPDF, x: number, y: number, w: number, h: number, spacing: number, direction: 1 | -1): void {
  doc.saveGraphicsState();
  doc.rect(x, y, w, h, null);
  doc.clip();
  doc.discardPath();
  for (let offset = -h; offset < w + h; offset += spacing) {
    if (direction === 1) doc.line(x + offset, y + h, x + offset + h, y);
    else doc.line(x + offset, y, x + offset + h, y + h);
  }
  doc.restoreGraphicsState();
}

/** Draws one line of text at a baseline in the writer's fonts; returns its width. */
export type DrawText = (value: string, x: number, baseline: number, style: 'normal' | 'bold' | 'italic', size: number) => number;

/** Draws the legend (swatch + label per level) at `top`; returns the y after it. */
export function drawLegend(doc: jsPDF, chart: ReportChart, top: number, text: DrawText, box: ChartBox = reportChartBox): number {
  let x = box.x;
  const swatch = 5;
  for (const entry of chart.legend) {
    fillPattern(doc, entry.pattern, x, top + 0.5, swatch, 3.5);
    const width = text(entry.label, x + swatch + 1.5, top + 3.6, 'normal', 11);
    x += swatch + 1.5 + width + 6;
  }
  return top + LEGEND_HEIGHT;
}

/** Draws one row (label with its denominator, then the stacked bar) at `top`; returns the y after it. */
export function drawRow(
  doc: jsPDF,
  row: ReportChart['rows'][number],
  top: number,
  text: DrawText,
  box: ChartBox = reportChartBox,
): number {
  text(`${row.label} — ${row.caption}`, box.x, top + box.labelHeight - 1.2, 'normal', 11);
  const barY = top + box.labelHeight;
  for (const segment of row.segments) {
    fillPattern(doc, segment.pattern, box.x + segment.start * box.width, barY, segment.size * box.width, box.barHeight);
  }
  doc.setLineWidth(0.3);
  doc.rect(box.x, barY, box.width, box.barHeight, 'S');
  return top + box.labelHeight + box.barHeight + box.gap;
}
