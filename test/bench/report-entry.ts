/** Bench-only bundle: the branch report's PDF for a 40-member round with every section filled, and the blank form. */
import type { Entry, Round } from '../../src/domain/branch/branch-schema';
import { createRound } from '../../src/domain/branch/entries';
import { limitSmallCounts, picture } from '../../src/domain/branch/picture';
import { acceptGenerated, emptySections, resultsParagraph, type ReportSections } from '../../src/domain/branch/report';
import type { ChecklistData } from '../../src/domain/checklist-schema';
import { loadPlanFonts } from '../../src/pdf/load-fonts';
import { generatePaperFormPdf } from '../../src/pdf/paper-form-pdf';
import { generateReportPdf } from '../../src/pdf/report-pdf';

const levels = ['none', 'risk', 'some', 'clear'] as const;

export function round40(checklist: ChecklistData): { round: Round; entries: Entry[] } {
  const now = new Date('2026-06-01T00:00:00Z');
  const round = createRound({
    id: 'bench',
    now,
    checklistId: 'nq04-27',
    period: '6 tháng đầu năm 2026',
    memberCount: 42,
    higherCommittee: 'Đảng bộ Khối cơ quan tỉnh',
    branchName: 'Chi bộ Văn phòng',
  });
  const itemIds = checklist.groups.flatMap((group) => group.items.map((item) => item.id));
  const entries: Entry[] = Array.from({ length: 40 }, (_, member) => ({
    shapeVersion: 1,
    id: `e${member}`,
    roundId: round.id,
    shareId: `s${member}`,
    source: 'file',
    number: member + 1,
    receivedAt: now.toISOString(),
    sharedAt: now.toISOString(),
    revision: 1,
    name: '',
    checklistId: 'nq04-27',
    period: round.period,
    levels: Object.fromEntries(
      itemIds.map((id, item) => [id, levels[(member * 7 + item * 3) % 9 < 6 ? 0 : (member + item) % 4] ?? 'none']),
    ),
    actionCounts: { 'not-started': member % 2, 'in-progress': member % 3, done: member % 4 },
    remark: '',
  }));
  return { round, entries };
}

const long = (topic: string) =>
  Array.from(
    { length: 5 },
    (_, index) =>
      `${topic}, ý ${index + 1}: chi bộ đánh giá cụ thể, có dẫn chứng, nêu rõ việc đã làm được và việc còn hạn chế trong kỳ.`,
  ).join('\n');

export function filled(outbound: ReturnType<typeof limitSmallCounts>): ReportSections {
  return {
    ...emptySections,
    number: '05',
    place: 'Hà Tĩnh',
    signerName: 'Phan Văn Quang',
    collective: long('Tập thể chi bộ'),
    results: acceptGenerated(resultsParagraph(outbound)),
    shortcomings: long('Hạn chế'),
    direction: long('Phương hướng'),
    measures: Array.from({ length: 10 }, (_, index) => ({
      id: `m${index}`,
      what: `Biện pháp ${index + 1}: tổ chức sinh hoạt chuyên đề, kiểm tra việc thực hiện kế hoạch khắc phục của đảng viên.`,
      who: 'Chi ủy',
      by: '2026-09-30',
      status: 'not-started' as const,
      checks: [],
    })),
    questions: long('Câu hỏi thảo luận'),
  };
}

async function benchReport(
  checklist: ChecklistData,
  rounds: number,
): Promise<{ times: number[]; bytes: number; formBytes: number }> {
  const fonts = await loadPlanFonts();
  const { round, entries } = round40(checklist);
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < rounds; index += 1) {
    const start = performance.now();
    // The whole export after the first: picture, outbound, model, PDF.
    const outbound = limitSmallCounts(picture(round, entries, checklist), 3);
    bytes = generateReportPdf({ round, outbound, sections: filled(outbound), now: new Date(), fonts }).bytes.length;
    times.push(performance.now() - start);
  }
  const formBytes = generatePaperFormPdf({ kind: 'self-review', checklist, now: new Date(), fonts }).bytes.length;
  return { times, bytes, formBytes };
}

(globalThis as unknown as { tstsReportBench: unknown }).tstsReportBench = { benchReport };
