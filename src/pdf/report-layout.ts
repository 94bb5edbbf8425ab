/**
 * The branch's báo cáo đề dẫn as data, drawn by both the PDF renderer (report-render.ts) and the
 * print view, like the plan's layout.ts. Built only from the round's facts, the OUTBOUND picture
 * (small counts already limited) and what the committee wrote: no entry and no member's name is
 * ever an input, so none can appear. Pure and deterministic: the clock is an argument.
 */
import {
  formatOutbound,
  reportHeadings,
  collectivePrompts,
  type ReportPicture,
  type ReportRound,
  type ReportSections,
} from '../domain/branch/report';
import { stackedBars, type ChartModel } from '../domain/chart-model';
import type { Assessment } from '../domain/review-constants';
import { toNfc } from '../domain/text';
import { formatDateValue, formatShortVietnameseDate, parsePartialDate } from '../domain/vietnamese-date';
import {
  CELL_DOTS,
  DOTS,
  PARTY_NAME,
  type Block,
  type ParagraphBlock,
  type TableBlock,
  type TableColumn,
  type TextRun,
} from './layout';
import { fileSlug } from './plan-text';

/** The chart of section II: the same chart model the /chi-bo/ screen draws. */
export type ReportChart = ChartModel;

/** How many of the most frequent items the chart shows (the table has them all). */
export const CHART_ITEMS = 10;

export interface ChartBlock {
  readonly kind: 'chart';
  readonly chart: ReportChart;
}

export type ReportBlock = Block | ChartBlock;

export type ReportSectionId = 'collective' | 'results' | 'shortcomings' | 'measures' | 'questions';

