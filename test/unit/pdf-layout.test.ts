/**
 * The printed plan's model, without jsPDF: what is printed, where, and in which words; plus the
 * print view, which renders the same model as HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { parseReview, type Review } from '../../src/domain/review-schema';
import { PrintView } from '../../src/islands/PrintView';
import {
  BREAK_OPPORTUNITY,
  breakLongWords,
  buildPlanDocument,
  planFileName,
  type Block,
  type PlanDocument,
  type PlanOptions,
  type TableBlock,
} from '../../src/pdf/layout';
import { loadChecklist } from './helpers';

const root = join(import.meta.dirname, '..', '..');
const checklist = loadChecklist();
const now = new Date('2022-05-20T05:00:00Z');
const full: PlanOptions = { scope: 'full', includeNotes: true };

function fixture(name: string): Review {
  return parseReview(JSON.parse(readFileSync(join(root, 'test/fixtures/pdf', name), 'utf8')));
}

function build(review: Review, options: PlanOptions = full, clock = now): PlanDocument {
  return buildPlanDocument({ review, checklist, options, now: clock });
}

function section(model: PlanDocument, id: string) {
  const found = model.sections.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no section ${id}`);
  return found;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.runs.map((run) => run.text).join('');
    case 'dotted-lines':
      return `[${block.count} dotted lines]`;
    case 'table':
      return block.rows.map((row) => row.map((cell) => cell.text).join(' | ')).join('\n');
  }
}

function planTable(model: PlanDocument): TableBlock {
  const table = section(model, 'plan').blocks[0];
  if (table?.kind !== 'table') throw new Error('plan is not a table');
  return table;
}

/** Every string in the model, for checks that must hold everywhere. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The strings a reader sees: headings, runs, cells and notes, column titles. */
function visibleStrings(model: PlanDocument): string[] {
  return model.sections.flatMap((entry) => [
    entry.heading,
    ...entry.blocks.flatMap((block) => {
      if (block.kind === 'paragraph') return block.runs.map((run) => run.text);
      if (block.kind === 'table')
        return [
          ...block.columns.map((column) => column.title),
          ...block.rows.flat().flatMap((cell) => (cell.note === null ? [cell.text] : [cell.text, cell.note])),
        ];
      return [];
    }),
  ]);
}

const emptyMember = { name: '', branch: '', partyCommittee: '', position: '', place: '' };

describe('document header and title', () => {
  it('puts the committee and branch in upper case on the left and the place and date on the right', () => {
    const model = build(fixture('full-review.json'));

    expect(model.header).toEqual({
      committee: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH HÀ TĨNH',
      branch: 'CHI BỘ VĂN PHÒNG SỞ NỘI VỤ',
      party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      placeDate: 'Hà Tĩnh, ngày 20 tháng 5 năm 2022',
    });
    expect(model.title).toBe('BẢN TỰ SOI, TỰ SỬA VÀ KẾ HOẠCH KHẮC PHỤC');
    expect(model.summary).toBe('Kỳ: 6 tháng đầu năm 2022');
  });

  it('adds the kind of body when the member typed only its name', () => {
    const review = fixture('full-review.json');
    const model = build({ ...review, member: { ...review.member, branch: 'Phòng Tổ chức', partyCommittee: 'xã Ỷ Lan' } });

    expect(model.header.branch).toBe('CHI BỘ PHÒNG TỔ CHỨC');
    expect(model.header.committee).toBe('ĐẢNG BỘ XÃ Ỷ LAN');
  });

  it('dates the document with the clock it is given', () => {
    const model = build(fixture('full-review.json'), full, new Date(2023, 11, 3, 9, 0));
    expect(model.header.placeDate).toBe('Hà Tĩnh, ngày 3 tháng 12 năm 2023');
  });

  it('leaves dotted lines for every empty field, never blanks', () => {
    const review: Review = { ...fixture('full-review.json'), member: emptyMember, strengths: '', commitment: '', actions: [] };
    const model = build(review);

    expect(model.header.committee).toMatch(/^ĐẢNG BỘ …+$/);
    expect(model.header.branch).toMatch(/^CHI BỘ …+$/);
    expect(model.header.placeDate).toMatch(/^…+, ngày 20 tháng 5 năm 2022$/);
    for (const line of model.identity) expect(blockText(line)).toMatch(/: …{5,}$/);
    expect(model.identity.flatMap((line) => line.runs.filter((run) => run.blank))).toHaveLength(3);
    expect(section(model, 'strengths').blocks).toEqual([{ kind: 'dotted-lines', count: 2 }]);
    expect(section(model, 'commitment').blocks).toEqual([{ kind: 'dotted-lines', count: 3 }]);
    expect(model.signature).toMatchObject({ nameBlank: true });
    expect(model.signature.name).toMatch(/^…+$/);
    const rows = planTable(model).rows;
    expect(rows).toHaveLength(3);
    expect(rows.flat().filter((cell) => cell.blank)).toHaveLength(15);
    expect(rows.flat().every((cell) => cell.text !== '')).toBe(true);
  });
});

