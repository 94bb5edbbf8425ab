/** Search: accent-free Vietnamese, symbols, checklist items, keyboard, no folded text shown, no script before use. */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, recordRequests } from './helpers';

interface Result {
  href: string;
  title: string;
  meta: string;
  excerpt: string;
  marks: string[];
}

/** Opens the search page for a query and returns the results once the status line reports them. */
async function searchFor(page: Page, query: string): Promise<Result[]> {
  await page.goto(`/tim-kiem/?q=${encodeURIComponent(query)}`);
  // A query with several "d" words runs several searches (queryVariants): allow a loaded machine time.
  await expect(page.getByRole('status')).toContainText(/Tìm thấy \d+ kết quả|Không tìm thấy/, { timeout: 20_000 });
  return page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      title: item.querySelector('a')?.textContent ?? '',
      meta: item.querySelector('.search-result__meta')?.textContent ?? '',
      excerpt: item.querySelector('.search-result__excerpt')?.textContent ?? '',
      marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
    })),
  );
}

/** What a reader types without accents: no marks, "đ" as "d". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

// Expected first results, chosen from the content: 366-QĐ/TW is the regulation on "kiểm điểm" (its
// title and eight mentions); the secretaries' handbook is the longest page about running "tự soi" in
// a branch (it outranks the practical guide since it exists); the year-end page is about what the
// "kế hoạch khắc phục" is used for (in its title and throughout).
const expectedFirst = [
  { typed: 'tu soi', accented: 'tự soi', url: '/van-ban/cam-nang-bi-thu-chi-bo/' },
  { typed: 'kiem diem', accented: 'kiểm điểm', url: '/van-ban/quy-dinh-366-qd-tw/' },
  { typed: 'khac phuc', accented: 'khắc phục', url: '/van-ban/tu-soi-den-kiem-diem-cuoi-nam/' },
  { typed: 'quy dinh 37', accented: 'quy định 37', url: '/van-ban/quy-dinh-37-qd-tw/' },
];

for (const { typed, accented, url } of expectedFirst) {
  test(`"${typed}" and "${accented}" both find ${url} first, with the real words highlighted`, async ({ page }) => {
    const plain = await searchFor(page, typed);
    expect(plain[0]?.href).toBe(url);
    // The highlighted words are the page's own accented words, which proves the page contains them.
    const highlighted = fold(plain[0]?.marks.join(' ') ?? '');
    for (const word of typed.split(' ').filter((word) => !/^\d+$/.test(word))) expect(highlighted).toContain(word);

    const withAccents = await searchFor(page, accented);
    expect(withAccents[0]?.href).toBe(url);
  });
}

test('"dang vien" finds the documents about đảng viên, in the same order as "đảng viên"', async ({ page }) => {
  const plain = await searchFor(page, 'dang vien');
  // Three documents name "đảng viên" in their title and rank within a few percent of each other:
  // the test asserts the property that matters, not a near tie.
  expect(plain[0]?.title).toContain('đảng viên');
  const accented = await searchFor(page, 'đảng viên');
  expect(plain.map((result) => result.href)).toEqual(accented.map((result) => result.href));
});

test('no excerpt shows the folded copy the index keeps for accent-free search', async ({ page }) => {
  for (const query of ['dang vien', 'kiem diem', 'quy dinh 37', 'dieu khong duoc lam']) {
    const results = await searchFor(page, query);
    expect(results.length, query).toBeGreaterThan(0);
    for (const result of results) {
      // Words that exist only in the folded copy ("đảng" → "dang") never appear in what is shown…
      expect(result.excerpt, `${query}: ${result.href}`).not.toMatch(/(^|[^\p{L}])(dang|vien|dieu|duoc|diem)(?![\p{L}\p{M}])/iu);
      // …and every highlight sits on a word of the page as written, never on a folded one.
      for (const mark of result.marks) {
        expect(mark.toLowerCase().replace(/\p{P}/gu, ''), `${query}: <mark>${mark}</mark>`).not.toMatch(
          /^(dang|vien|dieu|duoc|diem|dinh)$/,
        );
      }
    }
  }
});

for (const query of ['37-QĐ/TW', 'qd 37', 'QĐ37', '37 qd tw', 'quy định 37']) {
  test(`the symbol search "${query}" finds Quy định 37-QĐ/TW first`, async ({ page }) => {
    const results = await searchFor(page, query);
    expect(results[0]?.href).toBe('/van-ban/quy-dinh-37-qd-tw/');
    expect(results[0]?.meta).toBe('Quy định · 37-QĐ/TW');
  });
}

test('the symbol search "65-KH" finds Kế hoạch 65-KH/TU first', async ({ page }) => {
  const results = await searchFor(page, '65-KH');
  expect(results[0]?.href).toBe('/van-ban/ke-hoach-65-kh-tu/');
  expect(results[0]?.meta).toBe('Kế hoạch · 65-KH/TU');
});

test('a checklist item is a result of its own that opens at the item on the Nghị quyết 04 page', async ({ page }) => {
  const results = await searchFor(page, 'lang phi');
  expect(results[0]).toMatchObject({
    href: '/van-ban/nghi-quyet-04-nq-tw/#bieu-hien-II-6',
    title: 'Gây lãng phí, thất thoát',
    meta: 'Biểu hiện · 04-NQ/TW · Biểu hiện 6 (nhóm II) · thứ 15/27',
  });
  await page.getByRole('link', { name: 'Gây lãng phí, thất thoát' }).click();
  await expect(page).toHaveURL(/\/van-ban\/nghi-quyet-04-nq-tw\/#bieu-hien-II-6$/);
  await expect(page.locator('#bieu-hien-II-6')).toBeInViewport();
});

// The site's own pages are found too, typed the way members type: without accents.
const ownPagesFirst = [
  { typed: 'sao luu', url: '/rieng-tu/' },
  { typed: 'thuat ngu', url: '/van-ban/thuat-ngu/' },
  { typed: 'bao cao de dan', url: '/van-ban/cam-nang-bi-thu-chi-bo/' },
  { typed: 'cau hoi', url: '/van-ban/cau-hoi-thuong-gap/' },
];

for (const { typed, url } of ownPagesFirst) {
  test(`"${typed}" finds the site's own page ${url} first`, async ({ page }) => {
    const results = await searchFor(page, typed);
    expect(results[0]?.href).toBe(url);
  });
}

test('an item whose summary rests on keywords says so in the results; a confirmed one does not', async ({ page }) => {
  await searchFor(page, 'lang phi');
  const unverified = page.locator('.search-result').first();
  await expect(unverified.locator('.search-result__note')).toHaveText(/mới dựa vào từ khóa/);
  await searchFor(page, 'noi mot dang lam mot neo');
  const confirmed = page.locator('.search-result', { has: page.locator('a[href$="#bieu-hien-I-6"]') });
  await expect(confirmed).toHaveCount(1);
  await expect(confirmed.locator('.search-result__note')).toHaveCount(0);
});

test('the status line announces the count and says so when nothing is found', async ({ page }) => {
  await searchFor(page, 'kiem diem');
  await expect(page.getByRole('status')).toHaveText(/^Tìm thấy \d+ kết quả cho “kiem diem”\.$/);
  await searchFor(page, 'xyzzyqwv');
  await expect(page.getByRole('status')).toHaveText('Không tìm thấy kết quả nào cho “xyzzyqwv”. Hãy thử từ khác, ngắn hơn.');
  await expect(page.locator('.search-result')).toHaveCount(0);
});

test('keyboard: "/" focuses the search box, Enter searches, arrows move through results, Enter opens one', async ({ page }) => {
  await page.goto('/van-ban/');
  await page.keyboard.press('/');
  const headerBox = page.getByRole('searchbox', { name: 'Tìm trong văn bản và 27 biểu hiện' });
  await expect(headerBox).toBeFocused();
  // "/" typed inside the box is text, not the shortcut (symbols contain it).
  await page.keyboard.type('qd/tw');
  await expect(headerBox).toHaveValue('qd/tw');
  await headerBox.fill('kiem diem');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/tim-kiem\/\?q=kiem\+diem$/);
  await expect(page.getByRole('status')).toContainText('Tìm thấy');
  const box = page.getByRole('searchbox', { name: 'Tìm trong văn bản và 27 biểu hiện' });
  const links = page.locator('.search-result a');
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/van-ban\/quy-dinh-366-qd-tw\/$/);
});

test('results follow typing and keep the query in the address', async ({ page }) => {
  await page.goto('/tim-kiem/');
  await page.getByRole('searchbox').fill('65-KH');
  await expect(page.locator('.search-result a').first()).toHaveAttribute('href', '/van-ban/ke-hoach-65-kh-tu/');
  await expect(page).toHaveURL(/\?q=65-KH$/);
});

test('the search page with results passes axe and loads nothing from another origin', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await searchFor(page, 'tu soi');
  await expectNoAxeViolations(page);
  const origin = new URL(baseURL ?? '').origin;
  expect(requests.filter((request) => new URL(request.url).origin !== origin)).toEqual([]);
  expect(requests.some((request) => request.url.endsWith('/pagefind/pagefind.js'))).toBe(true);
});

test('a content page loads no script until the reader searches', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/van-ban/nghi-quyet-04-nq-tw/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((request) => request.type === 'script' || request.url.includes('/pagefind/'))).toEqual([]);

  await page.getByRole('searchbox').fill('tu soi');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByRole('status')).toContainText('Tìm thấy');
  expect(requests.some((request) => request.url.includes('/pagefind/pagefind.js'))).toBe(true);
});

test('the results grow with the text-size setting', async ({ page }) => {
  await searchFor(page, 'tu soi');
  const size = () =>
    page
      .locator('.search-result__excerpt')
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const before = await size();
  await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
  expect(await size()).toBeGreaterThan(before * 1.3);
});

test('the header search fits a 360 px phone at the largest text size', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/van-ban/');
  // On a phone, text size and search each sit behind a small button in the header.
  await page.getByRole('button', { name: 'Cỡ chữ', exact: true }).click();
  await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
  await page.getByRole('link', { name: 'Tìm kiếm' }).click();
  await expect(page.getByRole('searchbox')).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeFocused();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
