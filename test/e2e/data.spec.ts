/** Backups, restore, bad files, the passphrase lock and erasing, in Chromium against the built site. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createReview, expectNoAxeViolations, fillItem, readRawDatabase, waitUntilSaved } from './helpers';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

async function makeReview(page: Page, period: string): Promise<void> {
  await createReview(page, period);
  await fillItem(page, 'I-1', { level: 'clear', observed: 'Còn nể nang <b>bạn bè</b> & “ngại” va chạm' });
  await page.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 1' }).click();
  await page.locator('textarea[id$="-what-inline"]').fill('Góp ý thẳng thắn tại mỗi buổi sinh hoạt');
  await waitUntilSaved(page);
}

async function openDataPanel(page: Page): Promise<void> {
  await page.goto('/tu-soi/');
  await page.getByRole('button', { name: 'Mở phần sao lưu, khôi phục, khóa và xóa dữ liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Lưu bản sao ra tệp' })).toBeVisible();
}

async function backUp(page: Page, passphrase?: string): Promise<string> {
  await openDataPanel(page);
  if (passphrase) {
    await page.getByLabel('Khóa tệp bằng mật khẩu').check();
    await page.getByLabel(/Mật khẩu cho tệp/).fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu bản sao', exact: true }).click();
  const file = await (await download).path();
  await expect(page.getByRole('status').filter({ hasText: 'đọc lại kiểm tra' })).toBeVisible();
  return readFileSync(file, 'utf8');
}

async function eraseEverything(page: Page): Promise<void> {
  await openDataPanel(page);
  await page.getByRole('button', { name: 'Xóa mọi dữ liệu' }).click();
  // The page reloads once everything is erased; with no reviews the empty list shows before it does.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa hẳn mọi dữ liệu' }).click();
  await reloaded;
  await expect(page.getByText('Chưa có bản tự soi nào trên thiết bị này.')).toBeVisible();
}

async function restore(page: Page, name: string, text: string, passphrase?: string): Promise<void> {
  await openDataPanel(page);
  await page
    .getByLabel('Chọn tệp sao lưu (.json)')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  if (passphrase !== undefined) {
    await page.getByLabel(/Mật khẩu của tệp/).fill(passphrase);
    await page.getByRole('button', { name: 'Mở tệp' }).click();
  }
}

test('back up, erase everything, restore: the stored records are identical', async ({ page }) => {
  await makeReview(page, 'Kỳ sao lưu');
  await makeReview(page, 'Kỳ thứ hai');
  const before = await readRawDatabase(page);
  const backup = await backUp(page);
  expect(JSON.parse(backup)).toMatchObject({
    format: 'tu-soi-tu-sua/backup',
    formatVersion: 2,
    branch: { rounds: [], entries: [] },
  });

  await eraseEverything(page);
  const erased = await readRawDatabase(page);
  expect(erased['reviews'] ?? []).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tsts:')))).toEqual([]);

  await restore(page, 'sao-luu.json', backup);
  await expect(page.getByRole('heading', { name: 'Xem trước: tệp có 2 bản tự soi' })).toBeFocused();
  await expect(page.locator('.restore-preview')).toContainText('Thêm mới: “Kỳ sao lưu”');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã khôi phục: thêm 2' })).toBeVisible();

  const after = await readRawDatabase(page);
  const byId = (records: unknown[] = []) =>
    [...records].sort((a, b) => String((a as { id: string }).id).localeCompare((b as { id: string }).id));
  expect(byId(after['reviews'])).toEqual(byId(before['reviews']));
  expect(byId(after['summaries'])).toEqual(byId(before['summaries']));
});

test('the backup made on /tu-soi/ carries the branch rounds of /chi-bo/, and restores them', async ({ page }) => {
  await page.goto('/chi-bo/');
  await page.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
  await page.getByLabel('Tên chi bộ').fill('Chi bộ Khối 3');
  await page.getByLabel(/Số đảng viên của chi bộ/).fill('12');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toBeVisible();
  const before = await readRawDatabase(page);
  const backup = await backUp(page);
  expect(
    (JSON.parse(backup) as { branch: { rounds: { branchName: string }[] } }).branch.rounds.map((round) => round.branchName),
  ).toEqual(['Chi bộ Khối 3']);

  await eraseEverything(page);
  expect((await readRawDatabase(page))['branch-rounds'] ?? []).toEqual([]);
  await restore(page, 'sao-luu.json', backup);
  await expect(page.getByRole('heading', { name: 'Xem trước: tệp có 0 bản tự soi và 1 đợt của chi bộ' })).toBeFocused();
  await expect(page.locator('.restore-preview')).toContainText(
    'Thêm mới đợt “6 tháng đầu năm 2026” của Chi bộ Khối 3, 0 kết quả',
  );
  await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'thêm 1, thay 0, giữ nguyên 0 đợt của chi bộ' })).toBeVisible();
  expect((await readRawDatabase(page))['branch-rounds']).toEqual(before['branch-rounds']);
  await page.goto('/chi-bo/');
  await expect(page.getByRole('option', { name: '6 tháng đầu năm 2026 — Chi bộ Khối 3' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toBeVisible();
});

test('restoring over an existing review shows what would be replaced and asks first', async ({ page }) => {
  await makeReview(page, 'Kỳ trùng');
  const backup = await backUp(page);
  await page.goto('/tu-soi/');
  await page.getByRole('link', { name: 'Mở bản “Kỳ trùng”' }).click();
  await page.locator('#item-I-2-none').check();
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  const before = await readRawDatabase(page);

  await restore(page, 'sao-luu.json', backup);
  await expect(page.locator('.restore-preview')).toContainText('Thay thế bản “Kỳ trùng”');
  await page.getByRole('button', { name: 'Hủy' }).click();
  expect(await readRawDatabase(page)).toEqual(before);
});

test('a backup made with the previous record shape restores', async ({ page }) => {
  const text = readFileSync(join(fixtures, 'backups', 'v1-file-v1-records.json'), 'utf8');
  await restore(page, 'ban-cu.json', text);
  await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: '6 tháng đầu năm 2022' })).toBeVisible();
  await page.getByRole('link', { name: 'Mở bản “6 tháng đầu năm 2022”' }).click();
  await expect(page.locator('#item-I-3-observed')).toHaveValue('Ít đọc nghị quyết mới.');
});

test('every kind of bad file is refused with a Vietnamese message and changes nothing', async ({ page }) => {
  await makeReview(page, 'Kỳ cần giữ nguyên');
  // Indented, so a case can edit one field by text replacement.
  const good = JSON.stringify(JSON.parse(await backUp(page)), null, 1);
  const locked = await backUp(page, 'mật khẩu đúng 123');
  const before = await readRawDatabase(page);
  // A file over the size limit (32 MB) is refused before it is read: unit-tested in backup.test.ts and data-actions.ts.
  const bad: [string, string, RegExp, string?][] = [
    ['not JSON', 'đây là một bức thư, không phải JSON', /Tệp không đọc được/],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), /Tệp không đọc được/],
    ['another format', '{"format":"zalo-export","formatVersion":1,"reviews":[]}', /không phải tệp sao lưu/],
    ['future version', good.replace(`"formatVersion": 2`, `"formatVersion": 7`), /phiên bản mới hơn/],
    [
      'wrong types',
      good.replace(/"period": "[^"]*"/, '"period": 12345'),
      /Không đọc được bản tự soi thứ 1 trong tệp: Ô “Kỳ tự soi” sai kiểu/,
    ],
    ['extra key', good.replace(`"formatVersion": 2`, `"formatVersion": 2, "isAdmin": true`), /không phải tệp sao lưu/],
    ['__proto__ key', good.replace(`"formatVersion": 2`, `"formatVersion": 2, "__proto__": {"polluted": true}`), /không an toàn/],
    ['constructor key', good.replace(/"period": /, '"constructor": {"prototype": {}}, "period": '), /không an toàn/],
    ['wrong passphrase', locked, /Mật khẩu không đúng/, 'mật khẩu sai'],
  ];
  for (const [name, text, message, passphrase] of bad) {
    await restore(page, `${name}.json`, text, passphrase);
    await expect(page.getByRole('alert').filter({ hasText: message }), name).toBeVisible();
    await expect(page.getByRole('button', { name: 'Khôi phục', exact: true }), name).toHaveCount(0);
    expect(await readRawDatabase(page), name).toEqual(before);
  }
  expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'))).toBe(false);
});

test('an encrypted backup restores with its passphrase', async ({ page }) => {
  await makeReview(page, 'Kỳ có khóa');
  const text = await backUp(page, 'mật khẩu của tệp');
  expect(text).not.toContain('Kỳ có khóa');
  await eraseEverything(page);
  await restore(page, 'khoa.json', text, 'mật khẩu của tệp');
  await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Kỳ có khóa' })).toBeVisible();
});

test('with the lock on, IndexedDB holds none of the typed text; the passphrase opens it again', async ({ page }) => {
  await makeReview(page, 'Kỳ bí mật');
  await openDataPanel(page);
  await page.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('bí mật của tôi');
  await page.getByLabel('Nhập lại mật khẩu').fill('bí mật của tôi');
  await page.getByLabel('Tôi hiểu: quên mật khẩu thì không lấy lại được dữ liệu.').check();
  await page.getByRole('button', { name: 'Bật khóa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã bật khóa' })).toBeVisible();

  const raw = JSON.stringify(await readRawDatabase(page));
  for (const typed of ['Kỳ bí mật', 'nể nang', 'Góp ý thẳng thắn', 'bạn bè']) expect(raw).not.toContain(typed);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Các bản tự soi đang được khóa' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Mật khẩu').fill('sai rồi');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng');
  await page.getByLabel('Mật khẩu').fill('bí mật của tôi');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByRole('link', { name: 'Mở bản “Kỳ bí mật”' }).click();
  await expect(page.locator('#item-I-1-observed')).toHaveValue('Còn nể nang <b>bạn bè</b> & “ngại” va chạm');
  // Typed HTML is shown as text, never interpreted.
  await expect(page.locator('b', { hasText: 'bạn bè' })).toHaveCount(0);
});

test('the data panel passes axe', async ({ page }) => {
  await makeReview(page, 'Kỳ axe');
  await openDataPanel(page);
  await expectNoAxeViolations(page);
});

test('ordinary notes that look like code never block a backup, and restore as plain text', async ({ page }) => {
  const notes = ['học JavaScript: cơ bản', 'Đong = đếm', 'online= miễn phí', 'điểm: once=1', 'các thẻ <img>, <link>, <style>'];
  await createReview(page, 'Kỳ có chữ giống mã');
  for (const [index, note] of notes.entries()) await fillItem(page, `I-${index + 1}`, { level: 'some', observed: note });
  await waitUntilSaved(page);
  const text = await backUp(page);
  for (const note of notes) expect(text).toContain(JSON.stringify(note).slice(1, -1));
  await eraseEverything(page);
  await restore(page, 'sao-luu.json', text);
  await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã khôi phục: thêm 1' })).toBeVisible();
  await page.goto('/tu-soi/');
  await page.getByRole('link', { name: 'Mở bản “Kỳ có chữ giống mã”' }).click();
  await expect(page.locator('#item-I-5-observed')).toHaveValue('các thẻ <img>, <link>, <style>');
  await expect(page.locator('main img')).toHaveCount(0);
});
