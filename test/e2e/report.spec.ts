/**
 * The branch report end to end: a round built from 12 share files with known levels (the members
 * gave their names), the generated paragraph and table with denominators, an edited section that
 * survives a reload, and the PDF read back: header lines, title, edited text, counts, signature,
 * and no member's name anywhere.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfText } from './pdf-text';
import { memberNames, shareFileOf } from '../unit/report-fixture';
import { expectNoAxeViolations } from './helpers';

test.use({ serviceWorkers: 'block' });
// Twelve files, a reload, axe scans and a PDF: slow on a shared two-core machine.
test.setTimeout(180_000);

async function roundWithResults(page: Page): Promise<void> {
  await page.goto('/chi-bo/');
  await page.locator('#round-period').fill('6 tháng đầu năm 2026');
  await page.locator('#round-branch').fill('Chi bộ Văn phòng');
  await page.locator('#round-committee').fill('Đảng bộ Khối cơ quan tỉnh');
  await page.locator('#round-members').fill('14');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await page.locator('#share-files').setInputFiles(
    memberNames.map((_, index) => ({
      name: `ket-qua-${index + 1}.tusoi-share.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(shareFileOf(index)),
    })),
  );
  await expect(page.getByText(memberNames[11], { exact: true })).toBeVisible();
}

/**
 * How far the page scrolls sideways with only the report part shown: the other parts of /chi-bo/
 * (the picture's wide tables) are the branch workspace's own concern and are hidden for this check.
 */
async function reportOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const others = [...document.querySelectorAll<HTMLElement>('.branch-app > *')].filter(
      (el) => !el.querySelector('.report-workspace'),
    );
    for (const el of others) el.style.display = 'none';
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    for (const el of others) el.style.display = '';
    return overflow;
  });
}

async function openReport(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Mở phần báo cáo' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#report-results-text')).toBeVisible();
}

test('the report carries the counts with denominators, keeps an edit, and its PDF names no member', async ({ page }) => {
  await roundWithResults(page);
  await openReport(page);

  const results = page.locator('#report-results-text');
  await expect(results).toHaveValue(/Chi bộ nhận được kết quả tự soi của 12\/14 đồng chí \(còn 2 đồng chí chưa gửi\)/);
  await expect(results).toHaveValue(/có 6\/12 đồng chí tự nhận có biểu hiện, 3\/12 đồng chí tự nhận có nguy cơ/);

  await page.locator('#report-number').fill('05');
  await page.locator('#report-place').fill('Hà Tĩnh');
  await page.locator('#report-signer').fill('Phan Văn Quang');
  await page.locator('#report-shortcomings-text').fill('Tự phê bình còn nể nang, ngại va chạm (đoạn bí thư tự viết).');
  await expect(page.locator('#report-heading ~ div .save-status')).toContainText(/Đã lưu/);

  await page.reload();
  await openReport(page);
  await expect(page.locator('#report-shortcomings-text')).toHaveValue(
    'Tự phê bình còn nể nang, ngại va chạm (đoạn bí thư tự viết).',
  );

  await page.getByRole('button', { name: 'Xem bản in' }).click();
  const table = page.locator('.print-view table').first();
  await expect(table.locator('tbody tr').first()).toContainText('4/12');
  await expect(table.locator('tbody tr').first()).toContainText('dưới 3/12');
  await expect(page.locator('.print-view')).not.toContainText(memberNames[0]);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải báo cáo PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('bao-cao-de-dan-6-thang-dau-nam-2026.pdf');
  const bytes = new Uint8Array(readFileSync(await file.path()));
  expect(bytes.length).toBeLessThanOrEqual(150 * 1024);
  const text = await pdfText(bytes, { collapseSpaces: true });
  for (const expected of [
    'ĐẢNG BỘ KHỐI CƠ QUAN TỈNH',
    'CHI BỘ VĂN PHÒNG',
    'Số 05-BC/CB',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Hà Tĩnh, ngày',
    'BÁO CÁO',
    'Tự phê bình còn nể nang, ngại va chạm (đoạn bí thư tự viết).',
    '12/14 đồng chí',
    '6/12 đồng chí tự nhận có biểu hiện',
    '4/12',
    'T/M CHI BỘ',
    'BÍ THƯ',
    'Phan Văn Quang',
  ]) {
    expect(text).toContain(expected);
  }
  for (const name of memberNames) expect(text).not.toContain(name);
});

test('monthly follow-up and year-end figures work by keyboard, pass axe and fit 360 px at the largest text size', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await roundWithResults(page);
  // On a phone the text-size buttons sit behind the header's "Cỡ chữ" toggle.
  await page.getByRole('button', { name: 'Cỡ chữ', exact: true }).click();
  await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
  await openReport(page);
  await page.getByRole('button', { name: 'Thêm biện pháp' }).click();
  await page.getByLabel('Biện pháp 1', { exact: true }).fill('Đổi mới nội dung sinh hoạt chi bộ');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Theo dõi hằng tháng' }).click();
  await expect(page.getByLabel('Đoạn văn (sửa được trước khi sao chép; không lưu)')).toHaveValue(
    /theo kết quả mới nhất của 12\/14 đồng chí: đã hoàn thành 4\/8 \(50%\) biện pháp tự đề ra/,
  );
  await page.locator('select[id$="-status"]').first().selectOption('in-progress');
  await expect(page.getByLabel('Đoạn văn (sửa được trước khi sao chép; không lưu)')).toHaveValue(/đang thực hiện 1\/1/);
  await expectNoAxeViolations(page);
  expect(await reportOverflow(page)).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: 'Số liệu cuối năm' }).click();
  await expect(page.locator('.report-workspace')).toContainText('12/14 đồng chí');
  await expect(page.locator('.report-workspace')).toContainText('Theo một số hướng dẫn triển khai');
  await expectNoAxeViolations(page);
  expect(await reportOverflow(page)).toBeLessThanOrEqual(0);
});
