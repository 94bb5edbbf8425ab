/**
 * The drawing position over an A4 jsPDF document: draws headers, paragraphs, tables and the
 * signature, breaking pages as needed. Shared by the plan (render.ts) and report renderers.
 *
 * Every string is NFC and wrapped by line-breaker.ts, not by jsPDF, so over-long words are broken
 * instead of clipped (jsPDF #3644); table cells are pre-wrapped to their fixed column widths too.
 */
import type { jsPDF } from 'jspdf';
import { autoTable, type CellInput, type RowInput } from 'jspdf-autotable';
import type { Block, FontStyle, ParagraphBlock, PlanDocument, Section, TableBlock, TextRun } from './layout';
import { lineText, wrapRuns, type Line, type Piece } from './line-breaker';
import { contentWidth, FONT_FAMILY, leftColumn, page, rightColumn, size, type PlanFonts } from './pdf-document';

const POINT_MM = 25.4 / 72;
const LINE_FACTOR = 1.3;
const PARAGRAPH_GAP = 1.2;
const FIRST_LINE_INDENT = 10;
const CELL_PADDING = 1.5;
export const SECTION_GAP = 3;
/** Room left for the handwritten signature between the hint and the printed name. */
const SIGNING_SPACE = 22;
const SIGNATURE_GAP = 6;

/** Text widths by style, size and text, per fonts object: the same font files always give the same widths. */
const widthCaches = new WeakMap<PlanFonts, Map<string, number>>();

/**
 * The widths measured with `fonts` so far in this visit. Fonts are loaded once per visit
 * (load-fonts.ts), so every document after the first (the warm-up's, a second export, a retry of
 * the table layout) finds most of its words measured already.
 */
export function widthCacheFor(fonts: PlanFonts): Map<string, number> {
  let cache = widthCaches.get(fonts);
  if (cache === undefined) {
    cache = new Map();
    widthCaches.set(fonts, cache);
  }
  return cache;
}

/** Keeps the drawing position and draws blocks, breaking pages as needed. */
export class Writer {
  y: number = page.top;

  /** `widths` must belong to the fonts registered in `doc` (`widthCacheFor`); a fresh map by default. */
  constructor(
    private readonly doc: jsPDF,
    private readonly widths = new Map<string, number>(),
  ) {}

  gap(mm: number): void {
    this.y += mm;
  }

  /** How every document opens: the two-column heading, then the bold title and summary lines. */
  opening(model: { readonly header: Parameters<Writer['header']>[0]; readonly title: string; readonly summary: string }): void {
    this.header(model.header);
    this.gap(8);
    this.centered(model.title, 'bold', size.title);
    this.centered(model.summary, 'bold', size.summary);
  }

  /** The two-column heading; a report also has its document number under the asterisk. */
  header(header: PlanDocument['header'] & { readonly number?: string }): void {
    const startY = this.y;
    // Left: higher committee, then the branch in bold, then the asterisk under it.
    let left = startY;
    left = this.centeredIn(header.committee, 'normal', size.header, leftColumn, left);
    left = this.centeredIn(header.branch, 'bold', size.header, leftColumn, left);
    left = this.centeredIn('*', 'normal', size.header, leftColumn, left);
    if (header.number !== undefined) left = this.centeredIn(header.number, 'normal', size.body, leftColumn, left);
    // Right: the Party name with a rule exactly as long as the text, then place and date.
    let right = startY;
    const partyWidth = this.measure(header.party, 'bold', size.party);
    right = this.centeredIn(header.party, 'bold', size.party, rightColumn, right);
    // About 1.5 mm under the baseline, clear of the dots under Ệ and Ụ.
    const ruleY = right - 0.3;
    const centre = rightColumn.x + rightColumn.width / 2;
    this.doc.setLineWidth(0.3);
    this.doc.line(centre - partyWidth / 2, ruleY, centre + partyWidth / 2, ruleY);
    right += 2;
    right = this.centeredIn(header.placeDate, 'italic', size.placeDate, rightColumn, right);
    this.y = Math.max(left, right);
  }

  centered(text: string, style: FontStyle, fontSize: number): void {
    this.y = this.centeredIn(
      text,
      style,
      fontSize,
      { x: page.left, width: contentWidth },
      this.ensureSpace(lineHeight(fontSize)),
    );
  }

  heading(text: string): void {
    // Keep a heading with at least two lines of what follows it.
    this.ensureSpace(lineHeight(size.body) * 3);
    this.paragraph({ kind: 'paragraph', runs: [{ text, style: 'bold', blank: false }], indent: false }, false);
  }

