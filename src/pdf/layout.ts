/**
 * The printed plan as data: what goes where, in which words and styles, without any drawing.
 * Both the PDF renderer (render.ts) and the HTML print view draw this same model, so the two can
 * never disagree about content. Pure and deterministic: the review and the clock are arguments;
 * no jsPDF here, so the layout is tested in Node without it.
 */
import { isUnverifiedGist, numberChecklist, unverifiedGistNote, type NumberedItem } from '../domain/checklist';
import type { ChecklistData } from '../domain/checklist-schema';
import { actionStatusLabels, answerFor, assessmentLabels, isSign } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { toNfc } from '../domain/text';
import { formatDateValue, formatShortVietnameseDate, parsePartialDate } from '../domain/vietnamese-date';
import type {
  Block,
  FontStyle,
  ParagraphBlock,
  PlanDocument,
  PlanOptions,
  SectionId,
  TableBlock,
  TableCell,
  TableColumn,
  TextRun,
} from './plan-document';
import { deriveFileId, numberRanges, planFileName } from './plan-text';

export { BREAK_OPPORTUNITY, breakLongWords, planFileName } from './plan-text';

export type * from './plan-document';

/** Placeholder for an empty field, as on paper forms. */
export const DOTS = '……………………';
/** Shorter placeholder for table cells, where a long one would wrap into several lines of dots. */
export const CELL_DOTS = '…………';

export const DOCUMENT_TITLE = 'Bản tự soi, tự sửa';
export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const FULL_TITLE = 'BẢN TỰ SOI, TỰ SỬA VÀ KẾ HOẠCH KHẮC PHỤC';
export const PLAN_ONLY_TITLE = 'KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM';

/**
 * Plan table columns. Widths add up to the 165 mm between the 30 mm left and 15 mm right margins,
 * and are fixed so the renderer can wrap cell text itself (long words included) before drawing.
 */
export const planColumns: readonly TableColumn[] = [
  { title: 'STT', width: 12, align: 'center' },
  { title: 'Biện pháp', width: 49, align: 'left' },
  { title: 'Thời hạn', width: 23, align: 'center' },
  { title: 'Cách đánh giá', width: 33, align: 'left' },
  { title: 'Người theo dõi', width: 27, align: 'left' },
  { title: 'Tình trạng', width: 21, align: 'center' },
];

const romanNumerals = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** Builds the document model of a member's plan. */
export function buildPlanDocument(input: {
  review: Review;
  checklist: ChecklistData;
  options: PlanOptions;
  now: Date;
}): PlanDocument {
  const { review, checklist, options, now } = input;
  const member = review.member;
  const place = clean(member.place);
  const numbered = numberChecklist(checklist);
  const items = numbered.groups.flatMap((group) => group.items);
  const itemsById = new Map(items.map((item) => [item.id, item]));

  const sectionDrafts: { id: SectionId; title: string; blocks: Block[] }[] = [
    { id: 'strengths', title: 'ƯU ĐIỂM CẦN PHÁT HUY', blocks: freeText(review.strengths, 2) },
  ];
  if (options.scope === 'full') {
    sectionDrafts.push({
      id: 'manifestations',
      title: 'NHỮNG BIỂU HIỆN ĐÃ TỰ SOI THẤY',
      blocks: manifestationBlocks(review, items, options.includeNotes),
    });
  }
  // Without section II the bare number says little, so the plan alone names the manifestation.
  sectionDrafts.push({
    id: 'plan',
    title: 'KẾ HOẠCH KHẮC PHỤC',
    blocks: [planTable(review, itemsById, options.scope === 'plan-only')],
  });
  if (options.includeCheckIns === true) {
    sectionDrafts.push({ id: 'check-ins', title: 'THEO DÕI HẰNG THÁNG', blocks: checkInBlocks(review) });
  }
  sectionDrafts.push({ id: 'commitment', title: 'CAM KẾT', blocks: freeText(review.commitment, 3) });

  const name = clean(member.name);
  return {
    meta: {
      title: DOCUMENT_TITLE,
      fileName: planFileName(review),
      fileId: deriveFileId(`${review.id}|${now.toISOString()}`),
      createdAt: now.toISOString(),
      scope: options.scope,
      includeNotes: options.includeNotes,
    },
    header: {
      committee: upper(withPrefix(clean(member.partyCommittee), 'Đảng bộ', ['đảng bộ', 'đảng ủy', 'đảng uỷ'])),
      branch: upper(withPrefix(clean(member.branch), 'Chi bộ', ['chi bộ', 'đảng bộ'])),
      party: PARTY_NAME,
      // A short placeholder: the date line must still fit on one line of the right column.
      placeDate: `${place === '' ? CELL_DOTS : place}, ${formatDateValue(now)}`,
    },
    title: options.scope === 'full' ? FULL_TITLE : PLAN_ONLY_TITLE,
    summary: `Kỳ: ${clean(review.period) || DOTS}`,
    basis: options.scope === 'full' ? `Đối chiếu: ${clean(checklist.shortTitle)}` : null,
    identity: [
      field('Họ và tên: ', member.name),
      field('Chức vụ: ', member.position),
      // "Chi bộ: Chi bộ Văn phòng" would repeat itself: drop the kind when the member typed it.
      field('Chi bộ: ', clean(member.branch).replace(/^chi bộ\s+/iu, '')),
    ],
    sections: sectionDrafts.map((draft, index) => ({
      id: draft.id,
      heading: `${romanNumerals[index] ?? String(index + 1)}. ${draft.title}`,
      blocks: draft.blocks,
    })),
    afterSignature:
      options.includeCommitteeBox === true
        ? [
            {
              id: 'committee',
              heading: 'NHẬN XÉT CỦA CẤP ỦY CHI BỘ',
              blocks: [{ kind: 'dotted-lines', count: 5 }],
            },
          ]
        : [],
    signature: {
      role: 'NGƯỜI VIẾT',
      hint: '(Ký, ghi rõ họ tên)',
      name: name === '' ? DOTS : name,
      nameBlank: name === '',
    },
  };
}

