/**
 * Nothing typed is lost across tabs, reloads and the lock, in Chromium against the built site:
 * two tabs are two pages of one browser context (same IndexedDB, same BroadcastChannel).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

const PASSPHRASE = 'mật khẩu của thẻ một';

async function createReview(page: Page, period: string): Promise<string> {
  await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill(period);
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tự soi' })).toBeFocused();
  await page.locator('#item-I-1-some').check();
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  return page.url();
}

async function openDataPanel(page: Page): Promise<void> {
  await page.goto('/tu-soi/');
  await page.getByRole('button', { name: 'Mở phần sao lưu, khôi phục, khóa và xóa dữ liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Lưu bản sao ra tệp' })).toBeVisible();
}

async function enableLock(page: Page): Promise<void> {
  await openDataPanel(page);
  await page.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill(PASSPHRASE);
  await page.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
  await page.getByLabel('Tôi hiểu: quên mật khẩu thì không lấy lại được dữ liệu.').check();
  await page.getByRole('button', { name: 'Bật khóa', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã bật khóa' })).toBeVisible();
}

async function unlock(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Các bản tự soi đang được khóa' })).toBeVisible();
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('heading', { name: 'Các bản tự soi đang được khóa' })).toHaveCount(0);
}

/** A tab that never hears the other tabs (as when a notice arrives late): only the store's own checks protect it. */
async function deafTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    globalThis.BroadcastChannel = class {
      postMessage(): void {}
      addEventListener(): void {}
      close(): void {}
    } as unknown as typeof BroadcastChannel;
  });
  return page;
}

/** Every stored review record, straight from IndexedDB. */
async function rawReviews(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = indexedDB.open('tu-soi-tu-sua');
        request.onerror = () => reject(new Error('open failed'));
        request.onsuccess = () => {
          const all = request.result.transaction('reviews').objectStore('reviews').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve(all.result as Record<string, unknown>[]);
          };
        };
      }),
  );
}

test('lock turned off in one tab while another edits unlocked: the other keeps saving readable records', async ({ context }) => {
  const first = await context.newPage();
  const url = await createReview(first, 'Kỳ tắt khóa');
  await enableLock(first);
  const second = await deafTab(context);
  await second.goto(url);
  await unlock(second);

  // The first tab is still unlocked, on the data panel where it turned the lock on.
  await first.getByRole('button', { name: 'Tắt khóa', exact: true }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Đã tắt khóa' })).toBeVisible();
  await second.locator('#item-I-1-observed').fill('gõ ở thẻ hai sau khi tắt khóa');
  await expect(second.locator('.save-status')).toContainText(/Đã lưu lúc/);

  expect((await rawReviews(first)).every((record) => !('sealed' in record))).toBe(true);
  await first.goto('/tu-soi/');
  await first.getByRole('link', { name: 'Mở bản “Kỳ tắt khóa”' }).click();
  await expect(first.locator('#item-I-1-observed')).toHaveValue('gõ ở thẻ hai sau khi tắt khóa');
});

test('lock turned on in one tab: the other is asked for the passphrase at once', async ({ context }) => {
  const first = await context.newPage();
  const url = await createReview(first, 'Kỳ bật khóa');
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.locator('#item-I-1-observed')).toBeVisible();

  await enableLock(first);

  await expect(second.getByRole('heading', { name: 'Các bản tự soi đang được khóa' })).toBeVisible();
});

test('lock turned on in one tab while another types: its unsaved text survives and is saved after unlocking', async ({
  context,
}) => {
  const first = await context.newPage();
  const url = await createReview(first, 'Kỳ chữ chưa lưu');
  const second = await deafTab(context);
  await second.goto(url);
  await expect(second.locator('#item-I-1-observed')).toBeVisible();
  await enableLock(first);

  await second.locator('#item-I-1-observed').fill('chữ gõ sau khi thẻ kia khóa');
  await unlock(second);

  await expect(second.locator('#item-I-1-observed')).toHaveValue('chữ gõ sau khi thẻ kia khóa');
  await expect(second.locator('.save-status')).toContainText(/Đã lưu lúc/);
  await second.reload();
  await unlock(second);
  await expect(second.locator('#item-I-1-observed')).toHaveValue('chữ gõ sau khi thẻ kia khóa');
});