  /** Draws one block; `carried` applies to a table (see `table`). */
  block(block: Block, carried = 0): void {
    switch (block.kind) {
      case 'paragraph':
        this.paragraph(block, true);
        return;
      case 'dotted-lines':
        for (let index = 0; index < block.count; index += 1) {
          this.paragraph({ kind: 'paragraph', runs: [{ text: '…', style: 'normal', blank: true }], indent: false }, true);
        }
        return;
      case 'table':
        this.table(block, carried);
        return;
    }
  }

  /** Height of paragraphs and dotted lines as they would be drawn; tables count as too tall to keep. */
  private blocksHeight(blocks: readonly Block[]): number {
    let height = 0;
    for (const block of blocks) {
      if (block.kind === 'table') return Number.POSITIVE_INFINITY;
      const lines =
        block.kind === 'dotted-lines'
          ? block.count
          : this.wrap(block.runs, size.body, contentWidth, contentWidth - (block.indent ? FIRST_LINE_INDENT : 0)).length;
      height += lines * lineHeight(size.body) + PARAGRAPH_GAP * (block.kind === 'dotted-lines' ? lines : 1);
    }
    return height;
  }

  paragraph(paragraph: ParagraphBlock, spaced: boolean): void {
    const indent = paragraph.indent ? FIRST_LINE_INDENT : 0;
    const lines = this.wrap(paragraph.runs, size.body, contentWidth, contentWidth - indent);
    lines.forEach((line, index) => {
      const top = this.ensureSpace(lineHeight(size.body));
      this.drawLine(line, page.left + (index === 0 ? indent : 0), top, size.body);
      this.y = top + lineHeight(size.body);
    });
    if (spaced) this.y += PARAGRAPH_GAP;
  }

  /** Draws a table; its last `carried` rows start a new page (head repeated), see render.ts. */
  table(table: TableBlock, carried = 0): void {
    const head: CellInput[] = table.columns.map((column) => this.wrapCell(column.title, 'bold', column.width));
    const body: RowInput[] = table.rows.map((row) =>
      row.map((cell, index) =>
        this.wrapCell(
          cell.note === null ? cell.text : `${cell.text}\n${cell.note}`,
          'normal',
          table.columns[index]?.width ?? contentWidth,
        ),
      ),
    );
    const columnStyles: Record<string, { cellWidth: number; halign: 'left' | 'center' }> = {};
    table.columns.forEach((column, index) => {
      columnStyles[String(index)] = { cellWidth: column.width, halign: column.align };
    });
    const kept = carried > 0 ? body.slice(-carried) : [];
    this.drawTable(
      head,
      kept.length > 0 ? body.slice(0, -kept.length) : body,
      columnStyles,
      this.ensureSpace(lineHeight(size.table) * 4) + 1,
    );
    if (kept.length > 0) {
      this.doc.addPage('a4', 'portrait');
      this.drawTable(head, kept, columnStyles, page.top);
    }
  }

  private drawTable(
    head: CellInput[],
    body: RowInput[],
    columnStyles: Record<string, { cellWidth: number; halign: 'left' | 'center' }>,
    startY: number,
  ): void {
    let endY = this.y;
    autoTable(this.doc, {
      head: [head],
      body,
      startY,
      margin: { top: page.top, right: page.right, bottom: page.bottom, left: page.left },
      tableWidth: contentWidth,
      theme: 'grid',
      rowPageBreak: 'avoid',
      showHead: 'everyPage',
      // Every style names the embedded family: autotable's default is helvetica, bold in the head.
      styles: {
        font: FONT_FAMILY,
        fontStyle: 'normal',
        fontSize: size.table,
        textColor: 0,
        lineColor: 0,
        lineWidth: 0.2,
        cellPadding: CELL_PADDING,
        valign: 'top',
        overflow: 'linebreak',
      },
      headStyles: { font: FONT_FAMILY, fontStyle: 'bold', fillColor: false, textColor: 0, halign: 'center', valign: 'middle' },
      bodyStyles: { font: FONT_FAMILY, fontStyle: 'normal', fillColor: false, textColor: 0 },
      alternateRowStyles: { fillColor: false },
      columnStyles,
      didDrawPage: (data) => {
        if (data.cursor !== null) endY = data.cursor.y;
      },
    });
    this.doc.setFont(FONT_FAMILY, 'normal');
    this.y = endY + 2;
  }

