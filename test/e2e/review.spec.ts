/** The private self-review, in a real Chromium against the built site: saving, reloading, keyboard, axe. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { createReview, expectNoAxeViolations, fillItem, readRawDatabase, waitUntilSaved } from './helpers';

/** A part of the open review, through the parts' navigation (the "Tiếp" links name parts too). */
function partLink(page: Page, name: string | RegExp) {
  return page.getByRole('navigation', { name: 'Các phần của bản tự soi' }).getByRole('link', { name });
}

const groups = ['I', 'II', 'III'];
const itemIds = groups.flatMap((group) => Array.from({ length: 9 }, (_, index) => `${group}-${index + 1}`));

async function fillEverything(page: Page): Promise<void> {
  for (const [index, itemId] of itemIds.entries()) {
    const level = index % 3 === 0 ? 'some' : 'none';
    await page.locator(`#item-${itemId}-${level}`).check();
    if (level === 'some') {
      await page.locator(`#item-${itemId}-observed`).fill(`Nhận thấy ${itemId}: còn nể nang`);
      await page.locator(`#item-${itemId}-subjective`).fill('Ngại va chạm');
    }
  }
  await expect(page.locator('.progress-text')).toHaveText('27/27 đã tự soi');
  await partLink(page, /Ưu điểm, cam kết/).click();
  await page.getByLabel('Ưu điểm cần phát huy').fill('Đoàn kết, gương mẫu, đúng giờ');
  await partLink(page, 'Kế hoạch khắc phục').click();
  for (let index = 1; index <= 5; index += 1) {
    await page.getByRole('button', { name: 'Thêm biện pháp chung' }).click();
    await page
      .locator('textarea[id$="-what"]')
      .nth(index - 1)
      .fill(`Biện pháp số ${index}: đọc và làm theo`);
    await page
      .locator('input[type="date"][id$="-deadline"]')
      .nth(index - 1)
      .fill('2022-12-31');
  }
  await waitUntilSaved(page);
}

async function expectEverything(page: Page, period: string): Promise<void> {
  await page.goto('/tu-soi/');
  await expect(page.getByRole('heading', { level: 3, name: period })).toBeVisible();
  await page.getByRole('link', { name: `Mở bản “${period}”` }).click();
  await expect(page.locator('.progress-text')).toHaveText('27/27 đã tự soi');
  await expect(page.locator('#item-I-1-some')).toBeChecked();
  await expect(page.locator('#item-I-2-none')).toBeChecked();
  await expect(page.locator('#item-III-7-observed')).toHaveValue('Nhận thấy III-7: còn nể nang');
  await partLink(page, /Ưu điểm, cam kết/).click();
  await expect(page.getByLabel('Ưu điểm cần phát huy')).toHaveValue('Đoàn kết, gương mẫu, đúng giờ');
  await partLink(page, 'Kế hoạch khắc phục').click();
  await expect(page.locator('textarea[id$="-what"]')).toHaveCount(5);
  await expect(page.locator('textarea[id$="-what"]').nth(4)).toHaveValue('Biện pháp số 5: đọc và làm theo');
}