describe('sections', () => {
  it('prints strengths, manifestations, plan and commitment as I to IV for the full review', () => {
    const model = build(fixture('full-review.json'));
    expect(model.sections.map((entry) => entry.heading)).toEqual([
      'I. ƯU ĐIỂM CẦN PHÁT HUY',
      'II. NHỮNG BIỂU HIỆN ĐÃ TỰ SOI THẤY',
      'III. KẾ HOẠCH KHẮC PHỤC',
      'IV. CAM KẾT',
    ]);
  });

  it('leaves out the manifestations and renumbers when only the plan is printed', () => {
    const model = build(fixture('full-review.json'), { scope: 'plan-only', includeNotes: true });

    expect(model.title).toBe('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
    expect(model.sections.map((entry) => entry.id)).toEqual(['strengths', 'plan', 'commitment']);
    expect(model.sections.map((entry) => entry.heading)).toEqual([
      'I. ƯU ĐIỂM CẦN PHÁT HUY',
      'II. KẾ HOẠCH KHẮC PHỤC',
      'III. CAM KẾT',
    ]);
    expect(JSON.stringify(model)).not.toContain('Mức độ');
    expect(planTable(model).rows[0]?.[1]?.note).toBe('(khắc phục biểu hiện 1: Phai nhạt lý tưởng, giảm niềm tin)');
  });

  it('lists each manifestation found with its overall number, number in group, label and degree', () => {
    const model = build(fixture('full-review.json'));
    const texts = section(model, 'manifestations').blocks.map(blockText);

    expect(texts).toContain('Biểu hiện số 5 (nhóm I, thứ 5): Tự phê bình, phê bình không thực chất');
    expect(texts).toContain('Biểu hiện số 14 (nhóm II, thứ 5): Quan liêu, xa dân, vô cảm');
    expect(texts).toContain('Biểu hiện số 22 (nhóm III, thứ 4): Kích động bất mãn, bôi nhọ trên mạng');
    expect(texts).toContain('Mức độ: Có biểu hiện rõ');
    expect(texts).toContain('Mức độ: Có nguy cơ');
    expect(texts.filter((text) => text.startsWith('Mức độ: '))).toHaveLength(9);
  });

  it('prints what was observed and the causes only when notes are included', () => {
    const review = fixture('full-review.json');
    const observed = review.answers['I-3']?.observed ?? 'missing';

    const withNotes = section(build(review), 'manifestations').blocks.map(blockText);
    const withoutNotes = section(build(review, { scope: 'full', includeNotes: false }), 'manifestations').blocks.map(blockText);

    expect(withNotes).toContain(`Biểu hiện cụ thể: ${observed}`);
    expect(withNotes.some((text) => text.startsWith('Nguyên nhân chủ quan: '))).toBe(true);
    expect(withoutNotes.join('\n')).not.toContain(observed);
    expect(withoutNotes.join('\n')).not.toContain('Nguyên nhân');
  });

  it('sums up items without a sign in one line and unassessed items in another, with number ranges', () => {
    const review = fixture('full-review.json');
    const answers = { ...review.answers };
    delete answers['III-8'];
    delete answers['III-9'];
    const texts = section(build({ ...review, answers }), 'manifestations').blocks.map(blockText);

    expect(texts).toContain('Không có biểu hiện: biểu hiện số 1–2, 7, 9, 11–12, 15–21, 23–25 (16/27).');
    expect(texts).toContain('Chưa tự soi: biểu hiện số 26–27 (2/27).');
    expect(texts[0]).toMatch(/^Đã tự soi 25\/27 biểu hiện; tự nhận thấy 9 biểu hiện: \d+ rõ, \d+ mức nhẹ, \d+ có nguy cơ\.$/);
  });

  it('counts the manifestations found by degree in the summary line', () => {
    const review = fixture('full-review.json');
    const answers = Object.fromEntries(
      Object.entries(review.answers).map(([id, answer]) => [id, { ...answer, assessment: 'none' as const }]),
    );
    const set = (id: string, assessment: 'some' | 'risk') => ({ ...answers[id]!, assessment });
    const texts = section(
      build({
        ...review,
        answers: { ...answers, 'I-1': set('I-1', 'some'), 'I-2': set('I-2', 'some'), 'II-3': set('II-3', 'risk') },
      }),
      'manifestations',
    ).blocks.map(blockText);

    expect(texts[0]).toBe('Đã tự soi 27/27 biểu hiện; tự nhận thấy 3 biểu hiện: 2 mức nhẹ, 1 có nguy cơ.');
    const noneFound = section(build({ ...review, answers }), 'manifestations').blocks.map(blockText);
    expect(noneFound[0]).toBe('Đã tự soi 27/27 biểu hiện; không tự nhận thấy biểu hiện nào.');
  });

  it('starts the summary lines at the margin, not indented under the last manifestation', () => {
    const blocks = section(build(fixture('full-review.json')), 'manifestations').blocks;
    const none = blocks.find((block) => block.kind === 'paragraph' && blockText(block).startsWith('Không có biểu hiện: '));
    expect(none?.kind === 'paragraph' && none.indent).toBe(false);
  });
});

describe('optional sections', () => {
  it('prints the monthly check-ins as a table, oldest first, only when asked', () => {
    const review = fixture('full-review.json');
    const withCheckIns: Review = {
      ...review,
      actions: review.actions.map((action, index) =>
        index === 1
          ? {
              ...action,
              checkIns: [
                { id: 'c2', date: '2022-07-30', status: 'done', note: 'Đã xong' },
                { id: 'c1', date: '2022-06-30', status: 'in-progress', note: 'Đã đọc' },
              ],
            }
          : { ...action, checkIns: [] },
      ),
    };
    expect(build(withCheckIns).sections.map((entry) => entry.id)).not.toContain('check-ins');

    const model = build(withCheckIns, { ...full, includeCheckIns: true });
    expect(model.sections.map((entry) => entry.heading)).toEqual([
      'I. ƯU ĐIỂM CẦN PHÁT HUY',
      'II. NHỮNG BIỂU HIỆN ĐÃ TỰ SOI THẤY',
      'III. KẾ HOẠCH KHẮC PHỤC',
      'IV. THEO DÕI HẰNG THÁNG',
      'V. CAM KẾT',
    ]);
    const table = section(model, 'check-ins').blocks[0];
    expect(table?.kind).toBe('table');
    expect(blockText(table!).split('\n')).toEqual(['30/6/2022 | 2 | Đang làm | Đã đọc', '30/7/2022 | 2 | Đã xong | Đã xong']);
    if (table?.kind === 'table') expect(table.columns.reduce((sum, column) => sum + column.width, 0)).toBe(165);
  });

  it('adds the committee box after the signature only when asked', () => {
    const review = fixture('full-review.json');
    expect(build(review).afterSignature).toEqual([]);
    const model = build(review, { ...full, includeCommitteeBox: true });
    expect(model.afterSignature.map((entry) => entry.heading)).toEqual(['NHẬN XÉT CỦA CẤP ỦY CHI BỘ']);
    expect(model.sections.map((entry) => entry.id)).not.toContain('committee');
  });
});

describe('plan table', () => {
  it('has the six columns of a remediation plan, filling 165 mm', () => {
    const table = planTable(build(fixture('full-review.json')));
    expect(table.columns.map((column) => column.title)).toEqual([
      'STT',
      'Biện pháp',
      'Thời hạn',
      'Cách đánh giá',
      'Người theo dõi',
      'Tình trạng',
    ]);
    expect(table.columns.reduce((sum, column) => sum + column.width, 0)).toBe(165);
  });

  it('gives one row per action with a short Vietnamese date, the linked manifestation and the status', () => {
    const review = fixture('full-review.json');
    const rows = planTable(build(review)).rows;

    expect(rows).toHaveLength(27);
    const [number, what, deadline, measure, follower, status] = rows[0] ?? [];
    expect(number?.text).toBe('1');
    expect(what?.text).toBe(review.actions[0]?.what);
    expect(what?.note).toBe('(khắc phục biểu hiện 1)');
    expect(deadline?.text).toBe('1/6/2022');
    expect(measure?.text).toBe('Sổ ghi chép được chi ủy kiểm tra hằng quý');
    expect(follower?.text).toBe('Bí thư chi bộ');
    expect(status?.text).toBe('Chưa làm');
    // Actions not linked to an item (every fifth in the fixture) have no note.
    expect(rows[4]?.[1]?.note).toBeNull();
  });

  it('prints dots in the cells of an action whose fields are empty', () => {
    const review = fixture('full-review.json');
    const action = {
      id: 'x',
      itemId: '',
      what: '',
      deadline: '' as const,
      measure: '',
      followUpBy: ' ',
      status: 'not-started' as const,
      checkIns: [],
    };
    const [row] = planTable(build({ ...review, actions: [action] })).rows;

    expect(row?.map((cell) => cell.blank)).toEqual([false, true, true, true, true, false]);
  });
});

describe('text hygiene', () => {
  it('stores every string of the model in NFC, even from text typed in NFD', () => {
    const decomposed = fixture('vietnamese-repertoire-nfd.json');
    expect(decomposed.strengths).not.toBe(decomposed.strengths.normalize('NFC'));

    const strings = allStrings(build(decomposed));

    expect(strings.length).toBeGreaterThan(50);
    for (const text of strings) expect(text).toBe(text.normalize('NFC'));
    expect(build(decomposed)).toEqual(build(fixture('vietnamese-repertoire.json')));
  });

  it('is plain data: survives a JSON round trip unchanged', () => {
    const model = build(fixture('full-review.json'));
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('derives the PDF file id from the review and the clock only', () => {
    const review = fixture('full-review.json');
    const id = build(review).meta.fileId;

    expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(build(review).meta.fileId).toBe(id);
    expect(build(review, full, new Date('2022-05-20T05:00:01Z')).meta.fileId).not.toBe(id);
    expect(build({ ...review, id: 'another-review' }).meta.fileId).not.toBe(id);
    expect(build(review).meta.title).toBe('Bản tự soi, tự sửa');
  });
});

describe('breakLongWords', () => {
  it('inserts break opportunities into words longer than the limit only', () => {
    expect(breakLongWords('Tự soi tự sửa', 4)).toBe('Tự soi tự sửa');
    expect(breakLongWords('abcdefghij ngắn', 4)).toBe(`abcd${BREAK_OPPORTUNITY}efgh${BREAK_OPPORTUNITY}ij ngắn`);
  });

  it('never separates a letter from its combining marks', () => {
    const decomposed = 'ệệệệệệ'.normalize('NFD');
    const broken = breakLongWords(decomposed, 2);

    for (const piece of broken.split(BREAK_OPPORTUNITY)) expect(piece.normalize('NFC')).toBe('ệệ');
  });

  it('keeps the text as typed once the break opportunities are removed, and no piece is longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (text, limit) => {
        const broken = breakLongWords(text, limit);
        expect(broken.replaceAll(BREAK_OPPORTUNITY, '')).toBe(text.replaceAll(BREAK_OPPORTUNITY, ''));
        for (const word of broken.split(/\s+/u)) {
          for (const piece of word.split(BREAK_OPPORTUNITY)) {
            expect(piece.match(/\P{M}\p{M}*|\p{M}+/gu)?.length ?? 0).toBeLessThanOrEqual(limit);
          }
        }
      }),
    );
  });
});