  /** Moves to a new page unless `section` and the signature fit below; true when it did. */
  keepWithSignature(section: Section): boolean {
    const height = lineHeight(size.body) + this.blocksHeight(section.blocks) + signatureHeight();
    if (height > page.height - page.top - page.bottom) return false;
    const pages = this.doc.getNumberOfPages();
    this.ensureSpace(height);
    return this.doc.getNumberOfPages() > pages;
  }

  signature(signature: PlanDocument['signature']): void {
    let y = this.ensureSpace(signatureHeight()) + SIGNATURE_GAP;
    y = this.centeredIn(signature.role, 'bold', size.header, rightColumn, y);
    y = this.centeredIn(signature.hint, 'italic', size.body, rightColumn, y);
    y += SIGNING_SPACE;
    y = this.centeredIn(signature.name, signature.nameBlank ? 'normal' : 'bold', size.header, rightColumn, y);
    this.y = y;
  }

  /** Page numbers from page 2, centred at the top over the text column. */
  pageNumbers(): void {
    const total = this.doc.getNumberOfPages();
    for (let number = 2; number <= total; number += 1) {
      this.doc.setPage(number);
      const text = String(number);
      const width = this.measure(text, 'normal', size.pageNumber);
      this.setFont('normal', size.pageNumber);
      this.doc.text(text, page.left + (contentWidth - width) / 2, 12, { baseline: 'alphabetic' });
    }
  }

  /** Draws wrapped, centred text inside a column starting at `top`; returns the y after it. */
  centeredIn(text: string, style: FontStyle, fontSize: number, column: { x: number; width: number }, top: number): number {
    const lines = this.wrap([{ text, style, blank: false }], fontSize, column.width, column.width);
    let y = top;
    for (const line of lines) {
      this.drawLine(line, column.x + (column.width - line.width) / 2, y, fontSize);
      y += lineHeight(fontSize);
    }
    return y;
  }

  /** Starts a new page when `height` does not fit below the current position; returns the top to draw at. */
  ensureSpace(height: number): number {
    if (this.y + height > page.height - page.bottom) {
      this.doc.addPage('a4', 'portrait');
      this.y = page.top;
    }
    return this.y;
  }

  private drawLine(line: Line, x: number, top: number, fontSize: number): void {
    const baseline = top + fontSize * POINT_MM * 0.95;
    let cursor = x;
    // Same-style neighbours are drawn as one string so text extraction sees whole phrases.
    for (const group of groupPieces(line.pieces)) {
      if (group.leadingSpace) cursor += this.measure(' ', group.style, fontSize);
      this.setFont(group.style, fontSize);
      this.doc.text(group.text, cursor, baseline, { baseline: 'alphabetic' });
      cursor += this.measure(group.text, group.style, fontSize);
    }
  }

  /** Wraps runs at one font size with this document's cached widths (line-breaker.ts). */
  private wrap(runs: readonly TextRun[], fontSize: number, width: number, firstWidth: number): Line[] {
    return wrapRuns(runs, (text, style) => this.measure(text, style, fontSize), width, firstWidth);
  }

  private wrapCell(text: string, style: FontStyle, columnWidth: number): string {
    const room = columnWidth - 2 * CELL_PADDING - 0.5;
    return text
      .split('\n')
      .flatMap((paragraph) => this.wrap([{ text: paragraph, style, blank: false }], size.table, room, room).map(lineText))
      .join('\n');
  }

  setFont(style: FontStyle, fontSize: number): void {
    this.doc.setFont(FONT_FAMILY, style);
    this.doc.setFontSize(fontSize);
  }

  /** Widths are looked up many times (spaces, dots, repeated words): cached per fonts (`widthCacheFor`). */
  measure(text: string, style: FontStyle, fontSize: number): number {
    const key = `${style}|${fontSize}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.setFont(style, fontSize);
      width = this.doc.getTextWidth(text);
      this.widths.set(key, width);
    }
    return width;
  }
}

function signatureHeight(): number {
  return SIGNATURE_GAP + lineHeight(size.header) * 2 + lineHeight(size.body) + SIGNING_SPACE;
}

export function lineHeight(fontSize: number): number {
  return fontSize * POINT_MM * LINE_FACTOR;
}

/** Merges neighbouring pieces of one style into strings, keeping the spaces between them. */
function groupPieces(pieces: readonly Piece[]): { text: string; style: FontStyle; leadingSpace: boolean }[] {
  const groups: { text: string; style: FontStyle; leadingSpace: boolean }[] = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.style === piece.style) {
      last.text += (piece.space ? ' ' : '') + piece.text;
    } else {
      groups.push({ text: piece.text, style: piece.style, leadingSpace: piece.space });
    }
  }
  return groups;
}
