import jsQR from 'jsqr';
import { correction, generate } from 'lean-qr';
import { describe, expect, it } from 'vitest';
import { previewFields, qrPath } from '../../src/domain/branch/share-preview';
import { checklistItemIds } from '../../src/domain/checklist';
import { setMember } from '../../src/domain/review-model';
import { buildShare, createShareFile, defaultShareOptions, encodeShareFragment, type ShareOptions } from '../../src/domain/share';
import { fullReview, loadChecklist } from './helpers';

const itemIds = checklistItemIds(loadChecklist());
const options: ShareOptions[] = [
  defaultShareOptions,
  { actions: false, name: false, actionText: false, notes: false },
  { actions: true, name: true, actionText: true, notes: true },
  { actions: true, name: true, actionText: false, notes: false },
];

describe('the share preview', () => {
  it.each(options)('lists exactly the fields the file holds (%o)', (chosen) => {
    const share = buildShare(setMember(fullReview(), { name: 'Nguyễn Văn A' }), chosen);
    const file = JSON.parse(createShareFile(share, new Date())) as { share: Record<string, unknown> };
    const fields = previewFields(share, (id) => id, 'Danh mục');
    expect(fields.map((f) => f.field).sort()).toEqual(Object.keys(file.share).sort());
  });

  it('shows every level and says when action texts stay out', () => {
    const fields = previewFields(buildShare(fullReview(), defaultShareOptions), (id) => `Biểu hiện ${id}`, 'Danh mục');
    const levels = fields.find((f) => f.field === 'levels');
    expect(levels?.lines).toHaveLength(28);
    expect(levels?.lines[1]).toBe('Biểu hiện I-1: Không có biểu hiện');
    expect(fields.find((f) => f.field === 'actions')?.label).toMatch(/không có nội dung/);
  });
});

describe('the QR code of a share link', () => {
  it('decodes back to the link', () => {
    const link = `https://tusoi.example.gov.vn/chi-bo/#${encodeShareFragment(buildShare(fullReview(), defaultShareOptions), itemIds)}`;
    const code = generate(link, { minCorrectionLevel: correction.M });
    const scale = 4;
    const pad = 4;
    const width = (code.size + pad * 2) * scale;
    const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
    // Rasterise the same path the page draws, so the test covers qrPath too.
    for (const match of qrPath(code, pad).matchAll(/M(\d+) (\d+)/g)) {
      const mx = Number(match[1]);
      const my = Number(match[2]);
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const offset = ((my * scale + dy) * width + mx * scale + dx) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
      }
    }
    const decoded = jsQR(pixels, width, width);
    expect(decoded?.data).toBe(link);
    expect(code.size).toBeLessThanOrEqual(73); // version 14 or lower: scannable from a phone screen
  });
});
