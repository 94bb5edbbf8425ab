/**
 * The generated PDF, read back with pdfjs the way a viewer would: every Vietnamese string comes
 * out exactly as typed, only the embedded Tinos fonts are used, nothing runs past the margins,
 * and the same review with the same clock gives the same bytes.
 * Set PLAN_PDF_OUT=/some/dir to keep the generated files for a visual check.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReview, type Review } from '../../src/domain/review-schema';
import { generatePlanPdf, type PlanFonts, type PlanOptions } from '../../src/pdf/index';
import { fontsBaseUrl, loadPlanFonts } from '../../src/pdf/load-fonts';
import { loadChecklist } from './helpers';

const root = join(import.meta.dirname, '..', '..');
const checklist = loadChecklist();
const now = new Date('2022-05-20T05:00:00Z');
const full: PlanOptions = { scope: 'full', includeNotes: true };
const MM = 72 / 25.4;
/** Right edge of the text area (210 − 15 mm), in PDF points. */
const RIGHT_EDGE = (210 - 15) * MM;
/** Left margin (30 mm), in PDF points. */
const LEFT_EDGE = 30 * MM;

let fonts: PlanFonts;

beforeAll(() => {
  // The fonts are generated, not committed: make sure they exist (skips work when up to date).
  execFileSync(process.execPath, [join(root, 'src/pdf/subset-fonts.mjs')], { cwd: root });
  const read = (name: string) => new Uint8Array(readFileSync(join(root, 'public/fonts', name)));
  fonts = { regular: read('tinos-regular.ttf'), bold: read('tinos-bold.ttf'), italic: read('tinos-italic.ttf') };
});

function fixture(name: string): Review {
  return parseReview(JSON.parse(readFileSync(join(root, 'test/fixtures/pdf', name), 'utf8')));
}

function generate(review: Review, options: PlanOptions = full, clock = now): Promise<Uint8Array> {
  return generatePlanPdf({ review, checklist, options, now: clock, fonts });
}

function keep(name: string, bytes: Uint8Array): void {
  const dir = process.env['PLAN_PDF_OUT'];
  if (dir !== undefined && dir !== '') writeFileSync(join(dir, name), bytes);
}

interface TextItemInfo {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontName: string;
  readonly hasEol: boolean;
}

interface ReadPdf {
  readonly pages: readonly (readonly TextItemInfo[])[];
  /** Names of the fonts the text items are drawn with, as pdfjs loaded them. */
  readonly fontNames: ReadonlySet<string>;
  readonly title: unknown;
}

async function read(bytes: Uint8Array): Promise<ReadPdf> {
  // pdfjs transfers the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: TextItemInfo[][] = [];
  const fontNames = new Set<string>();
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    await page.getOperatorList();
    const content = await page.getTextContent();
    const items: TextItemInfo[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const font: unknown = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : undefined;
      const name = typeof font === 'object' && font !== null && 'name' in font ? String(font.name) : `unknown:${item.fontName}`;
      if (item.str.trim() !== '') fontNames.add(name);
      items.push({
        text: item.str,
        x: Number(item.transform[4]),
        y: Number(item.transform[5]),
        width: item.width,
        fontName: name,
        hasEol: item.hasEOL,
      });
    }
    pages.push(items);
  }
  const metadata = await pdf.getMetadata();
  const info = metadata.info as Record<string, unknown>;
  await pdf.destroy();
  return { pages, fontNames, title: info['Title'] };
}

