/**
 * The writer's text widths are kept per fonts object: a second document with the same fonts (the
 * warm-up's render, then the member's click) measures nothing it measured before, and the file
 * comes out byte for byte as without the cache.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseReview, type Review } from '../../src/domain/review-schema';
import { createA4Document, type PlanFonts } from '../../src/pdf/pdf-document';
import { generatePlanPdf } from '../../src/pdf/index';
import { widthCacheFor, Writer } from '../../src/pdf/writer';
import { loadChecklist } from './helpers';

const root = join(import.meta.dirname, '..', '..');
const checklist = loadChecklist();
const now = new Date('2022-05-20T05:00:00Z');
const meta = { createdAt: now.toISOString(), fileId: 'ABCDEF', title: 'Kiểm tra' };
const texts = ['Tự soi, tự sửa', 'Nguyên nhân chủ quan', ' ', '…', 'Tự soi, tự sửa', 'Đảng viên'];

let fonts: PlanFonts;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'src/pdf/subset-fonts.mjs')], { cwd: root });
  const read = (name: string) => new Uint8Array(readFileSync(join(root, 'public/fonts', name)));
  fonts = { regular: read('tinos-regular.ttf'), bold: read('tinos-bold.ttf'), italic: read('tinos-italic.ttf') };
});

/** Measures `texts` in regular and bold with a new document; returns the widths and how often jsPDF measured. */
function measureAll(widths: Map<string, number>, withFonts: PlanFonts = fonts): { widths: number[]; measured: number } {
  const doc = createA4Document(meta, withFonts);
  const spy = vi.spyOn(doc, 'getTextWidth');
  const writer = new Writer(doc, widths);
  const result = texts.flatMap((text) => [writer.measure(text, 'normal', 13), writer.measure(text, 'bold', 14)]);
  return { widths: result, measured: spy.mock.calls.length };
}

function fixture(name: string): Review {
  return parseReview(JSON.parse(readFileSync(join(root, 'test/fixtures/pdf', name), 'utf8')));
}

describe('text widths kept per fonts', () => {
  it('measures each string once, and not again in the next document with the same fonts', () => {
    const uncached = measureAll(new Map());
    const first = measureAll(widthCacheFor(fonts));
    const second = measureAll(widthCacheFor(fonts));

    expect(first.widths).toEqual(uncached.widths);
    expect(second.widths).toEqual(uncached.widths);
    // Two styles × five distinct strings; the repeated "Tự soi, tự sửa" is looked up, not measured.
    expect(first.measured).toBe(10);
    expect(second.measured).toBe(0);
  });

  it('does not lend one fonts object’s widths to another', () => {
    measureAll(widthCacheFor(fonts));
    const other: PlanFonts = { ...fonts };

    expect(widthCacheFor(other)).not.toBe(widthCacheFor(fonts));
    expect(measureAll(widthCacheFor(other), other).measured).toBe(10);
  });

  it('gives the same bytes for a plan whether its widths were measured before or not', async () => {
    const review = fixture('full-review.json');
    const input = { review, checklist, options: { scope: 'full', includeNotes: true } as const, now };
    const fresh: PlanFonts = { ...fonts };

    const cold = await generatePlanPdf({ ...input, fonts: fresh });
    expect(widthCacheFor(fresh).size).toBeGreaterThan(0);
    const warm = await generatePlanPdf({ ...input, fonts: fresh });

    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
  });
});