test('a confirmation open when another tab turns the lock on is cancelled: the passphrase form can be used', async ({
  context,
}) => {
  const first = await context.newPage();
  const url = await createReview(first, 'Kỳ có hộp thoại');
  await first.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 1' }).click();
  await first.locator('textarea[id$="-what-inline"]').fill('Việc cần làm');
  await expect(first.locator('.save-status')).toContainText(/Đã lưu lúc/);
  await first.goto(url.replace(/\/[a-z-]+$/, '/ke-hoach'));
  await first.getByRole('button', { name: 'Xóa biện pháp 1' }).click();
  await expect(first.getByRole('dialog', { name: 'Xóa biện pháp này?' })).toBeVisible();

  await enableLock(await context.newPage());
  await expect(first.getByRole('dialog')).toHaveCount(0);
  await unlock(first);
  await expect(first.getByRole('button', { name: 'Xóa biện pháp 1' })).toBeVisible();
});

test('erasing everything in one tab: the other says the data was erased', async ({ context }) => {
  const first = await context.newPage();
  const url = await createReview(first, 'Kỳ bị xóa');
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.locator('#item-I-1-observed')).toBeVisible();

  await openDataPanel(first);
  await first.getByRole('button', { name: 'Xóa mọi dữ liệu' }).click();
  await first.getByRole('dialog').getByRole('button', { name: 'Xóa hẳn mọi dữ liệu' }).click();
  await expect(first.getByText('Chưa có bản tự soi nào trên thiết bị này.')).toBeVisible();

  await expect(second.getByRole('alert')).toContainText('vừa bị xóa ở một thẻ khác');
  await expect(second.getByText('những gì đã lưu không mất')).toHaveCount(0);
});

test('two tabs editing different items both keep their edits', async ({ context }) => {
  const first = await context.newPage();
  const url = await createReview(first, 'Kỳ gộp');
  const second = await deafTab(context);
  await second.goto(url);
  await expect(second.locator('#item-I-1-observed')).toBeVisible();

  await first.locator('#item-I-1-observed').fill('thẻ một sửa mục 1');
  await expect(first.locator('.save-status')).toContainText(/Đã lưu lúc/);
  await second.locator('#item-I-2-some').check();
  await second.locator('#item-I-2-observed').fill('thẻ hai sửa mục 2');
  await expect(second.locator('.save-status')).toContainText(/Đã lưu lúc/);

  await first.reload();
  await expect(first.locator('#item-I-1-observed')).toHaveValue('thẻ một sửa mục 1');
  await expect(first.locator('#item-I-2-observed')).toHaveValue('thẻ hai sửa mục 2');
});

test('a failure to unlock that is not the passphrase is not called a wrong passphrase', async ({ context }) => {
  const first = await context.newPage();
  await createReview(first, 'Kỳ lỗi mở khóa');
  await enableLock(first);
  await first.reload();
  await first.evaluate(() => {
    crypto.subtle.deriveKey = () => Promise.reject(new DOMException('simulated', 'OperationError'));
  });

  await first.getByLabel('Mật khẩu', { exact: true }).fill(PASSPHRASE);
  await first.getByRole('button', { name: 'Mở khóa' }).click();

  await expect(first.getByRole('alert')).toContainText('không phải do mật khẩu');
});

test('the auto-lock reads its setting once per lock state, not on every render', async ({ context }) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
    const original = IDBObjectStore.prototype.get;
    (globalThis as unknown as { settingReads: number }).settingReads = 0;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (key === 'auto-lock-minutes') (globalThis as unknown as { settingReads: number }).settingReads += 1;
      return original.call(this, key);
    };
  });
  const url = await createReview(page, 'Kỳ tự khóa');
  await enableLock(page);
  await page.goto(url);
  await expect(page.locator('#item-I-1-observed')).toBeVisible();
  const before = await page.evaluate(() => (globalThis as unknown as { settingReads: number }).settingReads);

  for (const tab of ['Thông tin', 'Kế hoạch khắc phục', 'Tự soi', 'Thông tin']) {
    await page
      .getByRole('navigation', { name: 'Các phần của bản tự soi' })
      .getByRole('link', { name: new RegExp(`^${tab}`) })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: tab })).toBeVisible();
  }

  expect(await page.evaluate(() => (globalThis as unknown as { settingReads: number }).settingReads)).toBe(before);
});

test('a failed auto-lock choice is reported, not left unhandled', async ({ context }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await createReview(page, 'Kỳ chọn tự khóa');
  await enableLock(page);
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (key === 'auto-lock-minutes') throw new DOMException('simulated', 'QuotaExceededError');
      return original.call(this, value, key);
    };
  });

  await page.getByLabel('Tự khóa lại khi không dùng').selectOption('5');

  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được lựa chọn tự khóa' })).toBeVisible();
  expect(errors).toEqual([]);
});
