/**
 * The published content against the fact base: document titles and scopes, the site's own pages
 * never dressed as Party documents, and the keyword-only marker on exactly the eight L items.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainAnchor } from '../../src/domain/anchor';
import { isUnverifiedGist, itemPosition, numberChecklist, unverifiedGistNote } from '../../src/domain/checklist';
import { answerFor, isSign } from '../../src/domain/review-model';
import { buildPlanDocument } from '../../src/pdf/layout';
import { documentSchema, type DocumentData } from '../../src/domain/document-schema';
import { fullReview, loadChecklist } from './helpers';

const documentsDir = join(import.meta.dirname, '..', '..', 'content', 'documents');

function frontmatter(slug: string): unknown {
  const text = readFileSync(join(documentsDir, `${slug}.mdx`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!match?.[1]) throw new Error(`${slug}: no frontmatter`);
  return parse(match[1]) as unknown;
}

const documents = new Map<string, DocumentData>(
  readdirSync(documentsDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const slug = name.replace(/\.mdx$/, '');
      return [slug, documentSchema.parse(frontmatter(slug))];
    }),
);

function doc(slug: string): DocumentData {
  const found = documents.get(slug);
  if (!found) throw new Error(`no document ${slug}`);
  return found;
}

describe('document titles and scopes follow the fact base', () => {
  it('gives Quy định 144 its title about revolutionary ethics in the new period', () => {
    expect(doc('quy-dinh-144-qd-tw').title).toContain('chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới');
  });

  it('says Quy định 366 covers collectives and individuals, members included', () => {
    const qd366 = doc('quy-dinh-366-qd-tw');
    expect(qd366.title).toContain('tập thể, cá nhân');
    expect(qd366.summary).toContain('kể cả đảng viên');
  });

  it('publishes Hướng dẫn 43-HD/BTCTW of 31 October 2025 from the Ban Tổ chức Trung ương', () => {
    expect(doc('huong-dan-43-hd-btctw')).toMatchObject({
      symbol: '43-HD/BTCTW',
      issued: '2025-10-31',
      issuer: 'Ban Tổ chức Trung ương',
    });
  });

  it('keeps "cả" out of Kết luận 21 and gives Hướng dẫn 40 no year the sources lack', () => {
    expect(doc('ket-luan-21-kl-tw').title).not.toMatch(/\bcả\b/u);
    expect(doc('huong-dan-40-hd-btgtu').issued).toBeUndefined();
    expect(doc('huong-dan-40-hd-btgtu').title).toContain('Kết luận 21-KL/TW');
  });

  it('never calls the 2026 sources on Quy định 37 newspaper articles', () => {
    const text = readFileSync(join(documentsDir, 'quy-dinh-37-qd-tw.mdx'), 'utf8');
    expect(text).toContain('nguồn công khai năm 2026');
    expect(text).not.toContain('bài báo năm 2026');
  });
});

describe('the site’s own pages and digests', () => {
  const own = [...documents].filter(([, data]) => data.origin !== 'official');

  it('include the handbook, the questions, the glossary, the year-end page and the results digest', () => {
    expect(own.map(([slug]) => slug).sort()).toEqual(
      [
        'bao-cao-ket-qua-2022',
        'cam-nang-bi-thu-chi-bo',
        'cau-hoi-thuong-gap',
        'huong-dan-thuc-hanh',
        'thuat-ngu',
        'tu-soi-den-kiem-diem-cuoi-nam',
      ].sort(),
    );
    expect(doc('bao-cao-ket-qua-2022').origin).toBe('digest');
  });

  it('carry an update date and no issuer, symbol or issue date', () => {
    for (const [slug, data] of own) {
      expect(data.updated, slug).toBeDefined();
      expect([data.issuer, data.symbol, data.issued], slug).toEqual([undefined, undefined, undefined]);
    }
  });
});

describe('document schema', () => {
  const official = {
    title: 'Kết luận 21-KL/TW',
    shortTitle: 'Kết luận 21',
    kind: 'ket-luan',
    symbol: '21-KL/TW',
    issuer: 'Ban Chấp hành Trung ương',
    issued: '2021-10-25',
    status: 'unverified',
    summary: 'Một đoạn tóm tắt đủ dài để hợp lệ.',
    officialSource: { name: 'Kho tư liệu' },
    order: 1,
  };

  it('keeps a document written before "origin" existed valid, as an official one', () => {
    expect(documentSchema.parse(official).origin).toBe('official');
  });

  it('rejects an official document without an issuer', () => {
    const { issuer: _issuer, ...withoutIssuer } = official;
    expect(documentSchema.safeParse(withoutIssuer).success).toBe(false);
  });

  it('rejects a site page that names an issuer, and a digest that names no report', () => {
    const site = { ...official, kind: 'tai-lieu', origin: 'site', symbol: undefined, issued: undefined, updated: '2026-12-01' };
    expect(documentSchema.safeParse(site).success).toBe(false);
    expect(documentSchema.safeParse({ ...site, issuer: undefined }).success).toBe(true);
    expect(documentSchema.safeParse({ ...site, issuer: undefined, origin: 'digest' }).success).toBe(false);
    expect(
      documentSchema.safeParse({ ...site, issuer: undefined, origin: 'digest', basedOn: ['Một bài báo năm 2022'] }).success,
    ).toBe(true);
  });
});

describe('items whose summary rests on keywords only', () => {
  const checklist = loadChecklist();
  const items = numberChecklist(checklist).groups.flatMap((group) => group.items);

  it('are exactly the eight L items of the fact base', () => {
    expect(items.filter(isUnverifiedGist).map((item) => item.id)).toEqual([
      'I-7',
      'I-8',
      'I-9',
      'II-2',
      'II-6',
      'II-7',
      'II-8',
      'II-9',
    ]);
  });

  it('lose the marker once the official wording is pasted in', () => {
    const item = items.find((candidate) => candidate.id === 'II-6');
    expect(item && isUnverifiedGist({ ...item, officialText: 'Câu chữ chính thức.' })).toBe(false);
  });

  it('carry the note in the printed plan, under each of them the member marked, and only there', () => {
    const review = fullReview(checklist);
    const model = buildPlanDocument({
      review,
      checklist,
      options: { scope: 'full', includeNotes: false },
      now: new Date('2022-05-20T05:00:00Z'),
    });
    const printed = JSON.stringify(model);
    const marked = items.filter((item) => isSign(answerFor(review, item.id).assessment));
    const expected = marked.filter(isUnverifiedGist).length;
    expect(expected).toBeGreaterThan(0);
    expect(marked.length).toBeGreaterThan(expected);
    expect(printed.split(unverifiedGistNote).length - 1).toBe(expected);
  });

  it('do not open two gists with the same words (I-5 and II-4)', () => {
    const opening = (id: string) => items.find((item) => item.id === id)?.gist.split(/[;,]/)[0];
    expect(opening('I-5')).not.toBe(opening('II-4'));
  });

  it('number an item within its group and overall with "thứ"', () => {
    const item = items.find((candidate) => candidate.id === 'II-1');
    expect(item && itemPosition(item, items.length)).toBe('Biểu hiện 1 (nhóm II) · thứ 10/27');
  });
});

describe('plainAnchor', () => {
  it('writes heading anchors like the page addresses: no diacritics, "đ" as "d"', () => {
    expect(plainAnchor('về-trang-này')).toBe('ve-trang-nay');
    expect(plainAnchor('dàn-ý-báo-cáo-đề-dẫn')).toBe('dan-y-bao-cao-de-dan');
    expect(plainAnchor('iii-hạn-chế-khuyết-điểm-và-nguyên-nhân')).toBe('iii-han-che-khuyet-diem-va-nguyen-nhan');
  });
});
