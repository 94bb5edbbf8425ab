/**
 * The báo cáo đề dẫn: generated text with denominators and the small-count rule, regeneration
 * that never overwrites an edit, the document model, and the PDF read back with pdfjs (header,
 * title, edited text, counts, signature, no member's name, size budget).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { limitSmallCounts, picture } from '../../src/domain/branch/picture';
import {
  acceptGenerated,
  editGenerated,
  emptySections,
  regenerate,
  resultsParagraph,
  type ReportSections,
} from '../../src/domain/branch/report';
import { buildReport } from '../../src/pdf/report-layout';
import { generateReportPdf } from '../../src/pdf/report-pdf';
import type { PlanFonts } from '../../src/pdf/render';
import { loadChecklist } from './helpers';
import { keepPdf, loadTestFonts, pdfPages } from './pdf-text';
import { memberNames, reportEntries, reportRound } from './report-fixture';

/** Rendering with jsPDF can take seconds on a loaded machine; timing is measured by the bench, not here. */
const PDF_TIMEOUT_MS = 30_000;

const checklist = loadChecklist();
const round = reportRound();
const outbound = limitSmallCounts(picture(round, reportEntries(round), checklist), 3);
const now = new Date('2026-06-15T03:00:00Z');
let fonts: PlanFonts;

beforeAll(() => {
  fonts = loadTestFonts();
});

describe('results paragraph (section II)', () => {
  const text = resultsParagraph(outbound);

  it('gives every count with its denominator, in the nameless style', () => {
    expect(text).toContain('Chi bộ nhận được kết quả tự soi của 12/14 đồng chí (còn 2 đồng chí chưa gửi).');
    expect(text).toContain(
      'nhóm I (suy thoái về tư tưởng chính trị): có 6/12 đồng chí tự nhận có biểu hiện, 3/12 đồng chí tự nhận có nguy cơ',
    );
    expect(text).toContain('biểu hiện 1 “Phai nhạt lý tưởng, giảm niềm tin” (6/12 đồng chí có biểu hiện, 3/12 có nguy cơ)');
    expect(text).toContain('đã đề ra 8 biện pháp khắc phục; trong đó đã xong 4, đang thực hiện 4, chưa thực hiện dưới 3.');
  });

  it('hides counts below the threshold and never names an item known only from a hidden count', () => {
    expect(text).toContain('nhóm II (suy thoái về đạo đức, lối sống): có dưới 3/12 đồng chí tự nhận có biểu hiện');
    expect(text).not.toContain('biểu hiện 14');
    expect(text).toContain('biểu hiện 2 “');
    for (const name of memberNames) expect(text).not.toContain(name);
  });
});

describe('regenerating a generated section', () => {
  it('replaces an unedited text, asks before replacing an edited one', () => {
    const first = acceptGenerated('Bản một.');
    expect(regenerate(first, 'Bản hai.')).toEqual({ kind: 'updated', section: { text: 'Bản hai.', generated: 'Bản hai.' } });

    const edited = editGenerated(first, 'Bản một, đã sửa.');
    const outcome = regenerate(edited, 'Bản hai.');
    expect(outcome.kind).toBe('needs-confirmation');
    expect(outcome.section.text).toBe('Bản một, đã sửa.');
    expect(regenerate(first, 'Bản một.').kind).toBe('unchanged');
  });
});

function filledSections(): ReportSections {
  return {
    ...emptySections,
    number: '05',
    place: 'Hà Tĩnh',
    signerName: 'Phan Văn Quang',
    collective: 'Chi bộ duy trì nền nếp sinh hoạt định kỳ hằng tháng; nội dung sinh hoạt có lúc chưa sâu.',
    results: editGenerated(
      acceptGenerated(resultsParagraph(outbound)),
      `${resultsParagraph(outbound)}\nĐoạn bí thư tự viết thêm.`,
    ),
    shortcomings: 'Tự phê bình còn nể nang; nguyên nhân chủ yếu do chưa chuẩn bị kỹ.',
    direction: 'Tập trung khắc phục các biểu hiện được tự nhận nhiều nhất.',
    measures: [
      {
        id: 'm1',
        what: 'Đổi mới nội dung sinh hoạt chi bộ',
        who: 'Bí thư chi bộ',
        by: '2026-09-30',
        status: 'not-started',
        checks: [],
      },
      {
        id: 'm2',
        what: 'Rà soát kế hoạch khắc phục của từng đảng viên',
        who: 'Chi ủy',
        by: '2026-07',
        status: 'not-started',
        checks: [],
      },
    ],
    questions: 'Làm gì để sinh hoạt chi bộ thực chất hơn?',
  };
}

describe('report document', () => {
  it('lays out the Party-document header, sections I–V, the counts table with denominators and the signature', () => {
    const report = buildReport(round, outbound, filledSections(), now);

    expect(report.header).toEqual({
      committee: 'ĐẢNG BỘ KHỐI CƠ QUAN TỈNH',
      branch: 'CHI BỘ VĂN PHÒNG',
      number: 'Số 05-BC/CB',
      party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      placeDate: 'Hà Tĩnh, ngày 15 tháng 6 năm 2026',
    });
    expect(report.sections.map((section) => section.heading.split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V']);
    const table = report.sections[1]?.blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]?.map((cell) => cell.text)).toEqual([
      '1',
      'Phai nhạt lý tưởng, giảm niềm tin',
      '4/12',
      'dưới 3/12',
      '3/12',
      '3/12',
      'dưới 3/12',
    ]);
    expect(report.signature).toEqual({ body: 'T/M CHI BỘ', role: 'BÍ THƯ', name: 'Phan Văn Quang', nameBlank: false });
    expect(buildReport(round, outbound, { ...filledSections(), signerBody: 'chi-uy' }, now).signature.body).toBe('T/M CHI ỦY');
  });

  it('prints the empty collective section as its prompts with lines to write on', () => {
    const report = buildReport(round, outbound, emptySections, now);
    const blocks = report.sections[0]?.blocks ?? [];
    expect(blocks.filter((block) => block.kind === 'dotted-lines')).toHaveLength(6);
  });
});

describe('report PDF', () => {
  it(
    'carries the header lines, title, edited text, counts and signature, no member name, within 150 KB',
    async () => {
      const bytes = generateReportPdf({ round, outbound, sections: filledSections(), now, fonts }).bytes;
      keepPdf('bao-cao-de-dan.pdf', bytes);
      const pages = await pdfPages(bytes);
      const text = pages.join(' ');

      for (const expected of [
        'ĐẢNG BỘ KHỐI CƠ QUAN TỈNH',
        'CHI BỘ VĂN PHÒNG',
        'Số 05-BC/CB',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Hà Tĩnh, ngày 15 tháng 6 năm 2026',
        'BÁO CÁO ĐỀ DẪN',
        'Đoạn bí thư tự viết thêm.',
        '12/14 đồng chí',
        '6/12 đồng chí tự nhận có biểu hiện',
        'dưới 3/12',
        'T/M CHI BỘ',
        'BÍ THƯ',
        'Nơi nhận:',
        'Đổi mới nội dung sinh hoạt chi bộ',
      ]) {
        expect(text).toContain(expected);
      }
      for (const name of memberNames) expect(text).not.toContain(name);
      // Page numbers are drawn last on each page, from page 2.
      expect(pages[1]?.endsWith(' 2')).toBe(true);
      expect(pages[0]?.endsWith(' 1')).toBe(false);
      expect(bytes.length).toBeLessThanOrEqual(150 * 1024);
    },
    PDF_TIMEOUT_MS,
  );
});
