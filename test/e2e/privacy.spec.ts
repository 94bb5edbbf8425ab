/** Nothing leaves the device: a Content-Security-Policy on every page, and a full session's request log. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, createReview, fillItem } from './helpers';

/** A part of the open review, through the parts' navigation (the "Tiếp" links name parts too). */
function partLink(page: Page, name: string | RegExp) {
  return page.getByRole('navigation', { name: 'Các phần của bản tự soi' }).getByRole('link', { name });
}

for (const path of builtPages()) {
  test(`${path} carries a same-origin Content-Security-Policy without unsafe-inline scripts`, async ({ page }) => {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toMatch(/https?:/);
  });
}

test('the policy blocks an injected inline script', async ({ page }) => {
  await page.goto('/van-ban/');
  const blocked = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violation: string }>((resolve) => {
        let violation = '';
        document.addEventListener('securitypolicyviolation', (event) => {
          violation = event.violatedDirective;
        });
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.body.append(script);
        setTimeout(() => resolve({ ran: (window as unknown as { __injected?: boolean }).__injected === true, violation }), 200);
      }),
  );
  expect(blocked.ran).toBe(false);
  expect(blocked.violation).toMatch(/^script-src/);
});

test('a full session (fill, save, PDF, backup, restore) makes only same-origin GET requests for static files', async ({
  context,
  page,
  baseURL,
}) => {
  const requests: { url: string; method: string }[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));

  await page.goto('/');
  await page.getByRole('link', { name: 'Bắt đầu tự soi' }).click();
  await createReview(page, 'Kỳ kiểm tra mạng', { navigate: false });
  await fillItem(page, 'II-5', { level: 'some', observed: '<em>Ít</em> xuống cơ sở' });
  await page.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 14' }).click();
  await page.locator('textarea[id$="-what-inline"]').fill('Mỗi tháng xuống cơ sở hai lần');
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  // The typed markup is text on screen, not an element.
  await expect(page.locator('#item-II-5-observed')).toHaveValue('<em>Ít</em> xuống cơ sở');
  await expect(page.locator('em', { hasText: 'Ít' })).toHaveCount(0);

  await partLink(page, 'In, lưu PDF').click();
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bản PDF' }).click();
  await pdf;

  await page.goto('/tu-soi/');
  await page.getByRole('button', { name: 'Mở phần sao lưu, khôi phục, khóa và xóa dữ liệu' }).click();
  const backup = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu bản sao', exact: true }).click();
  const text = readFileSync(await (await backup).path(), 'utf8');
  await page
    .getByLabel('Chọn tệp sao lưu (.json)')
    .setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('.restore-preview')).toContainText('Giống hệt bản trên máy');

  const origin = new URL(baseURL ?? '').origin;
  const outside = requests.filter((request) => !request.url.startsWith('blob:') && new URL(request.url).origin !== origin);
  expect(outside).toEqual([]);
  expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
  expect(requests.length).toBeGreaterThan(5);
});
