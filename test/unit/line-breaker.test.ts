/**
 * The pure line breaker: widths come from a fake measure (every grapheme one unit wide, a space
 * one unit), so each case states exactly where a line must break.
 */
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/pdf/layout';
import { lineText, wrapRuns, type Measure } from '../../src/pdf/line-breaker';

/** One unit per grapheme (a letter with its combining marks), so NFD text would measure wider. */
const measure: Measure = (text) => [...text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)].length;

function run(text: string, blank = false): TextRun {
  return { text, style: 'normal', blank };
}

function wrapText(text: string, width: number, firstWidth = width): string[] {
  return wrapRuns([run(text)], measure, width, firstWidth).map(lineText);
}

describe('line breaker', () => {
  it('breaks between words and never lets a line grow wider than the room', () => {
    const lines = wrapRuns([run('một hai ba bốn năm sáu')], measure, 10, 10);

    expect(lines.map(lineText)).toEqual(['một hai ba', 'bốn năm', 'sáu']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(10);
  });

  it('breaks a long word without spaces into pieces that fit, losing no letter', () => {
    const word = 'x'.repeat(25);
    const lines = wrapText(`ab ${word}`, 10);

    for (const line of lines) expect(measure(line, 'normal')).toBeLessThanOrEqual(10);
    expect(lines.join('').replaceAll(' ', '')).toBe(`ab${word}`);
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps Vietnamese words whole and composed (NFC), even when typed decomposed', () => {
    const nfd = 'Nguyễn Thị Hường tự phê bình nghiêm túc'.normalize('NFD');
    const lines = wrapText(nfd, 12);

    expect(lines).toEqual(['Nguyễn Thị', 'Hường tự phê', 'bình nghiêm', 'túc']);
    for (const line of lines) expect(line).toBe(line.normalize('NFC'));
  });

  it('cuts an over-long Vietnamese word between letters, never between a letter and its marks', () => {
    const lines = wrapText('ỨỨỨỨỨỨỨỨỨỨỨỨ'.normalize('NFD'), 5);

    expect(lines.join('')).toBe('ỨỨỨỨỨỨỨỨỨỨỨỨ');
    for (const line of lines) {
      expect(measure(line, 'normal')).toBeLessThanOrEqual(5);
      expect(line.normalize('NFC')).toBe(line);
    }
  });

  it('gives the first line its own room for a first-line indent', () => {
    expect(wrapText('aaa bbb ccc', 7, 3)).toEqual(['aaa', 'bbb ccc']);
  });

  it('fills the rest of the line with dots after a trailing blank run', () => {
    const lines = wrapRuns([run('Họ và tên: '), run('…', true)], measure, 20, 20);

    expect(lines).toHaveLength(1);
    expect(lineText(lines[0]!)).toMatch(/^Họ và tên: …+$/u);
    expect(lines[0]!.width).toBeLessThanOrEqual(20);
    expect(lines[0]!.width).toBeGreaterThan(18);
  });

  it('keeps styles apart and joins runs without a space when the text has none', () => {
    const lines = wrapRuns(
      [
        { text: 'Đảng', style: 'bold', blank: false },
        { text: 'viên tốt', style: 'italic', blank: false },
      ],
      measure,
      40,
      40,
    );

    expect(lineText(lines[0]!)).toBe('Đảngviên tốt');
    expect(lines[0]!.pieces.map((piece) => piece.style)).toEqual(['bold', 'italic', 'italic']);
  });
});
