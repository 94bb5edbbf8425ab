/**
 * The A4 page, fonts and metadata shared by every PDF this site writes (plan, report, paper forms).
 *
 * Invariants, each guarding a known trap (see shared pitfalls):
 * - Only the embedded Tinos family is ever used, in normal/bold/italic; the 14 standard fonts
 *   cannot show Vietnamese and `putOnlyUsedFonts` keeps them out of the file.
 * - Output depends only on the document and the fonts: creation date and file id come from the
 *   model, and no user text goes into options or metadata.
 */
import { jsPDF } from 'jspdf';
import { toNfc } from '../domain/text';
import type { FontStyle } from './layout';

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
/** A new A4 document with the embedded fonts and the deterministic metadata of `meta`. */
export function createA4Document(
  meta: { readonly createdAt: string; readonly fileId: string; readonly title: string },
  fonts: PlanFonts,
): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts);
  doc.setCreationDate(pdfDate(meta.createdAt));
  doc.setFileId(
    meta.fileId
      .replace(/[^0-9A-F]/gi, '')
      .padEnd(32, '0')
      .slice(0, 32),
  );
  // Title is a fixed string from the layout, encoded as a UTF-16 PDF text string because jsPDF
  // writes metadata bytes as Latin-1 and would garble "ả", "ự".
  doc.setDocumentProperties({ title: pdfTextString(meta.title) });
  doc.setLanguage('vi');
  doc.setTextColor(0, 0, 0);
  doc.setDrawColor(0, 0, 0);
  return doc;
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
  // jspdf-autotable asks for the font list on every cell it styles, and jsPDF rebuilds it on every
  // call: a fifth of a plan's render time. No font is added after this point, so the list is fixed.
  const fontList = doc.getFontList();
  doc.getFontList = () => fontList;
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