/** Section II: one entry per item with a sign; items without a sign or not assessed, one line each. */
function manifestationBlocks(review: Review, items: readonly NumberedItem[], includeNotes: boolean): Block[] {
  const found = items.filter((item) => isSign(answerFor(review, item.id).assessment));
  const none = items.filter((item) => answerFor(review, item.id).assessment === 'none');
  const unset = items.filter((item) => answerFor(review, item.id).assessment === 'unset');
  const blocks: Block[] = [
    paragraph([run(`Đã tự soi ${items.length - unset.length}/${items.length} biểu hiện; ${foundSummary(review, found)}.`)]),
  ];
  for (const item of found) {
    const answer = answerFor(review, item.id);
    blocks.push(
      paragraph(
        [
          run(
            `Biểu hiện số ${item.overallNumber} (nhóm ${item.groupId}, thứ ${item.numberInGroup}): ${clean(item.label)}`,
            'bold',
          ),
        ],
        false,
      ),
      ...(isUnverifiedGist(item) ? [paragraph([run(unverifiedGistNote, 'italic')])] : []),
      paragraph([run('Mức độ: ', 'italic'), run(assessmentLabels[answer.assessment])]),
    );
    if (includeNotes) {
      blocks.push(
        field('Biểu hiện cụ thể: ', answer.observed, 'italic'),
        field('Nguyên nhân chủ quan: ', answer.causesSubjective, 'italic'),
        field('Nguyên nhân khách quan: ', answer.causesObjective, 'italic'),
      );
    }
  }
  // Summary lines start at the margin, so they do not read as part of the last manifestation above.
  if (none.length > 0) {
    blocks.push(
      paragraph(
        [
          run('Không có biểu hiện: ', 'italic'),
          run(`biểu hiện số ${numberRanges(none.map((item) => item.overallNumber))} (${none.length}/${items.length}).`),
        ],
        false,
      ),
    );
  }
  if (unset.length > 0) {
    blocks.push(
      paragraph(
        [
          run('Chưa tự soi: ', 'italic'),
          run(`biểu hiện số ${numberRanges(unset.map((item) => item.overallNumber))} (${unset.length}/${items.length}).`),
        ],
        false,
      ),
    );
  }
  return blocks;
}

/** Degrees in the order of their weight, with the words used after a count ("2 mức nhẹ"). */
const degreeWords: readonly (readonly [Review['answers'][string]['assessment'], string])[] = [
  ['clear', 'rõ'],
  ['some', 'mức nhẹ'],
  ['risk', 'có nguy cơ'],
];

