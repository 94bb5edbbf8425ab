/** The published guidance: every page accessible, no external requests, no JavaScript on content pages. */
import { expect, test } from '@playwright/test';
import { builtPages, expectNoAxeViolations, recordRequests } from './helpers';

const pages = builtPages();
// The self-review tool and the search page run scripts; every other page is plain HTML and CSS.
const contentPages = pages.filter((path) => !path.startsWith('/tu-soi/') && !path.startsWith('/tim-kiem/'));

test('the build has the pages the site promises', () => {
  for (const path of [
    '/',
    '/van-ban/',
    '/rieng-tu/',
    '/tu-soi/',
    '/404.html',
    '/van-ban/nghi-quyet-04-nq-tw/',
    '/van-ban/ket-luan-21-kl-tw/',
  ]) {
    expect(pages).toContain(path);
  }
});

for (const path of pages) {
  test(`${path} has no accessibility violations and loads nothing from other origins`, async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('h1')).toHaveCount(1);
    if (path.startsWith('/tu-soi/')) await expect(page.getByRole('heading', { name: 'Các bản tự soi của tôi' })).toBeVisible();
    await expectNoAxeViolations(page);

    const origin = new URL(baseURL ?? '').origin;
    expect(requests.filter((request) => new URL(request.url).origin !== origin && !request.url.startsWith('data:'))).toEqual([]);
    if (contentPages.includes(path)) {
      expect(requests.filter((request) => request.type === 'script')).toEqual([]);
    }
  });
}

test('a document page shows symbol, date, issuer, status, a summary label and where the official text is', async ({ page }) => {
  await page.goto('/van-ban/ket-luan-21-kl-tw/');
  const meta = page.locator('dl.meta');
  await expect(meta).toContainText('21-KL/TW');
  await expect(meta).toContainText('ngày 25 tháng 10 năm 2021');
  await expect(meta).toContainText('Ban Chấp hành Trung ương');
  await expect(meta).toContainText('Hiệu lực');
  await expect(page.getByRole('heading', { name: /Tóm tắt của trang/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /tulieuvankien/ }).first()).toHaveAttribute(
    'href',
    'https://tulieuvankien.dangcongsan.vn/',
  );
  await expect(page.getByRole('navigation', { name: 'Mục lục' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Văn bản (trước|sau)/ }).first()).toBeVisible();
});

test('a document whose date is unknown says so instead of inventing one', async ({ page }) => {
  await page.goto('/van-ban/huong-dan-thuc-hanh/');
  await expect(page.locator('dl.meta')).toContainText('chưa rõ ngày');
  await page.goto('/van-ban/huong-dan-40-hd-btgtu/');
  await expect(page.locator('dl.meta')).toContainText('năm 2022 (chưa rõ ngày)');
});

test('the Nghị quyết 04 page lists 27 manifestations in three groups of nine, labelled as summaries', async ({ page }) => {
  await page.goto('/van-ban/nghi-quyet-04-nq-tw/');
  const groups = page.locator('.checklist-group');
  await expect(groups).toHaveCount(3);
  for (let index = 0; index < 3; index += 1) await expect(groups.nth(index).locator('.checklist-item')).toHaveCount(9);
  await expect(page.locator('#bieu-hien-I-5')).toContainText('Biểu hiện 5 (nhóm I) · số 5/27');
  await expect(page.locator('#bieu-hien-III-9')).toContainText('số 27/27');
  await expect(page.locator('.checklist-item__source').first()).toContainText('Tóm tắt của trang');
});

test('the document list groups documents by kind', async ({ page }) => {
  await page.goto('/van-ban/');
  await expect(page.getByRole('heading', { level: 2, name: 'Nghị quyết' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Quy định' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kết luận 21-KL/TW' })).toBeVisible();
});

test('the text size can be enlarged and is remembered on the device', async ({ page }) => {
  await page.goto('/van-ban/');
  const before = await page
    .locator('main p')
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xl');
  await expect(page.getByRole('button', { name: 'Cỡ chữ rất lớn' })).toHaveAttribute('aria-pressed', 'true');
  const after = await page
    .locator('main p')
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(after).toBeGreaterThan(before * 1.3);

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xl');
});

test('pages fit a 360 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/van-ban/', '/van-ban/nghi-quyet-04-nq-tw/', '/rieng-tu/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('an unknown address shows the Vietnamese 404 page', async ({ page }) => {
  const response = await page.goto('/khong-co-trang-nay/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
});

test('every link between pages leads to a page that exists', async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const targets = new Set<string>();
  for (const path of contentPages) {
    await page.goto(path);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin === origin) targets.add(url.pathname);
    }
  }
  expect(targets.size).toBeGreaterThan(10);
  for (const target of targets) {
    expect((await request.get(target)).status(), target).toBe(200);
  }
});
