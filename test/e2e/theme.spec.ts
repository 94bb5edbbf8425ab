/** Reading comfort in the dark theme that follows the system setting: AA contrast everywhere (axe). */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

test.use({ colorScheme: 'dark' });

const pages = [
  { path: '/', ready: 'h1' },
  { path: '/van-ban/nghi-quyet-04-nq-tw/', ready: '#bieu-hien-III-9' },
  { path: '/tim-kiem/?q=tu+soi', ready: '.search-result mark' },
  { path: '/tu-soi/', ready: 'text=Các bản tự soi của tôi' },
];

for (const { path, ready } of pages) {
  test(`${path} in the dark theme has no accessibility violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    await expect(page.locator(ready).first()).toBeVisible();
    // The dark palette is really in use (not the light one with a dark system setting ignored).
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(22, 21, 20)');
    await expectNoAxeViolations(page);
  });
}

test('the largest text size in the dark theme still passes axe on the search page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/tim-kiem/?q=dang+vien');
  await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
  await expect(page.locator('.search-result mark').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