test('a member fills all 27 items, strengths and five actions; everything survives a reload and a browser restart', async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'tsts-profile-'));
  try {
    let context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, ...(baseURL ? { baseURL } : {}) });
    let page = await context.newPage();
    await createReview(page, '6 tháng đầu năm 2022');
    await fillEverything(page);

    await page.reload();
    await expectEverything(page, '6 tháng đầu năm 2022');
    await context.close();

    context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, ...(baseURL ? { baseURL } : {}) });
    page = await context.newPage();
    await expectEverything(page, '6 tháng đầu năm 2022');

    // Next period from this one, then a check-in, then deleting the old review.
    await page.goto('/tu-soi/');
    await page.getByRole('button', { name: 'Tạo kỳ sau từ bản này (“6 tháng đầu năm 2022”)' }).click();
    await page.getByLabel('Tên kỳ mới').fill('Cuối năm 2022');
    await page.getByRole('button', { name: 'Tạo bản cho kỳ mới' }).click();
    await expect(page.locator('.review-editor__period')).toContainText('Cuối năm 2022');
    await expect(page.locator('.progress-text')).toHaveText('27/27 đã tự soi');

    await partLink(page, /Theo dõi hằng tháng/).click();
    await page.locator('input[id$="-date"]').first().fill('2022-11-30');
    await page.locator('textarea[id$="-note"]').first().fill('Đã đọc xong hai nghị quyết');
    await page.getByRole('button', { name: 'Ghi nhận lần theo dõi cho biện pháp 1' }).click();
    await expect(page.locator('.checkins').first()).toContainText('30/11/2022 — Đang làm: Đã đọc xong hai nghị quyết');
    await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận lần theo dõi ngày 30/11/2022' })).toBeVisible();
    await waitUntilSaved(page);
    await page.reload();
    await expect(page.locator('.checkins').first()).toContainText('Đã đọc xong hai nghị quyết');

    await page.goto('/tu-soi/');
    await page.getByRole('button', { name: 'Xóa bản “6 tháng đầu năm 2022”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa hẳn' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã xóa' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: '6 tháng đầu năm 2022' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 3, name: 'Cuối năm 2022' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 3, name: '6 tháng đầu năm 2022' })).toHaveCount(0);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

/** Presses Tab until the focused element matches, as a keyboard user would move through the page. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let count = 0; count < limit; count += 1) {
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the whole review can be done with the keyboard alone', async ({ page }) => {
  await page.goto('/tu-soi/');
  await tabTo(page, '#new-period');
  await page.keyboard.type('Cuối năm 2022');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Tự soi' })).toBeFocused();

  for (const [index, itemId] of itemIds.entries()) {
    await tabTo(page, `input[name="item-${itemId}-assessment"]`);
    if (index % 9 === 0) {
      // Arrow keys move through a radio group and select: none → risk → some.
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(page.locator(`#item-${itemId}-some`)).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(page.locator(`#item-${itemId}-observed`)).toBeFocused();
      await page.keyboard.type('Còn chậm đổi mới');
      await tabTo(page, 'button.add-linked-action');
      await page.keyboard.press('Enter');
      await expect(page.locator(`textarea[id$="-what-inline"]`).last()).toBeFocused();
      await page.keyboard.type(`Khắc phục ${itemId}`);
    } else {
      await page.keyboard.press('Space');
      await expect(page.locator(`#item-${itemId}-none`)).toBeChecked();
    }
  }
  await expect(page.locator('.progress-text')).toHaveText('27/27 đã tự soi');

  // To the plan through the tab list: Shift+Tab walks back up the page.
  for (let count = 0; count < 400; count += 1) {
    if (await page.evaluate(() => document.activeElement?.matches('a[href$="/ke-hoach"]') ?? false)) break;
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Kế hoạch khắc phục' })).toBeFocused();
  await tabTo(page, 'input[id$="-deadline"]');
  // 12/12/2022 reads the same whether the browser orders the fields day-first or month-first.
  await page.keyboard.type('12122022');

  // Delete one action with the confirmation dialog, keyboard only; focus lands on a neighbour.
  const removeButtons = page.locator('button.remove-action');
  await expect(removeButtons).toHaveCount(3);
  await tabTo(page, 'fieldset:nth-of-type(2) button.remove-action', 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Không, giữ lại' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('textarea[id$="-what"]')).toHaveCount(2);
  await expect(page.locator('legend:focus')).toHaveText(/Biện pháp 2/);
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.locator('textarea[id$="-what"]')).toHaveCount(2);
  await expect(page.locator('input[id$="-deadline"]').first()).toHaveValue('2022-12-12');
});

test('axe finds nothing on the empty list, an open review and the plan view', async ({ page }) => {
  // Five axe scans, one of a page with 27 items: slow on a shared machine.
  test.slow();
  await page.goto('/tu-soi/');
  await expect(page.getByText('Chưa có bản tự soi nào trên thiết bị này.')).toBeVisible();
  await expectNoAxeViolations(page);

  await createReview(page, 'Kỳ kiểm tra', { navigate: false });
  await fillItem(page, 'I-1', { level: 'clear' });
  await page.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 1' }).click();
  await expectNoAxeViolations(page);

  await partLink(page, 'Kế hoạch khắc phục').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kế hoạch khắc phục' })).toBeVisible();
  await expectNoAxeViolations(page);

  await partLink(page, /Theo dõi hằng tháng/).click();
  await expectNoAxeViolations(page);
  await partLink(page, 'Thông tin').click();
  await expectNoAxeViolations(page);
});

test('the review fits a 360 px phone at the largest text size', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await createReview(page, 'Kỳ điện thoại');
  // On a phone the text size sits behind its own small button in the header.
  await page.getByRole('button', { name: 'Cỡ chữ', exact: true }).click();
  await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
  await page.locator('#item-I-1-clear').check();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a second tab sees changes instead of overwriting them', async ({ context }) => {
  const first = await context.newPage();
  await createReview(first, 'Kỳ hai thẻ');
  const url = first.url();
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.locator('.progress-text')).toHaveText('0/27 đã tự soi');

  await first.locator('#item-I-1-none').check();
  await waitUntilSaved(first);

  await expect(second.locator('#item-I-1-none')).toBeChecked();
  await expect(second.locator('.save-status')).toContainText('Đã cập nhật theo thẻ khác');
});

test('text typed in decomposed form is stored in NFC', async ({ page }) => {
  await createReview(page, 'Kỳ NFD');
  await page.locator('#item-I-1-some').check();
  const nfd = 'Tự soi, tự sửa'.normalize('NFD');
  await page.locator('#item-I-1-observed').fill(nfd);
  await waitUntilSaved(page);
  const stored = JSON.stringify((await readRawDatabase(page))['reviews']);
  expect(stored).toContain('Tự soi, tự sửa'.normalize('NFC'));
  expect(stored).not.toContain(nfd);
});

test('with IndexedDB unavailable the member is told nothing will be kept, and can still work', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/tu-soi/');
  await expect(page.getByRole('alert')).toContainText('khi đóng trang mọi điều đã ghi sẽ mất');
  await createReview(page, 'Kỳ tạm', { navigate: false });
  await fillItem(page, 'I-1', { level: 'none' });
  await expect(page.locator('.save-status')).toContainText('chỉ tạm trong trang này');
});
