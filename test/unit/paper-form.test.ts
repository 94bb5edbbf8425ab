/**
 * Blank paper forms: every item of the checklist in hand-entry order with one box per level,
 * the blank plan, both as PDF within the 60 KB budget.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { numberChecklist } from '../../src/domain/checklist';
import { assessmentLevels } from '../../src/domain/review-constants';
import { buildBlankPlanForm, buildPaperSelfReviewForm, paperLevels } from '../../src/pdf/paper-form-layout';
import { generatePaperFormPdf } from '../../src/pdf/paper-form-pdf';
import type { PlanFonts } from '../../src/pdf/render';
import { loadChecklist } from './helpers';
import { keepPdf, loadTestFonts, pdfPages } from './pdf-text';

/** Rendering with jsPDF can take seconds on a loaded machine; timing is measured by the bench, not here. */
const PDF_TIMEOUT_MS = 30_000;

const checklist = loadChecklist();
const now = new Date('2026-12-01T03:00:00Z');
let fonts: PlanFonts;

beforeAll(() => {
  fonts = loadTestFonts();
});

describe('phiếu tự soi (model)', () => {
  it('lists every item once, numbered 1…N in checklist order, with an empty box per level of the review', () => {
    const form = buildPaperSelfReviewForm(checklist, now);
    const tables = form.sections.flatMap((section) => section.blocks).filter((block) => block.kind === 'table');
    const itemTables = tables.filter((table) => table.columns[1]?.title === 'Biểu hiện');
    const rows = itemTables.flatMap((table) => table.rows);
    const expected = numberChecklist(checklist).groups.flatMap((group) => group.items);

    expect(rows.map((row) => row[0]?.text)).toEqual(expected.map((item) => String(item.overallNumber)));
    expect(rows.map((row) => row[1]?.text)).toEqual(expected.map((item) => item.label));
    expect(paperLevels).toEqual(assessmentLevels.filter((level) => level !== 'unset'));
    for (const row of rows) expect(row.slice(2).map((cell) => cell.text)).toEqual(paperLevels.map(() => ''));
    expect(itemTables).toHaveLength(checklist.groups.length);
  });

  it('leaves the header, identity and date to be filled in by hand', () => {
    const form = buildPaperSelfReviewForm(checklist, now);
    expect(form.header.committee.startsWith('ĐẢNG BỘ')).toBe(true);
    expect(form.header.placeDate).toContain('ngày … tháng … năm');
    expect(form.identity.every((line) => line.runs.some((run) => run.blank))).toBe(true);
    expect(form.signature.nameBlank).toBe(true);
  });

  it('has one section per part, each id once (the print view uses them as landmarks)', () => {
    const form = buildPaperSelfReviewForm(checklist, now);
    expect(form.sections.map((section) => section.heading)).toEqual([
      'I. ƯU ĐIỂM CẦN PHÁT HUY',
      'II. TỰ SOI THEO TỪNG BIỂU HIỆN',
      'III. KẾ HOẠCH KHẮC PHỤC',
      'IV. CAM KẾT',
    ]);
    expect(new Set(form.sections.map((section) => section.id)).size).toBe(form.sections.length);
  });
});

describe('blank forms as PDF', () => {
  it(
    'prints the phiếu tự soi with every item and stays within 60 KB',
    async () => {
      const { bytes, fileName } = generatePaperFormPdf({ kind: 'self-review', checklist, now, fonts });
      keepPdf(fileName, bytes);
      const text = (await pdfPages(bytes)).join(' ');

      expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('PHIẾU TỰ SOI, TỰ SỬA');
      for (const item of numberChecklist(checklist).groups.flatMap((group) => group.items)) expect(text).toContain(item.label);
      expect(text).toContain('Có nguy cơ');
      expect(text).toContain('NGƯỜI VIẾT');
    },
    PDF_TIMEOUT_MS,
  );

  it(
    'prints the blank plan within 60 KB',
    async () => {
      const { bytes, fileName } = generatePaperFormPdf({ kind: 'plan', checklist, now, fonts });
      keepPdf(fileName, bytes);
      const text = (await pdfPages(bytes)).join(' ');

      expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
      expect(text).toContain('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
      expect(text).toContain('Biện pháp');
      expect(buildBlankPlanForm(checklist, now).header.branch).toBe('CHI BỘ …………');
    },
    PDF_TIMEOUT_MS,
  );
});
