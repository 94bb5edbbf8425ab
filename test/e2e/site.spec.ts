/** The published guidance: every page accessible, no external requests, no JavaScript on content pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, expectNoAxeViolations, recordRequests } from './helpers';

const pages = builtPages();
// The self-review tool and the search page run scripts; every other page is plain HTML and CSS.
// The tools (self-review, paper forms, branch workspace) and search load script; every other page ships none.
const contentPages = pages.filter((path) => !['/tu-soi/', '/tim-kiem/', '/chi-bo/'].some((tool) => path.startsWith(tool)));

test('the build has the pages the site promises', () => {
  for (const path of [
    '/',
    '/van-ban/',
    '/rieng-tu/',
    '/tu-soi/',
    '/404.html',
    '/van-ban/nghi-quyet-04-nq-tw/',
    '/van-ban/ket-luan-21-kl-tw/',
    '/van-ban/cam-nang-bi-thu-chi-bo/',
    '/van-ban/cau-hoi-thuong-gap/',
    '/van-ban/thuat-ngu/',
    '/van-ban/tu-soi-den-kiem-diem-cuoi-nam/',
    '/van-ban/huong-dan-43-hd-btctw/',
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
    if (path === '/tu-soi/') await expect(page.getByRole('heading', { name: 'Các bản tự soi của tôi' })).toBeVisible();
    await expectNoAxeViolations(page);

    const origin = new URL(baseURL ?? '').origin;
    expect(requests.filter((request) => new URL(request.url).origin !== origin && !request.url.startsWith('data:'))).toEqual([]);
    if (contentPages.includes(path)) {
      expect(requests.filter((request) => request.type === 'script')).toEqual([]);
    }
  });
}

test('a document page shows symbol, date, issuer, a summary label and where the official text is', async ({ page }) => {
  await page.goto('/van-ban/ket-luan-21-kl-tw/');
  const meta = page.locator('dl.meta');
  await expect(meta).toContainText('21-KL/TW');
  await expect(meta).toContainText('ngày 25 tháng 10 năm 2021');
  await expect(meta).toContainText('Ban Chấp hành Trung ương');
  // No specific doubt about Kết luận 21, so no status that reads as one.
  await expect(meta).not.toContainText('Hiệu lực');
  await expect(page.getByRole('heading', { name: /Tóm tắt của trang/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /tulieuvankien/ }).first()).toHaveAttribute(
    'href',
    'https://tulieuvankien.dangcongsan.vn/',
  );
  await expect(page.getByRole('navigation', { name: 'Mục lục' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Trang (trước|sau)/ }).first()).toBeVisible();
});

test('the status shows only where it matters: a specific doubt, never on Nghị quyết 04', async ({ page }) => {
  await page.goto('/van-ban/quy-dinh-37-qd-tw/');
  await expect(page.locator('dl.meta')).toContainText('Hiệu lực');
  await expect(page.locator('dl.meta')).toContainText('nguồn công khai năm 2026');
  await page.goto('/van-ban/nghi-quyet-04-nq-tw/');
  await expect(page.locator('dl.meta')).not.toContainText('Hiệu lực');
  await expect(page.locator('main')).not.toContainText('Chưa xác minh được hiệu lực');
});

/** Slugs of the pages the site writes itself (origin "site" or "digest" in their frontmatter). */
const ownPages = readdirSync(join(import.meta.dirname, '..', '..', 'content', 'documents'))
  .filter((name) =>
    /^origin: "(site|digest)"$/m.test(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'documents', name), 'utf8')),
  )
  .map((name) => name.replace(/\.mdx$/, ''));

test('the site’s own pages and digests show who compiled them and when, never an issuing body', async ({ page }) => {
  expect(ownPages.length).toBeGreaterThanOrEqual(6);
  for (const slug of ownPages) {
    await page.goto(`/van-ban/${slug}/`);
    const meta = page.locator('dl.meta');
    await expect(meta, slug).toContainText('Biên soạn');
    await expect(meta, slug).toContainText('Cập nhật');
    await expect(page.locator('main'), slug).not.toContainText('Cơ quan ban hành');
    await expect(page.locator('main'), slug).not.toContainText('Ngày ban hành');
  }
  await page.goto('/van-ban/bao-cao-ket-qua-2022/');
  await expect(page.locator('dl.meta')).toContainText('Dựa trên');
});

test('the new pages are linked from the home page and the document list', async ({ page }) => {
  for (const start of ['/', '/van-ban/']) {
    await page.goto(start);
    for (const name of ['Cẩm nang cho bí thư chi bộ', 'Câu hỏi thường gặp', 'Thuật ngữ', 'Từ tự soi đến kiểm điểm cuối năm']) {
      await expect(page.getByRole('link', { name, exact: true }).first(), `${start}: ${name}`).toBeVisible();
    }
  }
});