/** All text, lines joined by spaces and runs of white space collapsed, so wrapped text still matches. */
function plainText(pdf: ReadPdf): string {
  return collapse(
    pdf.pages
      .flat()
      .map((item) => item.text + (item.hasEol ? ' ' : ''))
      .join(' '),
  );
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Font names declared in the file itself (/BaseFont), read from the raw bytes. */
function baseFonts(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((match) => match[1] ?? '');
}

/** Every string of a review the PDF is expected to print, line by line. */
function printedStrings(review: Review): string[] {
  const lines = (text: string) => text.split('\n').map((line) => line.trim());
  const answers = Object.values(review.answers).filter((answer) => answer.assessment !== 'none' && answer.assessment !== 'unset');
  return [
    review.member.name,
    review.member.place,
    review.member.position,
    review.period,
    ...lines(review.strengths),
    ...lines(review.commitment),
    ...answers.flatMap((answer) => [answer.observed, answer.causesSubjective, answer.causesObjective]),
    ...review.actions.flatMap((action) => [action.what, action.measure, action.followUpBy]),
  ].filter((text) => text !== '');
}

describe('PDF text', () => {
  it('prints every Vietnamese letter of the repertoire, in both cases, exactly as typed', async () => {
    const review = fixture('vietnamese-repertoire.json');
    const pdf = await read(await generate(review));
    const text = plainText(pdf);

    for (const expected of printedStrings(review)) expect(text).toContain(collapse(expected));
    // The fixture really holds the whole repertoire: 12 vowels × 6 tones × 2 cases, and đ Đ.
    const letters = new Set([...review.strengths, ...review.commitment].filter((char) => /\p{L}/u.test(char)));
    expect(letters.size).toBe(12 * 6 * 2 + 2);
    for (const letter of letters) expect(text).toContain(letter);
    for (const mark of ['“', '”', '‘', '’', '•', '–', '—', '…', '₫']) expect(text).toContain(mark);
  });

  it('prints text typed in decomposed form (NFD) as the composed letters', async () => {
    const decomposed = fixture('vietnamese-repertoire-nfd.json');
    const composed = fixture('vietnamese-repertoire.json');
    expect(decomposed.strengths).not.toBe(composed.strengths);
    expect(decomposed.strengths.normalize('NFC')).toBe(composed.strengths);

    const fromDecomposed = await generate(decomposed);
    const text = plainText(await read(fromDecomposed));

    expect(text).not.toMatch(/\p{M}/u);
    for (const expected of printedStrings(composed)) expect(text).toContain(collapse(expected));
    expect(Buffer.from(fromDecomposed).equals(Buffer.from(await generate(composed)))).toBe(true);
  });

  it('prints the full review: header, title, identity, found manifestations, the whole plan and the commitment', async () => {
    const review = fixture('full-review.json');
    const bytes = await generate(review);
    keep('plan-full.pdf', bytes);
    const text = plainText(await read(bytes));

    for (const expected of [
      'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH HÀ TĨNH',
      'CHI BỘ VĂN PHÒNG SỞ NỘI VỤ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Tĩnh, ngày 20 tháng 5 năm 2022',
      'BẢN TỰ SOI, TỰ SỬA VÀ KẾ HOẠCH KHẮC PHỤC',
      'Kỳ: 6 tháng đầu năm 2022',
      'Họ và tên: Nguyễn Thị Hồng Nhung',
      'II. NHỮNG BIỂU HIỆN ĐÃ TỰ SOI THẤY',
      'Biểu hiện số 5 (nhóm I, thứ 5): Tự phê bình, phê bình không thực chất',
      'Mức độ: Có biểu hiện, mức nhẹ',
      'III. KẾ HOẠCH KHẮC PHỤC',
      'IV. CAM KẾT',
      'NGƯỜI VIẾT',
      '(Ký, ghi rõ họ tên)',
    ]) {
      expect(text).toContain(expected);
    }
    for (const expected of printedStrings(review)) expect(text).toContain(collapse(expected));
    expect(text).toContain('27 Lập bảng theo dõi việc được giao');
  });
});

describe('PDF fonts', () => {
  it('has a real glyph for every Vietnamese letter and mark in all three subset fonts', () => {
    const vowels = 'aăâeêioôơuưy';
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters = [...vowels].flatMap((vowel) => tones.flatMap((tone) => [vowel + tone, vowel.toUpperCase() + tone]));
    const characters = [
      ...letters.map((letter) => letter.normalize('NFC')),
      'đ',
      'Đ',
      '“',
      '”',
      '‘',
      '’',
      '•',
      '–',
      '—',
      '…',
      '₫',
    ];
    expect(characters.every((character) => character.length === 1)).toBe(true);

    const doc = new jsPDF();
    for (const [style, data] of [
      ['normal', fonts.regular],
      ['bold', fonts.bold],
      ['italic', fonts.italic],
    ] as const) {
      doc.addFileToVFS(`${style}.ttf`, Buffer.from(new Uint8Array(data)).toString('latin1'));
      doc.addFont(`${style}.ttf`, 'Probe', style);
      doc.setFont('Probe', style);
      const metadata = doc.getFont().metadata as { characterToGlyph: (code: number) => number };
      const missing = characters.filter((character) => metadata.characterToGlyph(character.charCodeAt(0)) === 0);
      expect(missing, style).toEqual([]);
    }
  });

  it('embeds Tinos regular, bold and italic and declares no standard font', async () => {
    const bytes = await generate(fixture('full-review.json'));
    const declared = baseFonts(bytes);

    // Each face appears twice: the Type0 font and its descendant CIDFont.
    expect(new Set(declared)).toEqual(new Set(['TINOSR+Tinos-Regular', 'TINOSB+Tinos-Bold', 'TINOSI+Tinos-Italic']));
    expect(declared).toHaveLength(6);
    expect(declared.join(' ')).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
  });

  it('draws every piece of text with one of the three embedded Tinos faces, using all three', async () => {
    const pdf = await read(await generate(fixture('vietnamese-repertoire.json')));

    const names = [...pdf.fontNames];
    expect(names.every((name) => /Tinos/.test(name))).toBe(true);
    expect(names.some((name) => /Bold/i.test(name))).toBe(true);
    expect(names.some((name) => /Italic/i.test(name))).toBe(true);
    expect(names.some((name) => /Regular/i.test(name))).toBe(true);
  });
});

describe('PDF layout', () => {
  it('gives the same bytes for the same review and clock, and different bytes for another clock', async () => {
    const review = fixture('full-review.json');

    const first = await generate(review);
    const second = await generate(review);
    const later = await generate(review, full, new Date('2022-05-21T05:00:00Z'));

    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(later))).toBe(false);
  });

  it('leaves out section II when only the plan is printed', async () => {
    const review = fixture('full-review.json');
    const text = plainText(await read(await generate(review, { scope: 'plan-only', includeNotes: true })));

    expect(text).toContain('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
    expect(text).not.toContain('BIỂU HIỆN ĐÃ TỰ SOI THẤY');
    expect(text).not.toContain('Mức độ:');
    expect(text).not.toContain(review.answers['I-3']?.observed ?? 'missing');
    expect(text).toContain('II. KẾ HOẠCH KHẮC PHỤC');
    expect(text).toContain('III. CAM KẾT');
  });

  it('never leaves the commitment and the signature alone on a page of the plan-only PDF', async () => {
    // This review's plan table fills page 5 to the bottom: the commitment used to stand alone on page 6.
    const pdf = await read(await generate(fixture('full-review.json'), { scope: 'plan-only', includeNotes: true }));
    const pages = pdf.pages.map((items) => items.map((item) => item.text).join(' '));
    const last = pages[pages.length - 1] ?? '';

    expect(last).toContain('III. CAM KẾT');
    expect(last).toContain('NGƯỜI VIẾT');
    // Rows of the plan table come over with it: its head is repeated above them.
    expect(last.indexOf('Biện pháp')).toBeGreaterThanOrEqual(0);
    expect(last.indexOf('Biện pháp')).toBeLessThan(last.indexOf('III. CAM KẾT'));
  });

  it('leaves out what was observed and the causes unless notes are included', async () => {
    const review = fixture('full-review.json');
    const text = plainText(await read(await generate(review, { scope: 'full', includeNotes: false })));

    expect(text).toContain('Biểu hiện số 5 (nhóm I, thứ 5)');
    expect(text).not.toContain('Nguyên nhân chủ quan');
    expect(text).not.toContain(collapse(review.answers['I-3']?.observed ?? 'missing'));
  });

  it('prints dotted lines for every empty field, to be filled by hand', async () => {
    const empty = fixture('full-review.json');
    const review: Review = {
      ...empty,
      member: { name: '', branch: '', partyCommittee: '', position: '', place: '' },
      strengths: '',
      commitment: '',
      actions: [],
    };
    const text = plainText(await read(await generate(review)));

    expect(text).toMatch(/ĐẢNG BỘ …{5,}/);
    expect(text).toMatch(/CHI BỘ …{5,}/);
    expect(text).toMatch(/ …{4}, ngày 20 tháng 5 năm 2022/);
    expect(text).toMatch(/Họ và tên: …{10,}/);
    expect(text).toMatch(/Chức vụ: …{10,}/);
    expect(text).toMatch(/I\. ƯU ĐIỂM CẦN PHÁT HUY …{20,}/);
    expect(text).toMatch(/IV\. CAM KẾT …{20,}/);
    expect(text).toMatch(/\(Ký, ghi rõ họ tên\) …{5,}/);
  });

  it('wraps a long word without spaces inside the margins instead of clipping it', async () => {
    const long = 'Khắcphục'.repeat(40);
    const url = `https://example.vn/${'tài-liệu-'.repeat(30)}`;
    const base = fixture('full-review.json');
    const review: Review = {
      ...base,
      strengths: long,
      member: { ...base.member, name: long.slice(0, 120) },
      actions: base.actions.slice(0, 2).map((action) => ({ ...action, what: url, measure: long })),
    };
    const pdf = await read(await generate(review));

    const items = pdf.pages.flat().filter((item) => item.text.trim() !== '');
    for (const item of items) {
      expect(item.x + item.width, item.text).toBeLessThanOrEqual(RIGHT_EDGE + 0.5);
      expect(item.x, item.text).toBeGreaterThanOrEqual(LEFT_EDGE - 0.5);
    }
    const joined = items.map((item) => item.text).join('');
    expect(joined).toContain(long);
    expect(joined).toContain(url);
  });

  it('numbers pages from page 2, centred at the top', async () => {
    const pdf = await read(await generate(fixture('full-review.json')));
    expect(pdf.pages.length).toBeGreaterThan(2);

    const topItems = (page: readonly TextItemInfo[]) =>
      page.filter((item) => item.text.trim() !== '' && item.y > (297 - 20) * MM);
    expect(topItems(pdf.pages[0] ?? [])).toEqual([]);
    pdf.pages.slice(1).forEach((page, index) => {
      const [number, ...others] = topItems(page);
      expect(others).toEqual([]);
      expect(number?.text).toBe(String(index + 2));
      const centre = (number?.x ?? 0) + (number?.width ?? 0) / 2;
      expect(Math.abs(centre - (30 + 165 / 2) * MM)).toBeLessThan(1);
    });
  });

  it('puts the committee and branch top left and the Party name top right', async () => {
    const pdf = await read(await generate(fixture('full-review.json')));
    const first = pdf.pages[0] ?? [];
    const find = (text: string) => first.find((item) => item.text === text);
    const party = find('ĐẢNG CỘNG SẢN VIỆT NAM');
    const branch = find('CHI BỘ VĂN PHÒNG SỞ NỘI VỤ');

    expect(party).toBeDefined();
    expect(branch).toBeDefined();
    expect((party?.x ?? 0) + (party?.width ?? 0) / 2).toBeGreaterThan(105 * MM);
    expect((branch?.x ?? 0) + (branch?.width ?? 0) / 2).toBeLessThan(105 * MM);
    expect(party?.y).toBeGreaterThan((297 - 30) * MM);
  });

  it('stores only a fixed Vietnamese title in the metadata, never the member’s name', async () => {
    const bytes = await generate(fixture('full-review.json'));
    const pdf = await read(bytes);

    expect(pdf.title).toBe('Bản tự soi, tự sửa');
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('Nguy');
  });

  it('keeps the full review under the 80 KB budget', async () => {
    const bytes = await generate(fixture('full-review.json'));
    expect(bytes.length).toBeLessThanOrEqual(80 * 1024);
  });
});

describe('font loading', () => {
  it('finds the fonts under the deployed base path, with or without its trailing slash', () => {
    expect(fontsBaseUrl('/')).toBe('/fonts/');
    expect(fontsBaseUrl('/tu-soi-tu-sua')).toBe('/tu-soi-tu-sua/fonts/');
    expect(fontsBaseUrl('/tu-soi-tu-sua/')).toBe('/tu-soi-tu-sua/fonts/');
  });

  it('explains a failed download in Vietnamese, then tries again on the next request', async () => {
    const requested: string[] = [];
    const failing = (input: string | URL | Request) => {
      requested.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response('', { status: 404 }));
    };
    await expect(loadPlanFonts(failing)).rejects.toThrow(/Không tải được phông chữ.*404/);

    const working = (input: string | URL | Request) => {
      requested.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response(new Uint8Array([0, 1, 0, 0])));
    };
    const loaded = await loadPlanFonts(working);

    expect(new Uint8Array(loaded.bold)).toEqual(new Uint8Array([0, 1, 0, 0]));
    expect(requested).toContain('/fonts/tinos-italic.ttf');
    expect(requested).toHaveLength(6);
    // Loaded once, kept for the visit.
    expect(await loadPlanFonts(failing)).toBe(loaded);
  });
});
