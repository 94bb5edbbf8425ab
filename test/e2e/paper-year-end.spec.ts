/** Blank paper forms and the member's year-end summary, in Chromium against the built site. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfText } from './pdf-text';
import { expectNoAxeViolations, chooseLargestText } from './helpers';

test.use({ serviceWorkers: 'block' });

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the blank phiếu tự soi is reachable from /tu-soi/, shows every item, downloads as a PDF and passes axe', async ({
  page,
}) => {
  await page.goto('/tu-soi/');
  await page.getByRole('link', { name: 'In phiếu tự soi và kế hoạch để trống' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phiếu tự soi in trên giấy' })).toBeVisible();
  const view = page.locator('.print-view');
  await expect(view).toContainText('PHIẾU TỰ SOI, TỰ SỬA');
  await expect(view.locator('tbody tr')).toHaveCount(27 + 3);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('phieu-tu-soi-de-trong.pdf');
  const bytes = new Uint8Array(readFileSync(await file.path()));
  expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
  const text = await pdfText(bytes, { collapseSpaces: true });
  expect(text).toContain('PHIẾU TỰ SOI, TỰ SỬA');
  expect(text).toContain('Có nguy cơ');

  await page.getByLabel('Kế hoạch khắc phục để trống').check();
  await expect(view).toContainText('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
  await expectNoAxeViolations(page);
});

test('the paper forms page works by keyboard and fits 360 px at the largest text size', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/tu-soi/phieu-giay/');
  await chooseLargestText(page);
  await expect(page.locator('.print-view')).toContainText('PHIẾU TỰ SOI, TỰ SỬA');
  await noHorizontalScroll(page);
  await page.locator('#paper-form-self-review').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#paper-form-plan')).toBeChecked();
  await expect(page.locator('.print-view')).toContainText('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
  await noHorizontalScroll(page);
});

test('the Tổng kết tab shows the year-end figures and a copyable draft, and passes axe at 360 px', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill('Năm 2026');
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  await page.locator('#item-I-5-some').check();
  await page.getByRole('link', { name: 'Tổng kết' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng kết' })).toBeFocused();
  await expect(page.locator('.meta').first()).toContainText('1/27 biểu hiện');
  const draft = page.getByLabel('Phần tự phê bình và kết quả khắc phục');
  await expect(draft).toHaveValue(/tự nhận thấy 1 biểu hiện cần khắc phục/);
  await expect(page.getByText('Theo một số hướng dẫn triển khai')).toBeVisible();
  await chooseLargestText(page);
  await noHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Sao chép đoạn văn' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã sao chép' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('tự nhận thấy 1 biểu hiện');
});