/** "tự nhận thấy 3 biểu hiện: 2 mức nhẹ, 1 có nguy cơ", or that none was found. */
function foundSummary(review: Review, found: readonly NumberedItem[]): string {
  if (found.length === 0) return 'không tự nhận thấy biểu hiện nào';
  const parts = degreeWords
    .map(([level, words]) => [found.filter((item) => answerFor(review, item.id).assessment === level).length, words] as const)
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`);
  return `tự nhận thấy ${found.length} biểu hiện: ${parts.join(', ')}`;
}

/** Columns of the monthly follow-up table; they fill the same 165 mm as the plan. */
export const checkInColumns: readonly TableColumn[] = [
  { title: 'Ngày', width: 26, align: 'center' },
  { title: 'Biện pháp', width: 20, align: 'center' },
  { title: 'Kết quả', width: 30, align: 'center' },
  { title: 'Ghi chú', width: 89, align: 'left' },
];

/** Every check-in of every action, oldest first; a note when there is none yet. */
function checkInBlocks(review: Review): Block[] {
  const rows = review.actions
    .flatMap((action, index) => action.checkIns.map((entry) => ({ entry, number: index + 1 })))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.number - b.number)
    .map(({ entry, number }) => {
      const date = parsePartialDate(entry.date);
      return [
        cell(date === undefined ? '' : formatShortVietnameseDate(date)),
        cell(String(number)),
        cell(actionStatusLabels[entry.status]),
        cell(entry.note),
      ];
    });
  if (rows.length === 0) return [paragraph([run('Chưa có lần theo dõi nào.')])];
  return [
    {
      kind: 'table',
      caption: 'Các lần theo dõi hằng tháng: ngày, số thứ tự biện pháp, kết quả và ghi chú',
      columns: checkInColumns,
      rows,
    },
  ];
}

/** Section III as a table; an empty plan gets three numbered rows of dots to fill in by hand. */
function planTable(review: Review, itemsById: ReadonlyMap<string, NumberedItem>, nameItems: boolean): TableBlock {
  const rows: TableCell[][] = review.actions.map((action, index) => {
    const item = itemsById.get(action.itemId);
    const deadline = parsePartialDate(action.deadline);
    const note =
      item === undefined ? null : `(khắc phục biểu hiện ${item.overallNumber}${nameItems ? `: ${clean(item.label)}` : ''})`;
    return [
      cell(String(index + 1)),
      { ...cell(action.what), note },
      cell(deadline === undefined ? '' : formatShortVietnameseDate(deadline)),
      cell(action.measure),
      cell(action.followUpBy),
      cell(actionStatusLabels[action.status]),
    ];
  });
  const filled =
    rows.length > 0 ? rows : [1, 2, 3].map((number) => [cell(String(number)), ...planColumns.slice(1).map(() => cell(''))]);
  return {
    kind: 'table',
    caption: 'Kế hoạch khắc phục: biện pháp, thời hạn, cách đánh giá, người theo dõi và tình trạng',
    columns: planColumns,
    rows: filled,
  };
}

/** Free text as indented paragraphs (one per line typed), or dotted lines when empty. */
function freeText(text: string, emptyLines: number): Block[] {
  const lines = clean(text)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return [{ kind: 'dotted-lines', count: emptyLines }];
  return lines.map((line) => paragraph([run(line)]));
}

function field(label: string, value: string, labelStyle: FontStyle = 'normal'): ParagraphBlock {
  const text = clean(value).replace(/\s*\r?\n\s*/g, '; ');
  return paragraph([run(label, labelStyle), text === '' ? { text: DOTS, style: 'normal', blank: true } : run(text)]);
}

function paragraph(runs: TextRun[], indent = true): ParagraphBlock {
  return { kind: 'paragraph', runs, indent };
}

function run(text: string, style: FontStyle = 'normal'): TextRun {
  return { text: toNfc(text), style, blank: false };
}

function cell(value: string): TableCell {
  const text = clean(value);
  return text === '' ? { text: CELL_DOTS, blank: true, note: null } : { text, blank: false, note: null };
}

function clean(value: string): string {
  return toNfc(value).trim();
}

function upper(value: string): string {
  return value === '' ? '' : value.toLocaleUpperCase('vi');
}

/** "Chi bộ" + what the member typed, unless they already wrote a body's kind; dots when empty. */
function withPrefix(value: string, prefix: string, knownStarts: readonly string[]): string {
  if (value === '') return `${prefix} ${DOTS}`;
  const lower = value.toLocaleLowerCase('vi');
  return knownStarts.some((start) => lower.startsWith(start)) ? value : `${prefix} ${value}`;
}
