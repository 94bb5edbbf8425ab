/**
 * Greedy line breaking over styled runs, pure: widths come from the `measure` function the caller
 * passes (jsPDF's in the renderer, a fake in tests), so wrapping is testable without jsPDF.
 *
 * Every string is NFC before it is measured. Over-long words are broken here rather than clipped
 * by jsPDF (jsPDF #3644): first at break opportunities (layout.ts), then by measured width.
 */
import { toNfc } from '../domain/text';
import type { FontStyle, TextRun } from './layout';
import { BREAK_OPPORTUNITY, breakLongWords } from './plan-text';

/** Width in the caller's unit of `text` drawn in `style` (the font size is the caller's). */
export type Measure = (text: string, style: FontStyle) => number;

export interface Piece {
  readonly text: string;
  readonly style: FontStyle;
  /** A space goes before this piece when it does not start a line. */
  readonly space: boolean;
  readonly blank: boolean;
}

export interface Line {
  readonly pieces: Piece[];
  width: number;
}

/**
 * Breaks `runs` into lines no wider than `width`; `firstWidth` is the room on the first line (after
 * a first-line indent). A trailing blank run grows to fill its line with dots, as on paper forms.
 */
export function wrapRuns(runs: readonly TextRun[], measure: Measure, width: number, firstWidth: number): Line[] {
  const pieces = splitPieces(runs, measure, Math.min(width, firstWidth));
  const lines: Line[] = [{ pieces: [], width: 0 }];
  for (const piece of pieces) {
    let line = lines[lines.length - 1] ?? { pieces: [], width: 0 };
    const room = lines.length === 1 ? firstWidth : width;
    const pieceWidth = measure(piece.text, piece.style);
    const spaceWidth = piece.space && line.pieces.length > 0 ? measure(' ', piece.style) : 0;
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
    const dotWidth = measure('…', 'normal');
    const extra = Math.max(0, Math.floor((room - last.width - 0.5) / dotWidth));
    last.pieces[last.pieces.length - 1] = { ...lastPiece, text: lastPiece.text + '…'.repeat(extra) };
    last.width += extra * dotWidth;
  }
  return lines.filter((line) => line.pieces.length > 0);
}

/** The text of a wrapped line as plain string, spaces included. */
export function lineText(line: Line): string {
  return line.pieces.map((piece, index) => (index > 0 && piece.space ? ' ' : '') + piece.text).join('');
}

/** Splits runs into breakable pieces; over-long words are cut at break opportunities, then by measure. */
function splitPieces(runs: readonly TextRun[], measure: Measure, room: number): Piece[] {
  const pieces: Piece[] = [];
  let pendingSpace = false;
  for (const run of runs) {
    const text = toNfc(run.text).replaceAll(BREAK_OPPORTUNITY, '');
    const maxChars = Math.max(1, Math.floor(room / measure('W', run.style)));
    for (const match of text.matchAll(/(\s*)(\S+)/gu)) {
      const space = (match[1] ?? '') !== '' || pendingSpace;
      pendingSpace = false;
      const word = match[2] ?? '';
      // Only a word wider than the line gets break opportunities; others move whole to the next line.
      const segments = measure(word, run.style) > room ? breakLongWords(word, maxChars).split(BREAK_OPPORTUNITY) : [word];
      let first = true;
      for (const segment of segments) {
        for (const part of chop(segment, run.style, measure, room)) {
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
function chop(segment: string, style: FontStyle, measure: Measure, room: number): string[] {
  if (measure(segment, style) <= room) return [segment];
  const parts: string[] = [];
  let current = '';
  for (const cluster of segment.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [segment]) {
    if (current !== '' && measure(current + cluster, style) > room) {
      parts.push(current);
      current = '';
    }
    current += cluster;
  }
  if (current !== '') parts.push(current);
  return parts;
}
