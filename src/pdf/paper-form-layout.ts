/**
 * Blank paper forms for members without a phone or who prefer paper: the "phiếu tự soi" (every
 * item of the checklist in its group, one box per level, lines for notes) and a blank personal
 * plan. Both are PlanDocument models, so the plan's PDF renderer (render.ts) and print view
 * (PrintView.tsx) draw them unchanged, with the same fonts and Party-document header.
 *
 * The order on paper is the order of the hand-entry screen of the branch workspace: items by
 * overall number 1…N, levels left to right in `assessmentLevels` order (without "unset"), so a
 * secretary copies a paper form row by row. Pure and deterministic: the clock is an argument.
 */
import { numberChecklist } from '../domain/checklist';
import type { ChecklistData } from '../domain/checklist-schema';
import { assessmentLevels, type Assessment } from '../domain/review-constants';
import { assessmentLabels, createReview } from '../domain/review-model';
import { toNfc } from '../domain/text';
import {
  buildPlanDocument,
  CELL_DOTS,
  DOCUMENT_TITLE,
  DOTS,
  PARTY_NAME,
  type Block,
  type PlanDocument,
  type TableBlock,
  type TableColumn,
} from './layout';

export type PaperFormKind = 'self-review' | 'plan';

export const PAPER_FORM_TITLE = 'PHIẾU TỰ SOI, TỰ SỬA';
export const BLANK_PLAN_TITLE = 'KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM';

/** The levels a member ticks on paper, in the review's own order; "unset" is an empty row. */
export const paperLevels: readonly Exclude<Assessment, 'unset'>[] = assessmentLevels.filter(
  (level): level is Exclude<Assessment, 'unset'> => level !== 'unset',
);

/** Short column titles for the tick boxes: the full labels do not fit 20 mm columns. */
const levelColumnTitles: Record<Exclude<Assessment, 'unset'>, string> = {
  none: 'Không có',
  risk: 'Có nguy cơ',
  some: 'Có, mức nhẹ',
  clear: 'Có, rõ',
};

/** STT 12 + item 73 + four 20 mm boxes = the 165 mm text width of the plan. */
const itemColumns: readonly TableColumn[] = [
  { title: 'STT', width: 12, align: 'center' },
  { title: 'Biểu hiện', width: 73, align: 'left' },
  ...paperLevels.map((level) => ({ title: levelColumnTitles[level], width: 80 / paperLevels.length, align: 'center' as const })),
];

