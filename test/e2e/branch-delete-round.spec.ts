/**
 * Deleting a round at /chi-bo/: a confirmation that says what goes, "keep" changes nothing, and
 * "delete" removes the round and its results from IndexedDB while the other round keeps its own.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, readRawDatabase } from './helpers';

function shareFile(shareId: string, period: string): { name: string; mimeType: string; buffer: Buffer } {
  const share = { shareId, revision: 1, checklistId: 'nq04-27', period, levels: { 'I-1': 'some' }, actions: [] };
  const text = JSON.stringify({ format: 'tu-soi-tu-sua/share', formatVersion: 1, sharedAt: '2026-06-01T08:00:00.000Z', share });
  return { name: `${shareId}.tusoi-share.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function createRound(page: Page, period: string): Promise<void> {
  await page.getByLabel('Kỳ tự soi').fill(period);
  await page.getByLabel(/Số đảng viên của chi bộ/).fill('12');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (0)' })).toBeVisible();
}

test('a round is deleted with its results after a confirmation; keeping it changes nothing', async ({ page }) => {
  await page.goto('/chi-bo/');
  await createRound(page, '6 tháng đầu năm 2026');
  await page.getByLabel(/Chọn một hay nhiều tệp kết quả/).setInputFiles([shareFile('aaaaaaaaaaaaa', '6 tháng đầu năm 2026')]);
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Tạo đợt mới' }).click();
  await page.getByLabel(/Lấy tên chi/).uncheck();
  await createRound(page, '6 tháng cuối năm 2026');
  await page
    .getByLabel(/Chọn một hay nhiều tệp kết quả/)
    .setInputFiles([shareFile('bbbbbbbbbbbbb', '6 tháng cuối năm 2026'), shareFile('ccccccccccccc', '6 tháng cuối năm 2026')]);
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (2)' })).toBeVisible();

  // One result is dropped after its own confirmation (an in-page dialog, not the browser's confirm()).
  await page.getByRole('button', { name: 'Bỏ kết quả của Đảng viên chưa ghi tên 2' }).click();
  await expect(page.getByRole('dialog', { name: 'Bỏ kết quả này?' })).toContainText('Đảng viên chưa ghi tên 2');
  await page.getByRole('button', { name: 'Bỏ kết quả', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (1)' })).toBeVisible();
  await page.getByLabel(/Chọn một hay nhiều tệp kết quả/).setInputFiles([shareFile('ccccccccccccc', '6 tháng cuối năm 2026')]);
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (2)' })).toBeVisible();
  const before = await readRawDatabase(page);
  expect(before['branch-rounds']).toHaveLength(2);
  expect(before['branch-entries']).toHaveLength(3);

  const open = page.getByRole('button', { name: 'Xóa đợt “6 tháng cuối năm 2026”' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Xóa đợt tổng hợp?' });
  await expect(dialog).toContainText('Đợt “6 tháng cuối năm 2026” cùng 2 kết quả đã nhận sẽ bị xóa');
  await expect(dialog.getByRole('button', { name: 'Không, giữ lại' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
  expect(await readRawDatabase(page)).toEqual(before);

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Xóa đợt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa đợt' })).toHaveText(
    'Đã xóa đợt “6 tháng cuối năm 2026” cùng 2 kết quả đã nhận.',
  );
  await expect(page.getByRole('heading', { name: 'Đợt tổng hợp' })).toBeFocused();
  await expect(page.getByLabel('Đợt đang xem')).toHaveValue(/.+/);
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (1)' })).toBeVisible();
  const after = await readRawDatabase(page);
  expect(after['branch-rounds']).toHaveLength(1);
  expect(JSON.stringify(after['branch-rounds'])).not.toContain('cuối năm');
  expect(after['branch-entries']).toHaveLength(1);
  await expectNoAxeViolations(page);
});
