/**
 * Draws a PlanDocument (layout.ts) as an A4 PDF with jsPDF and jspdf-autotable.
 *
 * Invariants, each guarding a known trap (see shared pitfalls):
 * - Only the embedded Tinos family is ever used, in normal/bold/italic; the 14 standard fonts
 *   cannot show Vietnamese and `putOnlyUsedFonts` keeps them out of the file.
 * - Every string is NFC before it is measured or drawn: jsPDF does no mark positioning.
 * - Text is wrapped here, not by jsPDF, so over-long words are broken instead of clipped
 *   (jsPDF #3644); table cells are pre-wrapped to their fixed column widths for the same reason.
 * - Output depends only on the document and the fonts: creation date and file id come from the
 *   model, and no user text goes into options or metadata.
 *
 * Synchronous: everything is in memory once the fonts are loaded.
 */
import { jsPDF } from 'jspdf';
import { autoTable, type CellInput, type RowInput } from 'jspdf-autotable';
import { toNfc } from '../domain/text';
import {
  BREAK_OPPORTUNITY,
  breakLongWords,
  type Block,
  type FontStyle,
  type ParagraphBlock,
  type PlanDocument,
  type Section,
  type TableBlock,
  type TextRun,
} from './layout';

/** The three Tinos subsets produced by src/pdf/subset-fonts.mjs. */
export interface PlanFonts {
  readonly regular: ArrayBuffer | Uint8Array;
  readonly bold: ArrayBuffer | Uint8Array;
  readonly italic: ArrayBuffer | Uint8Array;
}

export const FONT_FAMILY = 'Tinos';

/** A4 portrait in millimetres, margins per Hướng dẫn 36-HD/VPTW practice. */
export const page = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 } as const;
export const contentWidth = page.width - page.left - page.right;
/** Header columns: the issuing body on the left, the Party name and date on the right. */
export const leftColumn = { x: page.left, width: 78 } as const;
export const rightColumn = { x: page.left + 78, width: contentWidth - 78 } as const;

/** Point sizes (domain facts §7). */
export const size = {
  party: 15,
  header: 14,
  placeDate: 14,
  title: 15,
  summary: 14,
  basis: 13,
  body: 13,
  table: 12,
  pageNumber: 13,
} as const;
const POINT_MM = 25.4 / 72;
const LINE_FACTOR = 1.3;
const PARAGRAPH_GAP = 1.2;
const FIRST_LINE_INDENT = 10;
const CELL_PADDING = 1.5;
const SECTION_GAP = 3;
/** Room left for the handwritten signature between the hint and the printed name. */
const SIGNING_SPACE = 22;
const SIGNATURE_GAP = 6;

interface Piece {
  readonly text: string;
  readonly style: FontStyle;
  readonly space: boolean;
  readonly blank: boolean;
}

interface Line {
  readonly pieces: Piece[];
  width: number;
}

/** Renders the document; returns the PDF bytes. */
export function renderPlanPdf(model: PlanDocument, fonts: PlanFonts): Uint8Array {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts);
  doc.setCreationDate(pdfDate(model.meta.createdAt));
  doc.setFileId(
    model.meta.fileId
      .replace(/[^0-9A-F]/gi, '')
      .padEnd(32, '0')
      .slice(0, 32),
  );
  // Title is a fixed string from the layout, encoded as a UTF-16 PDF text string because jsPDF
  // writes metadata bytes as Latin-1 and would garble "ả", "ự".
  doc.setDocumentProperties({ title: pdfTextString(model.meta.title) });
  doc.setLanguage('vi');
  doc.setTextColor(0, 0, 0);
  doc.setDrawColor(0, 0, 0);

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

export function registerFonts(doc: jsPDF, fonts: PlanFonts): void {
  const files: [FontStyle, ArrayBuffer | Uint8Array][] = [
    ['normal', fonts.regular],
    ['bold', fonts.bold],
    ['italic', fonts.italic],
  ];
  for (const [style, data] of files) {
    const fileName = `tinos-${style}.ttf`;
    // A binary string starting with the TrueType tag is accepted as is (no base64 round trip).
    doc.addFileToVFS(fileName, toBinaryString(data));
    doc.addFont(fileName, FONT_FAMILY, style);
  }
  doc.setFont(FONT_FAMILY, 'normal');
}

