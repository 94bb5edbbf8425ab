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
  'bao-cao': 'Tổng hợp kết quả',
  'tai-lieu': 'Tài liệu của trang',
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

/**
 * Who wrote the page: an official document summarised by the site, the site's own material, or a
 * digest of press reports. Only official documents have an issuer, a symbol and an issue date; the
 * others show who compiled them and when they were last updated (and, for digests, the reports
 * they rest on), so a reader never takes them for a Party document.
 */
export const documentOrigins = ['official', 'site', 'digest'] as const;

export type DocumentOrigin = (typeof documentOrigins)[number];

/** Who compiles the site's own pages and digests, shown as "Biên soạn". */
export const siteCompiler = 'Trang Tự soi, tự sửa';

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
    /** Official document (default, so older files stay valid), the site's own material, or a press digest. */
    origin: z.enum(documentOrigins).default('official'),
    /** Official symbol such as "65-KH/TU"; official documents only. */
    symbol: z.string().min(2).optional(),
    /** Body that issued the document, e.g. "Ban Thường vụ Tỉnh ủy Hà Tĩnh"; official documents only. */
    issuer: z.string().min(2).optional(),
    /** Issue date as far as it is known; omit when unknown (the page then says "chưa rõ ngày"). Official only. */
    issued: partialDateSchema.optional(),
    /** Site pages and digests: date of the last revision of the content, shown as "Cập nhật". */
    updated: partialDateSchema.optional(),
    /** Digests: the published reports the page rests on, one line each, as precisely as known. */
    basedOn: z.array(z.string().min(5)).optional(),
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
  })
  .superRefine((doc, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (doc.origin === 'official') {
      if (doc.issuer === undefined) issue('issuer', 'Văn bản chính thức phải ghi "issuer" (cơ quan ban hành)');
      return;
    }
    // The site's own pages and digests were issued by no one: they must not look like Party documents.
    for (const key of ['issuer', 'symbol', 'issued'] as const) {
      if (doc[key] !== undefined) issue(key, `Trang do trang biên soạn (origin "${doc.origin}") không ghi "${key}"`);
    }
    if (doc.updated === undefined) issue('updated', 'Trang do trang biên soạn phải ghi "updated" (ngày cập nhật)');
    if (doc.origin === 'digest' && (doc.basedOn ?? []).length === 0) {
      issue('basedOn', 'Bản tổng hợp phải ghi "basedOn": các bài báo, nguồn mà trang dựa vào');
    }
  });

export type DocumentData = z.infer<typeof documentSchema>;
