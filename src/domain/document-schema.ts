/** Schema of a published document's frontmatter (content/documents/*.mdx). */
import { z } from 'zod';

/** Kinds of document, in the order the document list shows them. Keys appear in content files. */
export const documentKinds = {
  'ke-hoach': 'Kế hoạch',
  'huong-dan': 'Hướng dẫn',
  'ket-luan': 'Kết luận',
  'nghi-quyet': 'Nghị quyết',
  'quy-dinh': 'Quy định',
  'chi-thi': 'Chỉ thị',
  'bao-cao': 'Báo cáo kết quả',
  'tai-lieu': 'Tài liệu thực hành',
} as const;

export type DocumentKind = keyof typeof documentKinds;

const kindKeys = Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]];

/** Whether a document still applies; "unverified" is for cases where we could not confirm either way. */
export const documentStatuses = {
  'in-force': 'Còn hiệu lực',
  replaced: 'Đã được thay thế',
  unverified: 'Chưa xác minh được hiệu lực',
  'not-applicable': 'Tài liệu tham khảo',
} as const;

export type DocumentStatus = keyof typeof documentStatuses;

const statusKeys = Object.keys(documentStatuses) as [DocumentStatus, ...DocumentStatus[]];

/** A date as far as it is known: "2021-10-25", or only the year "2022". Quoted in YAML. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày phải có dạng "YYYY-MM-DD" hoặc chỉ năm "YYYY" (đặt trong dấu nháy)');

export const documentSchema = z
  .object({
    /** Full title shown as the page heading. */
    title: z.string().min(3),
    /** Short name for lists and previous/next links, e.g. "Kết luận 21-KL/TW". */
    shortTitle: z.string().min(2),
    /** Kind of document; decides the group on /van-ban/. */
    kind: z.enum(kindKeys),
    /** Official symbol such as "65-KH/TU"; omit for the site's own material. */
    symbol: z.string().min(2).optional(),
    /** Body that issued the document, e.g. "Ban Thường vụ Tỉnh ủy Hà Tĩnh". */
    issuer: z.string().min(2),
    /** Issue date as far as it is known; omit when unknown (the page then says "chưa rõ ngày"). */
    issued: partialDateSchema.optional(),
    /** Whether the document applies now. */
    status: z.enum(statusKeys),
    /** For status "replaced": which document replaced it. */
    replacedBy: z.string().min(2).optional(),
    /** Optional note on the status, e.g. why it could not be verified. */
    statusNote: z.string().optional(),
    /** One paragraph in the project's own words; always presented as a summary. */
    summary: z.string().min(20),
    /** Where the official text is published. */
    officialSource: z.object({
      /** Name of the publisher or archive. */
      name: z.string().min(2),
      /** Home page of the archive (never a guessed deep link). */
      url: z.url().optional(),
    }),
    /** Position in lists and previous/next navigation (ascending). */
    order: z.number().int(),
    /** Id of a checklist (content/checklists) rendered under the text, if any. */
    checklist: z.string().optional(),
  })
  .refine((doc) => doc.status !== 'replaced' || doc.replacedBy !== undefined, {
    message: 'Văn bản đã được thay thế phải ghi "replacedBy"',
    path: ['replacedBy'],
  });

export type DocumentData = z.infer<typeof documentSchema>;
