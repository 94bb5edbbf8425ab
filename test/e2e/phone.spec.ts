/** The member's job on a 360 × 780 phone at the largest text size: where am I, is it saved, what next. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

const viewport = { width: 360, height: 780 };
const itemIds = ['I', 'II', 'III'].flatMap((group) => Array.from({ length: 9 }, (_, index) => `${group}-${index + 1}`));

test.use({ viewport, serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('tsts:text-size', 'xl'));
});

async function createReview(page: Page, period: string): Promise<void> {
  await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill(period);
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tự soi' })).toBeFocused();
}

/** The element's box relative to the viewport. */
async function box(locator: Locator): Promise<{ top: number; bottom: number; width: number; height: number }> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, width: rect.width, height: rect.height };
  });
}

async function expectHeadingLanded(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 2, name });
  await expect(heading).toBeFocused();
  const { top } = await box(heading);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThanOrEqual(viewport.height * 0.25);
}

async function expectBoxesAtLeast24px(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')]
      .filter((input) => input.getClientRects().length > 0)
      .map((input) => {
        const rect = input.getBoundingClientRect();
        return { id: input.id, width: rect.width, height: rect.height };
      })
      .filter((rect) => rect.width < 24 || rect.height < 24),
  );
  expect(small).toEqual([]);
}

test('the sticky bar shows progress and the saved state at item 27, and "Tiếp" lands on the next part', async ({ page }) => {
  // 27 answers and three axe scans of long pages: slow on a shared machine.
  test.slow();
  await createReview(page, 'Kỳ điện thoại');
  await expectBoxesAtLeast24px(page);
  for (const id of itemIds) await page.locator(`label[for="item-${id}-none"]`).click();

  const bar = page.locator('.sticky-bar');
  await expect(page.locator('#item-III-9')).toBeInViewport();
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText('27/27');
  await expect(bar.locator('.save-status')).toContainText(/Đã lưu lúc \d{2}:\d{2}/);
  const barBox = await box(bar);
  expect(barBox.bottom).toBeLessThanOrEqual(viewport.height + 1);
  await expectNoAxeViolations(page);

  await bar.getByRole('link', { name: /^Tiếp/ }).click();
  await expectHeadingLanded(page, 'Ưu điểm, cam kết');

  // The end of every part offers the next one too.
  await page.getByRole('link', { name: 'Tiếp theo: Kế hoạch khắc phục →' }).click();
  await expectHeadingLanded(page, 'Kế hoạch khắc phục');
  await expectNoAxeViolations(page);

  // The compact stepper moves between parts and lands the same way.
  const stepper = page.getByRole('navigation', { name: 'Các phần của bản tự soi' });
  await expect(page.getByText('Bước 4/8')).toBeVisible();
  expect((await box(stepper)).height).toBeLessThanOrEqual(60);
  await stepper.getByRole('link', { name: 'In, lưu PDF' }).click();
  await expectHeadingLanded(page, 'In, lưu PDF');
  await expectBoxesAtLeast24px(page);
  await expectNoAxeViolations(page);
});

test('the header takes at most a quarter of the screen; search and text size open on demand', async ({ page }) => {
  for (const path of ['/', '/tu-soi/', '/van-ban/nghi-quyet-04-nq-tw/']) {
    await page.goto(path);
    expect((await box(page.locator('.site-header'))).height, path).toBeLessThanOrEqual(viewport.height * 0.25);
  }
  await page.goto('/');
  await expect(page.getByRole('searchbox')).toBeHidden();
  await page.getByRole('link', { name: 'Tìm kiếm' }).click();
  await expect(page.getByRole('searchbox', { name: 'Tìm trong văn bản và 27 biểu hiện' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.type('dang vien');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\/\?q=dang\+vien/);

  await page.goto('/');
  await page.getByRole('button', { name: 'Cỡ chữ', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Cỡ chữ rất lớn' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Cỡ chữ vừa' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'md');
  await expectNoAxeViolations(page);
});

test('the print view opens as a view of its own, with Quay lại, and never breaks a date across lines', async ({ page }) => {
  await createReview(page, 'Cuối năm 2022');
  await page.locator('label[for="item-I-1-clear"]').click();
  await page.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 1' }).click();
  await page.locator('textarea[id$="-what-inline"]').fill('Đọc lại nghị quyết và ghi chép');
  const parts = page.getByRole('navigation', { name: 'Các phần của bản tự soi' });
  await parts.getByRole('link', { name: 'Kế hoạch khắc phục' }).click();
  await page.locator('input[id$="-deadline"]').fill('2027-12-31');
  await parts.getByRole('link', { name: 'In, lưu PDF' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Chưa ghi họ và tên' })).toBeVisible();

  await page.getByRole('button', { name: /Xem bản in/ }).click();
  await expect(page.locator('#print-view-title')).toBeFocused();
  await expect(page.getByRole('button', { name: '← Quay lại' })).toBeVisible();
  await expect(parts).toBeHidden();
  await expect(page.locator('.print-view')).toContainText('31/12/2027');
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll('.print-view__nowrap')]
      .map((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        return { text: element.textContent, lines: lines.size };
      })
      .filter((entry) => entry.lines > 1),
  );
  expect(broken).toEqual([]);
  expect(await page.locator('.print-view__nowrap').count()).toBeGreaterThanOrEqual(2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '← Quay lại' }).click();
  await expect(page.getByRole('button', { name: /Xem bản in/ })).toBeFocused();
});