describe('planFileName', () => {
  it('names the file after the period without diacritics, đ as d', () => {
    expect(planFileName({ period: '6 tháng đầu năm 2022' })).toBe('tu-soi-tu-sua-6-thang-dau-nam-2022.pdf');
    expect(planFileName({ period: 'Cuối năm 2022 — Đảng bộ' })).toBe('tu-soi-tu-sua-cuoi-nam-2022-dang-bo.pdf');
    expect(planFileName({ period: 'Cuối năm'.normalize('NFD') })).toBe('tu-soi-tu-sua-cuoi-nam.pdf');
    expect(planFileName({ period: '“…”' })).toBe('tu-soi-tu-sua.pdf');
  });

  it('adds the member name when there is one, so files of several members do not collide', () => {
    expect(planFileName({ period: 'Cuối năm 2022', member: { name: 'Nguyễn Thị Hường' } })).toBe(
      'tu-soi-tu-sua-cuoi-nam-2022-nguyen-thi-huong.pdf',
    );
    expect(planFileName({ period: 'Cuối năm 2022', member: { name: '  ' } })).toBe('tu-soi-tu-sua-cuoi-nam-2022.pdf');
    expect(planFileName({ period: '', member: { name: 'Đặng Văn Đức' } })).toBe('tu-soi-tu-sua-dang-van-duc.pdf');
  });
});

