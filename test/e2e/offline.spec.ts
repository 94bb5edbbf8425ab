/** Offline: after one visit the service worker has everything; with the network cut every page, search, the self-review and its PDF work. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { builtPages, createReview, fillItem, waitUntilSaved } from './helpers';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** First visit, wait until the service worker is active (its install step precached the site), then cut the network. */
async function visitThenGoOffline(page: Page, context: BrowserContext): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
  });
  await context.setOffline(true);
}

/** Every URL the service worker keeps, as site paths ("/van-ban/x/index.html", "/_astro/…"). */
async function precachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });
}

test('every built page opens with the network cut after a first visit', async ({ page, context }) => {
  await visitThenGoOffline(page, context);
  for (const path of builtPages()) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.fromServiceWorker(), path).toBe(true);
    await expect(page.locator('h1'), path).toHaveCount(1);
  }
});

test('search works offline, accent-free', async ({ page, context }) => {
  await visitThenGoOffline(page, context);
  await page.goto('/tim-kiem/?q=kiem+diem');
  await expect(page.getByRole('status')).toContainText('Tìm thấy');
  await expect(page.locator('.search-result a').first()).toHaveAttribute('href', '/van-ban/quy-dinh-366-qd-tw/');
});

test('offline, a review can be created, answered, kept across a reload and exported as PDF', async ({ page, context }) => {
  await visitThenGoOffline(page, context);
  await createReview(page, 'Năm 2022, không có mạng');
  await fillItem(page, 'I-1', { level: 'some', observed: 'Còn ngại phát biểu trong sinh hoạt chi bộ' });
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.locator('#item-I-1-some')).toBeChecked();
  await expect(page.locator('#item-I-1-observed')).toHaveValue('Còn ngại phát biểu trong sinh hoạt chi bộ');

  // The PDF needs jsPDF and the fonts, both fetched on demand: they must come from the precache.
  await page.goto(page.url().replace(/\/[a-z-]+$/, '/in')); // the tool's hash route: #/ban/<id>/in
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^(Tải bản PDF|Tạo tệp PDF)$/ }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the precache holds the pages, the search index, the PDF fonts and jsPDF, but not its unused helpers', async ({
  page,
  context,
}) => {
  await visitThenGoOffline(page, context);
  const cached = await precachedPaths(page);
  const listed = (folder: string) => readdirSync(join(dist, folder)).map((name) => `/${folder}/${name}`);

  expect(cached).toEqual(expect.arrayContaining(['/index.html', '/tu-soi/index.html', '/tim-kiem/index.html', '/404.html']));
  expect(cached).toEqual(expect.arrayContaining(listed('fonts').filter((path) => path.endsWith('.ttf'))));
  expect(cached).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js']));
  expect(cached.filter((path) => path.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(30);

  // jsPDF's optional html2canvas, canvg and DOMPurify chunks are built but never precached; every other script is.
  const optional = /^\/_astro\/(html2canvas|purify|index\.es|canvg)/;
  const scripts = listed('_astro').filter((path) => path.endsWith('.js'));
  expect(cached.filter((path) => optional.test(path))).toEqual([]);
  expect(cached).toEqual(expect.arrayContaining(scripts.filter((path) => !optional.test(path))));
});

test('the web app manifest makes the site installable in Vietnamese, with its own icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = (await (await request.get(href ?? '')).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: 'Tự soi, tự sửa',
    short_name: 'Tự soi, tự sửa',
    lang: 'vi',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#a51d17',
  });
  const icons = manifest['icons'] as { src: string; sizes: string; purpose: string }[];
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of icons) expect((await request.get(`/${icon.src}`)).headers()['content-type']).toContain('image/png');
});

test('offline, an unknown address or one without its trailing slash shows the site’s 404 page', async ({ page, context }) => {
  await visitThenGoOffline(page, context);
  for (const path of ['/khong-co-trang-nay/', '/tu-soi']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mở phần tự soi của tôi' })).toBeVisible();
  }
});
