/** The passphrase lock covers the branch workspace: sealed in IndexedDB, opened at /chi-bo/ with the same passphrase. */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, readRawDatabase } from './helpers';

const PASSPHRASE = 'bí mật của chi bộ';

async function createRound(page: Page, branchName: string): Promise<void> {
  await page.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
  await page.getByLabel('Tên chi bộ').fill(branchName);
  await page.getByLabel(/Số đảng viên của chi bộ/).fill('12');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toBeVisible();
}

async function turnLockOn(page: Page): Promise<void> {
  await page.goto('/tu-soi/');
  await page.getByRole('button', { name: 'Mở phần sao lưu, khôi phục, khóa và xóa dữ liệu' }).click();
  await page.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill(PASSPHRASE);
  await page.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
  await page.getByLabel('Tôi hiểu: quên mật khẩu thì không lấy lại được dữ liệu.').check();
  await page.getByRole('button', { name: 'Bật khóa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã bật khóa' })).toBeVisible();
}

test('with the lock on, /chi-bo/ asks for the passphrase and IndexedDB holds no branch name', async ({ page }) => {
  await page.goto('/chi-bo/');
  await createRound(page, 'Chi bộ Khối 3');
  await turnLockOn(page);

  expect(JSON.stringify(await readRawDatabase(page))).not.toContain('Chi bộ Khối 3');

  await page.goto('/chi-bo/');
  await expect(page.getByRole('heading', { name: 'Dữ liệu của chi bộ đang được khóa' })).toBeVisible();
  await expect(page.getByText('Chi bộ Khối 3')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByLabel('Mật khẩu').fill('mật khẩu sai');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng');

  await page.getByLabel('Mật khẩu').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toBeVisible();
  await expect(page.locator('#round-select option')).toHaveText(['6 tháng đầu năm 2026 — Chi bộ Khối 3']);

  // A round made while unlocked is stored sealed too.
  await page.getByRole('button', { name: 'Tạo đợt mới' }).click();
  await page.getByLabel(/Lấy tên chi bộ, số đảng viên và danh mục/).uncheck();
  await page.getByLabel('Kỳ tự soi').fill('Cả năm 2026');
  await page.getByLabel('Tên chi bộ', { exact: true }).fill('Chi bộ Khối 5');
  await page.getByLabel(/Số đảng viên của chi bộ/).fill('9');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.locator('#round-select option')).toHaveCount(2);
  const raw = JSON.stringify(await readRawDatabase(page));
  expect(raw).not.toContain('Chi bộ Khối 5');
  expect(raw).not.toContain('Cả năm 2026');

  await expectNoAxeViolations(page);

  // "Khóa ngay" closes it again, in every open tab; turning the lock off is at /tu-soi/.
  const other = await page.context().newPage();
  await other.goto('/chi-bo/');
  await other.getByLabel('Mật khẩu').fill(PASSPHRASE);
  await other.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(other.locator('#round-select option')).toHaveCount(2);
  await expect(page.getByText('Bật, tắt khóa hoặc chọn thời gian tự khóa ở trang')).toBeVisible();
  // The other tab has a confirmation open when the lock closes: it is cancelled, not left to make the page inert.
  await other.getByRole('button', { name: /^Xóa đợt “/ }).click();
  await expect(other.getByRole('dialog', { name: 'Xóa đợt tổng hợp?' })).toBeVisible();
  await page.getByRole('button', { name: 'Khóa ngay' }).click();
  for (const tab of [page, other]) {
    await expect(tab.getByRole('heading', { name: 'Dữ liệu của chi bộ đang được khóa' })).toBeVisible();
    await expect(tab.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toHaveCount(0);
    // No names or counts stay in the page while it is locked.
    await expect(tab.locator('#round-select')).toHaveCount(0);
    await expect(tab.getByText('Chi bộ Khối 5')).toHaveCount(0);
  }
  await expect(other.getByRole('dialog')).toHaveCount(0);
  await other.getByLabel('Mật khẩu').fill(PASSPHRASE);
  await other.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(other.locator('#round-select option')).toHaveCount(2);
  expect((await readRawDatabase(other))['branch-rounds']).toHaveLength(2);
});