export interface ReportSection {
  readonly id: ReportSectionId;
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

export interface ReportDocument {
  readonly meta: { readonly title: string; readonly fileName: string; readonly fileId: string; readonly createdAt: string };
  readonly header: {
    readonly committee: string;
    readonly branch: string;
    /** "Số 05-BC/CB", dots when no number was given. */
    readonly number: string;
    readonly party: string;
    readonly placeDate: string;
  };
  readonly title: string;
  readonly summary: string;
  readonly sections: readonly ReportSection[];
  readonly signature: { readonly body: string; readonly role: string; readonly name: string; readonly nameBlank: boolean };
  readonly recipients: readonly string[];
}

export const REPORT_TITLE = 'BÁO CÁO ĐỀ DẪN';
export const REPORT_DOCUMENT_TITLE = 'Báo cáo đề dẫn tự soi, tự sửa';

/** Levels as table columns, most serious first, "unanswered" counted, never hidden. */
const tableLevels: readonly { level: Assessment; title: string }[] = [
  { level: 'clear', title: 'Có, rõ' },
  { level: 'some', title: 'Có, mức nhẹ' },
  { level: 'risk', title: 'Có nguy cơ' },
  { level: 'none', title: 'Không có' },
  { level: 'unset', title: 'Chưa trả lời' },
];

/** STT 12 + item 53 + five 20 mm count columns = 165 mm. */
const countColumns: readonly TableColumn[] = [
  { title: 'STT', width: 12, align: 'center' },
  { title: 'Biểu hiện', width: 53, align: 'left' },
  ...tableLevels.map((column) => ({ title: column.title, width: 20, align: 'center' as const })),
];

const measureColumns: readonly TableColumn[] = [
  { title: 'STT', width: 12, align: 'center' },
  { title: 'Biện pháp', width: 83, align: 'left' },
  { title: 'Người thực hiện', width: 40, align: 'left' },
  { title: 'Thời hạn', width: 30, align: 'center' },
];

export function buildReport(round: ReportRound, outbound: ReportPicture, sections: ReportSections, now: Date): ReportDocument {
  const n = outbound.sent;
  const chartItems = outbound.mostFrequent.slice(0, CHART_ITEMS);
  const chart =
    n === 0
      ? null
      : stackedBars(outbound, {
          title: `Biểu đồ: ${chartItems.length} biểu hiện được tự nhận nhiều nhất (trên ${n} kết quả nhận được)`,
          itemIds: chartItems,
        });
  const countsTable: TableBlock = {
    kind: 'table',
    caption: `Số đồng chí tự nhận ở từng mức cho mỗi biểu hiện, trên ${n} kết quả nhận được`,
    columns: countColumns,
    rows: outbound.items.map((item) => [
      cell(String(item.number)),
      cell(item.label),
      ...tableLevels.map((column) => cell(formatOutbound(item.counts[column.level], n))),
    ]),
  };
  const tableNote =
    `Bảng: số đồng chí tự nhận ở từng mức, trên ${n} kết quả nhận được (chi bộ có ${outbound.memberCount} đảng viên).` +
    (outbound.threshold > 1 ? ` Số nhỏ hơn ${outbound.threshold} ghi là “dưới ${outbound.threshold}” để không lộ cá nhân.` : '');

  const measureRows = sections.measures
    .filter((measure) => (measure.what + measure.who + measure.by).trim() !== '')
    .map((measure, index) => {
      const by = parsePartialDate(measure.by);
      return [
        cell(String(index + 1)),
        cell(measure.what),
        cell(measure.who),
        cell(by === undefined ? '' : formatShortVietnameseDate(by)),
      ];
    });
  const measuresTable: TableBlock = {
    kind: 'table',
    caption: 'Biện pháp khắc phục của chi bộ: việc gì, ai làm, đến khi nào',
    columns: measureColumns,
    rows:
      measureRows.length > 0
        ? measureRows
        : [1, 2, 3].map((number) => [cell(String(number)), ...measureColumns.slice(1).map(() => cell(''))]),
  };

  const collective =
    clean(sections.collective) === ''
      ? collectivePrompts.flatMap((prompt, index): Block[] => [
          paragraph([run(`${index + 1}. ${prompt}`, 'italic')]),
          { kind: 'dotted-lines', count: 1 },
        ])
      : freeText(sections.collective, 3);

  const body: ReportSection[] = [
    { id: 'collective', heading: reportHeadings.collective, blocks: collective },
    {
      id: 'results',
      heading: reportHeadings.results,
      blocks: [
        ...freeText(sections.results.text, 3),
        paragraph([run(tableNote, 'italic')], false),
        countsTable,
        ...(chart === null ? [] : [{ kind: 'chart', chart } satisfies ChartBlock]),
      ],
    },
    { id: 'shortcomings', heading: reportHeadings.shortcomings, blocks: freeText(sections.shortcomings, 3) },
    {
      id: 'measures',
      heading: reportHeadings.measures,
      blocks: [...(clean(sections.direction) === '' ? [] : freeText(sections.direction, 0)), measuresTable],
    },
    { id: 'questions', heading: reportHeadings.questions, blocks: freeText(sections.questions, 2) },
  ];

  const place = clean(sections.place);
  const number = clean(sections.number);
  const signerName = clean(sections.signerName);
  return {
    meta: {
      title: REPORT_DOCUMENT_TITLE,
      fileName: reportFileName(round.period),
      fileId: fileIdOf(`${round.branchName}|${round.period}|${now.toISOString()}`),
      createdAt: now.toISOString(),
    },
    header: {
      committee: upper(withPrefix(clean(round.higherCommittee), 'Đảng bộ', ['đảng bộ', 'đảng ủy', 'đảng uỷ'])),
      branch: upper(withPrefix(clean(round.branchName), 'Chi bộ', ['chi bộ'])),
      number: `Số ${number === '' ? CELL_DOTS : number.replace(/-BC\/CB$/iu, '')}-BC/CB`,
      party: PARTY_NAME,
      placeDate: `${place === '' ? CELL_DOTS : place}, ${formatDateValue(now)}`,
    },
    title: REPORT_TITLE,
    summary: `Kết quả tự soi, tự sửa của tập thể chi bộ và đảng viên, ${clean(round.period)}`,
    sections: body,
    signature: {
      body: sections.signerBody === 'chi-uy' ? 'T/M CHI ỦY' : 'T/M CHI BỘ',
      role: 'BÍ THƯ',
      name: signerName === '' ? DOTS : signerName,
      nameBlank: signerName === '',
    },
    recipients: clean(sections.recipients)
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}

/** "bao-cao-de-dan-6-thang-dau-nam-2026.pdf". */
export function reportFileName(period: string): string {
  const slug = fileSlug(period);
  return slug === '' ? 'bao-cao-de-dan.pdf' : `bao-cao-de-dan-${slug}.pdf`;
}

function freeText(text: string, emptyLines: number): Block[] {
  const lines = clean(text)
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return emptyLines > 0 ? [{ kind: 'dotted-lines', count: emptyLines }] : [];
  return lines.map((line) => paragraph([run(line)]));
}

function paragraph(runs: TextRun[], indent = true): ParagraphBlock {
  return { kind: 'paragraph', runs, indent };
}

function run(text: string, style: TextRun['style'] = 'normal'): TextRun {
  return { text: toNfc(text), style, blank: false };
}

function cell(value: string) {
  const text = clean(value);
  return text === '' ? { text: CELL_DOTS, blank: true, note: null } : { text, blank: false, note: null };
}

function clean(value: string): string {
  return toNfc(value).trim();
}

function upper(value: string): string {
  return value.toLocaleUpperCase('vi');
}

function withPrefix(value: string, prefix: string, knownStarts: readonly string[]): string {
  if (value === '') return `${prefix} ${DOTS}`;
  const lower = value.toLocaleLowerCase('vi');
  return knownStarts.some((start) => lower.startsWith(start)) ? value : `${prefix} ${value}`;
}

/** 32 hex digits from a seed (FNV-1a lanes): reproducible file id, not for security. */
function fileIdOf(seed: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (const char of seed) {
    const code = char.codePointAt(0) ?? 0;
    for (let lane = 0; lane < lanes.length; lane += 1) {
      lanes[lane] = Math.imul(((lanes[lane] ?? 0) ^ (code + lane * 0x9e37)) >>> 0, 0x01000193 + lane * 2) >>> 0;
    }
  }
  return lanes
    .map((lane) => lane.toString(16).padStart(8, '0'))
    .join('')
    .toUpperCase();
}
