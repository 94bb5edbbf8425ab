/**
 * Text typed just before a reload or a tab close is kept: the page-hide path starts its IndexedDB
 * write synchronously. Each delay is tried 10 times; every run must keep the text (a loop, not a
 * timing assertion).
 */
import { expect, test, type Page } from '@playwright/test';

const RUNS = 10;
const DELAYS_MS = [0, 100, 200];

async function createReview(page: Page, period: string): Promise<string> {
  await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill(period);
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  await page.locator('#item-I-1-some').check();
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  return page.url();
}

/** Types `text` ending with a real key press, the "last keystroke". */
async function typeEnding(page: Page, text: string): Promise<void> {
  const field = page.locator('#item-I-1-observed');
  await field.fill(text.slice(0, -1));
  await field.press(text.slice(-1));
}

for (const delay of DELAYS_MS) {
  test(`a reload ${delay} ms after the last keystroke keeps the text, ${RUNS} of ${RUNS} times`, async ({ page }) => {
    test.setTimeout(120_000);
    await createReview(page, `Kỳ tải lại ${delay}`);
    const kept: string[] = [];

    for (let run = 0; run < RUNS; run += 1) {
      const text = `Lần ${run}: tải lại sau ${delay} ms.`;
      await typeEnding(page, text);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      await expect(page.locator('#item-I-1-observed')).toBeVisible();
      const value = await page.locator('#item-I-1-observed').inputValue();
      kept.push(value === text ? 'kept' : `lost: "${value}" instead of "${text}"`);
    }

    expect(kept).toEqual(Array.from({ length: RUNS }, () => 'kept'));
  });

  test(`closing the tab ${delay} ms after the last keystroke keeps the text, ${RUNS} of ${RUNS} times`, async ({ context }) => {
    test.setTimeout(180_000);
    let page = await context.newPage();
    const url = await createReview(page, `Kỳ đóng thẻ ${delay}`);
    const kept: string[] = [];

    for (let run = 0; run < RUNS; run += 1) {
      const text = `Lần ${run}: đóng thẻ sau ${delay} ms.`;
      await typeEnding(page, text);
      if (delay > 0) await page.waitForTimeout(delay);
      await page.close();
      page = await context.newPage();
      await page.goto(url);
      await expect(page.locator('#item-I-1-observed')).toBeVisible();
      const value = await page.locator('#item-I-1-observed').inputValue();
      kept.push(value === text ? 'kept' : `lost: "${value}" instead of "${text}"`);
    }

    expect(kept).toEqual(Array.from({ length: RUNS }, () => 'kept'));
  });
}