/**
 * jsPDF writes the family name ("Tinos") as /BaseFont of every face, so viewers and checks could
 * not tell them apart. Just before output, give each face its PostScript name with a subset tag,
 * as the PDF specification asks for embedded subsets. Done last because jsPDF looks fonts up by
 * the registered family while drawing; nothing is drawn after this.
 */
export function namePostScriptFonts(doc: jsPDF): void {
  const names: [FontStyle, string][] = [
    ['normal', 'TINOSR+Tinos-Regular'],
    ['bold', 'TINOSB+Tinos-Bold'],
    ['italic', 'TINOSI+Tinos-Italic'],
  ];
  for (const [style, postScriptName] of names) {
    doc.setFont(FONT_FAMILY, style);
    doc.getFont().fontName = postScriptName;
  }
}

/** Keeps the drawing position and draws blocks, breaking pages as needed. */
export class Writer {
  y: number = page.top;
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: jsPDF) {}

  gap(mm: number): void {
    this.y += mm;
  }

  header(header: PlanDocument['header']): void {
    const startY = this.y;
    // Left: higher committee, then the branch in bold, then the asterisk under it.
    let left = startY;
    left = this.centeredIn(header.committee, 'normal', size.header, leftColumn, left);
    left = this.centeredIn(header.branch, 'bold', size.header, leftColumn, left);
    left = this.centeredIn('*', 'normal', size.header, leftColumn, left);
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

  block(block: Block): void {
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
        this.table(block);
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

  table(table: TableBlock): void {
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
    let endY = this.y;
    autoTable(this.doc, {
      head: [head],
      body,
      startY: this.ensureSpace(lineHeight(size.table) * 4) + 1,
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

  keepWithSignature(section: Section): void {
    const height = lineHeight(size.body) + this.blocksHeight(section.blocks) + signatureHeight();
    if (height <= page.height - page.top - page.bottom) this.ensureSpace(height);
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

  /**
   * Greedy line breaking over styled runs. `firstWidth` is the room on the first line (after a
   * first-line indent). A trailing blank run grows to fill its line with dots, as on paper forms.
   */
  private wrap(runs: readonly TextRun[], fontSize: number, width: number, firstWidth: number): Line[] {
    const pieces = this.pieces(runs, fontSize, Math.min(width, firstWidth));
    const lines: Line[] = [{ pieces: [], width: 0 }];
    for (const piece of pieces) {
      let line = lines[lines.length - 1] ?? { pieces: [], width: 0 };
      const room = lines.length === 1 ? firstWidth : width;
      const pieceWidth = this.measure(piece.text, piece.style, fontSize);
      const spaceWidth = piece.space && line.pieces.length > 0 ? this.measure(' ', piece.style, fontSize) : 0;
      if (line.pieces.length > 0 && line.width + spaceWidth + pieceWidth > room) {
        line = { pieces: [], width: 0 };
        lines.push(line);
      }
      const startsLine = line.pieces.length === 0;
      const placed: Piece = startsLine ? { ...piece, space: false } : piece;
      line.pieces.push(placed);
      line.width += (startsLine ? 0 : spaceWidth) + pieceWidth;
    }
    const last = lines[lines.length - 1];
    const lastPiece = last?.pieces[last.pieces.length - 1];
    if (last !== undefined && lastPiece?.blank === true) {
      const room = lines.length === 1 ? firstWidth : width;
      const dotWidth = this.measure('…', 'normal', fontSize);
      const extra = Math.max(0, Math.floor((room - last.width - 0.5) / dotWidth));
      last.pieces[last.pieces.length - 1] = { ...lastPiece, text: lastPiece.text + '…'.repeat(extra) };
      last.width += extra * dotWidth;
    }
    return lines.filter((line) => line.pieces.length > 0);
  }

  /** Splits runs into breakable pieces; over-long words are cut at break opportunities, then by measure. */
  private pieces(runs: readonly TextRun[], fontSize: number, room: number): Piece[] {
    const pieces: Piece[] = [];
    let pendingSpace = false;
    for (const run of runs) {
      const text = toNfc(run.text).replaceAll(BREAK_OPPORTUNITY, '');
      const maxChars = Math.max(1, Math.floor(room / this.measure('W', run.style, fontSize)));
      for (const match of text.matchAll(/(\s*)(\S+)/gu)) {
        const space = (match[1] ?? '') !== '' || pendingSpace;
        pendingSpace = false;
        const word = match[2] ?? '';
        // Only a word wider than the line gets break opportunities; others move whole to the next line.
        const segments =
          this.measure(word, run.style, fontSize) > room ? breakLongWords(word, maxChars).split(BREAK_OPPORTUNITY) : [word];
        let first = true;
        for (const segment of segments) {
          for (const part of this.chop(segment, run.style, fontSize, room)) {
            pieces.push({ text: part, style: run.style, space: first && space, blank: run.blank });
            first = false;
          }
        }
      }
      pendingSpace = /\s$/u.test(text);
    }
    return pieces;
  }

  /** Last resort for a segment still wider than the line: cut it by measured width, letter by letter. */
  private chop(segment: string, style: FontStyle, fontSize: number, room: number): string[] {
    if (this.measure(segment, style, fontSize) <= room) return [segment];
    const parts: string[] = [];
    let current = '';
    for (const cluster of segment.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [segment]) {
      if (current !== '' && this.measure(current + cluster, style, fontSize) > room) {
        parts.push(current);
        current = '';
      }
      current += cluster;
    }
    if (current !== '') parts.push(current);
    return parts;
  }

  private wrapCell(text: string, style: FontStyle, columnWidth: number): string {
    const room = columnWidth - 2 * CELL_PADDING - 0.5;
    return text
      .split('\n')
      .flatMap((paragraph) =>
        this.wrap([{ text: paragraph, style, blank: false }], size.table, room, room).map((line) =>
          line.pieces.map((piece, index) => (index > 0 && piece.space ? ' ' : '') + piece.text).join(''),
        ),
      )
      .join('\n');
  }

  setFont(style: FontStyle, fontSize: number): void {
    this.doc.setFont(FONT_FAMILY, style);
    this.doc.setFontSize(fontSize);
  }

  /** Widths are looked up many times (spaces, dots, repeated words): cached per document. */
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

/** PDF date of an ISO instant, in UTC so the bytes do not depend on the machine's time zone. */
export function pdfDate(iso: string): string {
  const date = new Date(iso);
  const year = date.getUTCFullYear();
  // jsPDF accepts years 1970–2037 only; outside that, fall back to a fixed valid date.
  if (Number.isNaN(date.getTime()) || year < 1970 || year > 2037) return "D:19700101000000+00'00'";
  const pad = (value: number) => String(value).padStart(2, '0');
  return `D:${year}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** UTF-16BE with byte-order mark, as a binary string: the PDF form of a Unicode text string. */
export function pdfTextString(text: string): string {
  let out = '\u00FE\u00FF';
  for (const unit of toNfc(text).replace(/[^\p{L}\p{N} ,.\-]/gu, '')) {
    const code = unit.charCodeAt(0);
    out += String.fromCharCode(code >> 8, code & 0xff);
  }
  return out;
}

/** Fonts are loaded once per visit (load-fonts.ts), so their string form is worth keeping. */
const binaryStrings = new WeakMap<ArrayBuffer | Uint8Array, string>();

function toBinaryString(data: ArrayBuffer | Uint8Array): string {
  const known = binaryStrings.get(data);
  if (known !== undefined) return known;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let out = '';
  // Chunked: String.fromCharCode with a whole font as arguments would overflow the call stack.
  for (let index = 0; index < bytes.length; index += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(index, index + 0x2000));
  }
  binaryStrings.set(data, out);
  return out;
}
