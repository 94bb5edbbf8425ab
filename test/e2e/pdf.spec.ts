/** The personal plan as PDF and as a print view, in Chromium against the built site. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfText } from './pdf-text';
import { createReview, expectNoAxeViolations, fillItem } from './helpers';

/** A part of the open review, through the parts' navigation (the "Tiếp" links name parts too). */
function partLink(page: Page, name: string | RegExp) {
  return page.getByRole('navigation', { name: 'Các phần của bản tự soi' }).getByRole('link', { name });
}

// What the page itself requests; the service worker's own precaching is tested with offline use.
test.use({ serviceWorkers: 'block' });

async function prepareReview(page: Page): Promise<void> {
  await createReview(page, 'Cuối năm 2022');
  await fillItem(page, 'I-5', { level: 'clear', observed: 'Còn nể nang, ngại va chạm khi góp ý đồng chí' });
  await page.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 5' }).click();
  await page.locator('textarea[id$="-what-inline"]').fill('Thẳng thắn góp ý <script>alert(1)</script> ở mỗi kỳ sinh hoạt');
  await partLink(page, 'Thông tin').click();
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hường');
  await page.getByLabel('Chi bộ').fill('Chi bộ Trường Tiểu học');
  await page.getByLabel('Địa danh ghi trên văn bản').fill('Hà Tĩnh');
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  await partLink(page, 'In, lưu PDF').click();
}

test('the PDF downloads, is valid, has every diacritic, and jsPDF and the fonts load only after the click', async ({ page }) => {
  // Bodies are kept as promises, recorded in response order, so none is missed while its body loads.
  const responses: { url: string; body: Promise<string> }[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (/\.(js|ttf)$/.test(new URL(url).pathname)) {
      responses.push({ url, body: url.endsWith('.ttf') ? Promise.resolve('') : response.text().catch(() => '') });
    }
  });
  const bodies = async (entries: typeof responses) =>
    Promise.all(entries.map(async (entry) => ({ url: entry.url, body: await entry.body })));
  await prepareReview(page);
  await page.waitForLoadState('networkidle');
  const beforeClick = await bodies([...responses]);
  expect(beforeClick.filter((entry) => entry.url.includes('/fonts/'))).toEqual([]);
  expect(beforeClick.filter((entry) => entry.body.includes('jsPDF')).map((entry) => entry.url)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bản PDF' }).click();
  const file = await download;
  // aria-disabled while busy, never disabled: focus stays where the member pressed.
  await expect(page.getByRole('button', { name: 'Tải bản PDF' })).toBeFocused();
  expect(file.suggestedFilename()).toBe('tu-soi-tu-sua-cuoi-nam-2022-nguyen-thi-huong.pdf');
  const bytes = new Uint8Array(readFileSync(await file.path()));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

  await expect.poll(() => responses.filter((entry) => entry.url.includes('/fonts/')).length).toBe(3);
  const after = await bodies(responses.slice(beforeClick.length));
  expect(after.filter((entry) => /\/fonts\/tinos-(regular|bold|italic)\.ttf$/.test(entry.url))).toHaveLength(3);
  expect(after.some((entry) => entry.body.includes('jsPDF'))).toBe(true);

  const text = await pdfText(bytes);
  for (const expected of [
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Nguyễn Thị Hường',
    'Còn nể nang, ngại va chạm',
    'Hà Tĩnh, ngày',
    // The item as a person would name it, and the summary line counting by degree.
    'Biểu hiện số 5 (nhóm I, thứ 5)',
    'tự nhận thấy 1 biểu hiện: 1 rõ.',
  ]) {
    expect(text.replace(/\s+/g, ' ')).toContain(expected);
  }
  // Typed markup is printed as the characters typed.
  expect(text.replace(/\s+/g, ' ')).toContain('<script>alert(1)</script>');
});

test('the print view shows the same plan as text and passes axe', async ({ page }) => {
  await prepareReview(page);
  await page.getByRole('button', { name: 'Xem bản in (in bằng trình duyệt)' }).click();
  const view = page.locator('.print-view');
  await expect(view).toContainText('ĐẢNG CỘNG SẢN VIỆT NAM');
  await expect(view).toContainText('Nguyễn Thị Hường');
  await expect(view).toContainText('Còn nể nang, ngại va chạm khi góp ý đồng chí');
  await expect(view.locator('table')).toContainText('Thẳng thắn góp ý <script>alert(1)</script> ở mỗi kỳ sinh hoạt');
  await expect(view.locator('script')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
