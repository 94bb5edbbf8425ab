/**
 * The branch's báo cáo đề dẫn for a themed meeting: what the committee writes (sections I–V and the
 * document's settings), the text generated from the branch's outbound picture in the general,
 * nameless style of branch reports, and the rule that regenerating never overwrites an edit
 * without asking. Pure: no names ever enter here (the picture carries counts only).
 */
import { toNfc } from '../text';
import type { Round } from './branch-schema';
import type { LimitedCount, LimitedPicture } from './picture';
import type { GeneratedText, ReportSections } from './report-schema';

/** A count as it may leave the branch (limitSmallCounts): exact, or only "below N". */
export type OutboundCount = LimitedCount;

/** The report reads only the outbound picture: small counts already limited, no entry, no name. */
export type ReportPicture = LimitedPicture;

/** The round's facts the report prints. */
export type ReportRound = Pick<Round, 'higherCommittee' | 'branchName' | 'period' | 'memberCount'>;

export type { BranchMeasure, GeneratedText, ReportSections, SignerBody } from './report-schema';

/** Section headings, numbered as printed. */
export const reportHeadings = {
  collective: 'I. TỰ SOI, TỰ SỬA CỦA TẬP THỂ CHI BỘ',
  results: 'II. KẾT QUẢ TỰ SOI CỦA ĐẢNG VIÊN',
  shortcomings: 'III. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN',
  measures: 'IV. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC',
  questions: 'V. NHỮNG VẤN ĐỀ ĐỀ NGHỊ THẢO LUẬN',
} as const;

/** Prompts for section I, in the page's own words (practice seen in branch reports, not a template). */
export const collectivePrompts: readonly string[] = [
  'Việc giữ nguyên tắc tổ chức, sinh hoạt và quy chế làm việc của chi bộ.',
  'Sinh hoạt chi bộ định kỳ: nền nếp, chất lượng, nội dung.',
  'Việc bàn và quyết định những nhiệm vụ trọng tâm.',
  'Phát huy dân chủ, công khai trong chi bộ.',
  'Lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị.',
  'Tính tiền phong, gương mẫu của người đứng đầu.',
];

export const emptySections: ReportSections = {
  number: '',
  place: '',
  signerBody: 'chi-bo',
  signerName: '',
  recipients: '- Đảng ủy cấp trên,\n- Đảng viên trong chi bộ,\n- Lưu chi bộ.',
  collective: '',
  results: { text: '', generated: '' },
  shortcomings: '',
  measures: [],
  direction: '',
  questions: '',
};

/** "3/12", "dưới 3/12". */
export function formatOutbound(count: OutboundCount, denominator: number): string {
  return count.below === undefined ? `${count.value}/${denominator}` : `dưới ${count.below}/${denominator}`;
}

/** Whether a count is shown and above zero. */
function shownPositive(count: OutboundCount): boolean {
  return count.value !== undefined && count.value > 0;
}

/** How many of the most frequent items the paragraph names. */
const NAMED_ITEMS = 5;

/**
 * Section II as prose from the outbound picture: denominators in every count, no names, and only
 * items whose counts are shown (a hidden "dưới N" is never turned into a statement about an item).
 */
export function resultsParagraph(picture: ReportPicture): string {
  const n = picture.sent;
  if (n === 0) return 'Chi bộ chưa nhận được kết quả tự soi nào của đảng viên.';
  const sentences: string[] = [];
  sentences.push(
    `Chi bộ nhận được kết quả tự soi của ${n}/${picture.memberCount} đồng chí` +
      (picture.notSent > 0 ? ` (còn ${picture.notSent} đồng chí chưa gửi).` : ' (đủ cả chi bộ).'),
  );
  const groupParts = picture.groups.map(
    (group) =>
      `nhóm ${group.groupId} (${lowerFirst(group.title)}): có ${formatOutbound(group.withSign, n)} đồng chí tự nhận có biểu hiện, ` +
      `${formatOutbound(group.withRisk, n)} đồng chí tự nhận có nguy cơ`,
  );
  if (groupParts.length > 0) sentences.push(`Theo từng nhóm, ${groupParts.join('; ')}.`);
  const byId = new Map(picture.items.map((item) => [item.itemId, item]));
  const named = picture.mostFrequent
    .map((id) => byId.get(id))
    .filter((item) => item !== undefined)
    .filter((item) => shownPositive(item.withSign) || shownPositive(item.counts.risk))
    .slice(0, NAMED_ITEMS);
  if (named.length > 0) {
    const parts = named.map(
      (item) =>
        `biểu hiện ${item.number} “${item.label}” (${formatOutbound(item.withSign, n)} đồng chí có biểu hiện, ` +
        `${formatOutbound(item.counts.risk, n)} có nguy cơ)`,
    );
    sentences.push(`Những biểu hiện được tự nhận nhiều nhất: ${parts.join('; ')}.`);
  } else if (picture.threshold > 1) {
    sentences.push(`Không có biểu hiện nào được từ ${picture.threshold} đồng chí trở lên tự nhận.`);
  }
  sentences.push(
    `Các đồng chí đã đề ra ${countText(picture.actionTotal)} biện pháp khắc phục; trong đó đã xong ${countText(picture.actions.done)}, ` +
      `đang thực hiện ${countText(picture.actions['in-progress'])}, chưa thực hiện ${countText(picture.actions['not-started'])}.`,
  );
  return toNfc(sentences.join(' '));
}

function countText(count: OutboundCount): string {
  return count.below === undefined ? String(count.value) : `dưới ${count.below}`;
}

function lowerFirst(text: string): string {
  return text === '' ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Outcome of offering a freshly generated text to a section. */
export type RegenerateOutcome =
  | { readonly kind: 'updated'; readonly section: GeneratedText }
  | { readonly kind: 'unchanged'; readonly section: GeneratedText }
  /** The secretary edited the text: replacing it needs their confirmation (`acceptGenerated`). */
  | { readonly kind: 'needs-confirmation'; readonly section: GeneratedText; readonly fresh: string };

/** Takes a new generated text only when the section was not edited since it was last generated. */
export function regenerate(section: GeneratedText, fresh: string): RegenerateOutcome {
  const clean = toNfc(fresh);
  if (clean === section.generated && section.text === section.generated) return { kind: 'unchanged', section };
  if (section.text === section.generated || section.text.trim() === '') {
    return { kind: 'updated', section: { text: clean, generated: clean } };
  }
  return { kind: 'needs-confirmation', section, fresh: clean };
}

/** The secretary confirmed: the generated text replaces their edit. */
export function acceptGenerated(fresh: string): GeneratedText {
  const clean = toNfc(fresh);
  return { text: clean, generated: clean };
}

/** An edit of a generated section keeps what it was generated from. */
export function editGenerated(section: GeneratedText, text: string): GeneratedText {
  return { ...section, text: toNfc(text) };
}

/** Whether the section differs from what was generated. */
export function isEdited(section: GeneratedText): boolean {
  return section.text !== section.generated;
}