describe('print view', () => {
  it('renders the same model as HTML: header, headings, a real table with column headers, and the signature', () => {
    const model = build(fixture('full-review.json'));
    const html = renderToString(h(PrintView, { document: model }));

    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html).toContain('Hà Tĩnh, <span class="print-view__nowrap">ngày 20 tháng 5 năm 2022</span>');
    expect(html).toContain(
      '<h2 id="print-view-title" class="print-view__title" tabindex="-1">BẢN TỰ SOI, TỰ SỬA VÀ KẾ HOẠCH KHẮC PHỤC</h2>',
    );
    for (const entry of model.sections) expect(html).toContain(`>${entry.heading}</h3>`);
    expect(html.match(/<th scope="col">/g)).toHaveLength(6);
    expect(html.match(/<tr>/g)).toHaveLength(28);
    expect(html).toContain('NGƯỜI VIẾT');
    expect(html).toContain('Nguyễn Thị Hồng Nhung');
    for (const text of visibleStrings(model)) expect(html).toContain(escapeHtml(text));
  });

  it('marks empty fields for screen readers and leaves out section II for the plan only', () => {
    const review: Review = { ...fixture('full-review.json'), member: emptyMember, commitment: '' };
    const html = renderToString(h(PrintView, { document: build(review, { scope: 'plan-only', includeNotes: false }) }));

    expect(html).toContain('(để trống)');
    expect(html).toContain('Để trống, viết tay.');
    expect(html).not.toContain('BIỂU HIỆN ĐÃ TỰ SOI THẤY');
  });
});

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