test('the handbook’s outline of the báo cáo đề dẫn has the five sections and the branch signature', async ({ page }) => {
  await page.goto('/van-ban/cam-nang-bi-thu-chi-bo/#dan-y-bao-cao-de-dan');
  const headings = await page.locator('main h3').allTextContents();
  expect(headings.map((text) => text.replace('#', '').trim().split('.')[0])).toEqual(
    expect.arrayContaining(['I', 'II', 'III', 'IV', 'V']),
  );
  await expect(page.locator('main')).toContainText('T/M CHI BỘ');
  await expect(page.locator('main')).toContainText('BÍ THƯ');
});

test('heading anchors are written without diacritics and every link to a section finds it', async ({ page }) => {
  for (const path of contentPages.filter((candidate) => candidate.startsWith('/van-ban/') || candidate === '/rieng-tu/')) {
    await page.goto(path);
    const ids = await page.locator('main :is(h2, h3, h4)[id]').evaluateAll((headings) => headings.map((heading) => heading.id));
    for (const id of ids) expect(id, path).toMatch(/^[A-Za-z0-9-]+$/);
    const fragments = await page
      .locator('main a[href*="#"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href)));
    for (const url of fragments) {
      if (url.pathname !== new URL(page.url()).pathname) continue;
      const id = decodeURIComponent(url.hash.slice(1));
      await expect(page.locator(`[id="${id}"]`), `${path} → #${id}`).toHaveCount(1);
    }
  }
});

test('a document whose date is unknown says so instead of inventing one', async ({ page }) => {
  await page.goto('/van-ban/huong-dan-40-hd-btgtu/');
  await expect(page.locator('dl.meta')).toContainText('Ngày ban hànhchưa rõ ngày');
});

test('the Nghị quyết 04 page lists 27 manifestations in three groups of nine, labelled as summaries', async ({ page }) => {
  await page.goto('/van-ban/nghi-quyet-04-nq-tw/');
  const groups = page.locator('.checklist-group');
  await expect(groups).toHaveCount(3);
  for (let index = 0; index < 3; index += 1) await expect(groups.nth(index).locator('.checklist-item')).toHaveCount(9);
  await expect(page.locator('#bieu-hien-I-5')).toContainText('Biểu hiện 5 (nhóm I) · thứ 5/27');
  await expect(page.locator('#bieu-hien-III-9')).toContainText('thứ 27/27');
  // One notice for the whole list instead of a label on each of the 27 items.
  await expect(page.locator('.checklist__notice')).toContainText('lời tóm tắt của trang, không phải nguyên văn');
  await expect(page.locator('.checklist-item__source')).toHaveCount(0);
});

test('the Nghị quyết 04 page: items first, notes folded at the bottom, then the way to start', async ({ page }) => {
  await page.goto('/van-ban/nghi-quyet-04-nq-tw/');
  const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;
  expect(await top('.checklist')).toBeLessThan(await top('#tom-tat'));
  const notes = page.locator('details.checklist-notes');
  await expect(notes).not.toHaveAttribute('open');
  expect(await top('details.checklist-notes')).toBeGreaterThan(await top('.prose'));
  const start = page.getByRole('link', { name: 'Bắt đầu tự soi' }).last();
  expect(await top('main a.button--primary')).toBeGreaterThan(await top('details.checklist-notes'));
  await start.click();
  await expect(page).toHaveURL(/\/tu-soi\/$/);
});

test('exactly the eight keyword-only items carry the note on the Nghị quyết 04 page', async ({ page }) => {
  await page.goto('/van-ban/nghi-quyet-04-nq-tw/');
  const marked = await page
    .locator('.checklist-item', { has: page.locator('.checklist-item__unverified') })
    .evaluateAll((items) => items.map((item) => item.id));
  expect(marked).toEqual(['I-7', 'I-8', 'I-9', 'II-2', 'II-6', 'II-7', 'II-8', 'II-9'].map((id) => `bieu-hien-${id}`));
  await expect(page.locator('#bieu-hien-II-9 .checklist-item__unverified')).toBeVisible();
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
  for (const path of [
    '/',
    '/van-ban/',
    '/van-ban/nghi-quyet-04-nq-tw/',
    '/rieng-tu/',
    '/van-ban/cam-nang-bi-thu-chi-bo/',
    '/van-ban/thuat-ngu/',
  ]) {
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