/** The blank "phiếu tự soi" for a checklist. */
export function buildPaperSelfReviewForm(checklist: ChecklistData, now: Date): PlanDocument {
  const numbered = numberChecklist(checklist);
  const legend = paperLevels.map((level) => `“${levelColumnTitles[level]}”: ${assessmentLabels[level].toLocaleLowerCase('vi')}`);
  const instructions: Block[] = [
    paragraph(
      `Với mỗi biểu hiện, đánh dấu × vào một ô: ${legend.join('; ')}. Để trống cả hàng nếu chưa tự soi. ` +
        'Phiếu này là tóm tắt của trang, không phải câu chữ chính thức của nghị quyết.',
    ),
  ];
  const groupBlocks: Block[] = numbered.groups.flatMap((group) => [
    {
      kind: 'paragraph',
      runs: [{ text: toNfc(`Nhóm ${group.id}. ${group.title}`), style: 'bold', blank: false }],
      indent: false,
    },
    {
      kind: 'table',
      caption: `Nhóm ${group.id}: mỗi biểu hiện một hàng, một ô cho mỗi mức tự nhận`,
      columns: itemColumns,
      rows: group.items.map((item) => [
        { text: String(item.overallNumber), blank: false, note: null },
        { text: toNfc(item.label), blank: false, note: null },
        ...paperLevels.map(() => ({ text: '', blank: false, note: null })),
      ]),
    } satisfies TableBlock,
  ]);
  const sections = [
    { id: 'strengths' as const, title: 'ƯU ĐIỂM CẦN PHÁT HUY', blocks: [dotted(3)] },
    {
      id: 'manifestations' as const,
      title: 'TỰ SOI THEO TỪNG BIỂU HIỆN',
      blocks: [
        ...instructions,
        ...groupBlocks,
        { kind: 'paragraph', runs: [{ text: 'Biểu hiện cụ thể và nguyên nhân', style: 'bold', blank: false }], indent: false },
        paragraph('Ghi số thứ tự biểu hiện, điều tự thấy ở bản thân, nguyên nhân chủ quan và khách quan.'),
        dotted(10),
      ] satisfies Block[],
    },
    {
      id: 'plan' as const,
      title: 'KẾ HOẠCH KHẮC PHỤC',
      blocks: buildBlankPlanForm(checklist, now)
        .sections.filter((section) => section.id === 'plan')
        .flatMap((section) => section.blocks),
    },
    { id: 'commitment' as const, title: 'CAM KẾT', blocks: [dotted(3)] },
  ];
  return {
    meta: { ...metaFor('phieu-tu-soi-de-trong.pdf', now), title: DOCUMENT_TITLE },
    header: blankHeader(now),
    title: PAPER_FORM_TITLE,
    summary: `Kỳ: ${DOTS}`,
    basis: `Đối chiếu: ${toNfc(checklist.shortTitle)}`,
    identity: identityLines(),
    sections: sections.map((section, index) => ({
      id: section.id,
      heading: `${roman[index] ?? String(index + 1)}. ${section.title}`,
      blocks: section.blocks,
    })),
    afterSignature: [],
    signature: { role: 'NGƯỜI VIẾT', hint: '(Ký, ghi rõ họ tên)', name: DOTS, nameBlank: true },
  };
}

/** The blank personal plan: the printed plan of an empty review, header and name left to fill in. */
export function buildBlankPlanForm(checklist: ChecklistData, now: Date): PlanDocument {
  const model = buildPlanDocument({
    review: blankReview(now),
    checklist,
    options: { scope: 'plan-only', includeNotes: false },
    now,
  });
  return { ...model, meta: { ...model.meta, ...metaFor('ke-hoach-khac-phuc-de-trong.pdf', now) }, header: blankHeader(now) };
}

/** Either form, by kind. */
export function buildPaperForm(kind: PaperFormKind, checklist: ChecklistData, now: Date): PlanDocument {
  return kind === 'self-review' ? buildPaperSelfReviewForm(checklist, now) : buildBlankPlanForm(checklist, now);
}

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** An empty review: its printed plan has three numbered rows of dots and dotted free-text lines. */
function blankReview(now: Date) {
  return createReview({ id: 'blank', checklistId: 'blank', period: DOTS, now });
}

/** A paper form is dated by hand: the date line keeps only "ngày … tháng … năm …". */
function blankHeader(now: Date): PlanDocument['header'] {
  void now;
  return {
    committee: `ĐẢNG BỘ ${CELL_DOTS}`,
    branch: `CHI BỘ ${CELL_DOTS}`,
    party: PARTY_NAME,
    placeDate: '……, ngày … tháng … năm ……',
  };
}

function identityLines(): PlanDocument['identity'] {
  return ['Họ và tên: ', 'Chức vụ: ', 'Chi bộ: '].map((label) => ({
    kind: 'paragraph',
    runs: [
      { text: label, style: 'normal', blank: false },
      { text: DOTS, style: 'normal', blank: true },
    ],
    indent: true,
  }));
}

function metaFor(fileName: string, now: Date): Omit<PlanDocument['meta'], 'title'> {
  return {
    fileName,
    // Fixed per form: a blank form is the same file whenever it is printed (the clock only dates metadata).
    fileId: fileName === 'phieu-tu-soi-de-trong.pdf' ? '5048494555544F534F49000000000001' : '5048494555544F534F49000000000002',
    createdAt: now.toISOString(),
    scope: 'plan-only',
    includeNotes: false,
  };
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', runs: [{ text: toNfc(text), style: 'normal', blank: false }], indent: true };
}

function dotted(count: number): Block {
  return { kind: 'dotted-lines', count };
}
