/**
 * Access to the branch half: axe on every state of /chi-bo/ and of the share step; the whole
 * member's share step and the secretary's flow at 360 × 780 with the largest text size, by keyboard only. The state is built
 * quickly from share files typed here (one profile, no member flows), so it suits a 2-core CI.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitUntilSaved } from './helpers';

const phone = { width: 360, height: 780 };

/** A share file as a member's device writes it (format documented in src/domain/share.ts). */
function shareFile(shareId: string, revision: number, levels: Record<string, string>, name?: string): string {
  return JSON.stringify({
    format: 'tu-soi-tu-sua/share',
    formatVersion: 1,
    sharedAt: `2026-06-0${revision}T08:00:00.000Z`,
    share: {
      shareId,
      revision,
      checklistId: 'nq04-27',
      period: '6 tháng đầu năm 2026',
      levels,
      actions: [{ itemId: 'I-1', status: 'not-started', deadline: '2026-09-30' }],
      ...(name ? { name } : {}),
    },
  });
}

const files = [
  { name: 'a.tusoi-share.json', text: shareFile('aaaaaaaaaaaaa', 1, { 'I-1': 'clear', 'I-2': 'some', 'II-1': 'none' }) },
  { name: 'b.tusoi-share.json', text: shareFile('bbbbbbbbbbbbb', 1, { 'I-1': 'some', 'II-1': 'risk' }) },
  {
    name: 'c.tusoi-share.json',
    text: shareFile('ccccccccccccc', 1, { 'I-1': 'risk', 'III-9': 'risk' }, 'Nguyễn Văn Cường Với Một Cái Tên Rất Dài'),
  },
];
const again = [
  { name: 'a-lan-2.tusoi-share.json', text: shareFile('aaaaaaaaaaaaa', 2, { 'I-1': 'some', 'I-2': 'some' }) },
  { name: 'b.tusoi-share.json', text: files[1]?.text ?? '' },
  { name: 'khong-phai-json-va-ten-tep-rat-dai-khong-co-cho-ngat.json', text: 'xin chào' },
];

async function addFiles(page: Page, list: { name: string; text: string }[]): Promise<void> {
  await page
    .getByLabel(/Chọn một hay nhiều tệp kết quả/)
    .setInputFiles(list.map((file) => ({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) })));
}

/** The page itself never scrolls sideways (tables may scroll inside their own region). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** The control lies within the screen's width once scrolled to (reachable without sideways scrolling). */
async function expectReachable(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport();
  const rect = await control.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  expect(rect.left).toBeGreaterThanOrEqual(0);
  expect(rect.right).toBeLessThanOrEqual(phone.width);
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80, back = false): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test('axe is clean on every state of the share step', async ({ page }) => {
  await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  await page.locator('#item-I-1-some').check();
  await page.getByRole('link', { name: 'Thông tin', exact: true }).click();
  await page.getByLabel('Họ và tên').fill('Lê Thị D');
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  await page.getByRole('link', { name: 'Gửi kết quả cho chi bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Xem trước: đúng những gì sẽ gửi' })).toBeVisible();
  await expectNoAxeViolations(page); // the choice, with its default preview
  await page.getByRole('checkbox', { name: /^Họ và tên/ }).check();
  await page.getByRole('checkbox', { name: 'Điều tự nhận thấy và nguyên nhân' }).check();
  await expect(page.locator('.share-preview [data-field="name"]')).toBeVisible();
  await expectNoAxeViolations(page); // the preview with every optional field
  await page.getByLabel('Tôi đã xem và đồng ý gửi đúng những thông tin trên cho chi bộ').check();
  await page.getByRole('button', { name: 'Tạo liên kết' }).click();
  await expect(page.getByLabel('Liên kết gửi chi bộ')).toHaveValue(/#s1\./);
  await page.getByRole('button', { name: 'Hiện mã QR' }).click();
  await expect(page.getByRole('img', { name: 'Mã QR của liên kết gửi chi bộ' })).toBeVisible();
  await expectNoAxeViolations(page); // after confirming, with the link and the QR
});

test('axe is clean on every state of /chi-bo/', async ({ page }) => {
  test.slow(); // nine axe scans of a long page on a shared machine
  await page.goto('/chi-bo/');
  await expect(page.getByRole('button', { name: 'Tạo đợt' })).toBeVisible();
  await expectNoAxeViolations(page); // empty: the first round's form
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy ghi kỳ tự soi');
  await expectNoAxeViolations(page); // the form's error
  await page.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
  await page.getByLabel(/Số đảng viên của chi bộ/).fill('12');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (0)' })).toBeVisible();
  await expectNoAxeViolations(page); // a round with no entries

  await addFiles(page, files);
  await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (3)' })).toBeVisible();
  await expect(page.locator('.chart-rows li')).toHaveCount(27);
  await expectNoAxeViolations(page); // entries, the picture with its chart and tables

  await addFiles(page, again);
  await expect(page.locator('.add-report')).toHaveCount(3);
  await expect(page.locator('.add-report').nth(0)).toContainText('Đã thay bản cũ');
  await expect(page.locator('.add-report').nth(1)).toContainText('Bỏ qua (trùng)');
  await expect(page.locator('.add-report').nth(2)).toContainText('không đọc được');
  await expectNoAxeViolations(page); // replaced / ignored notices and a refused file

  await page.getByLabel(/Xem như khi đưa ra ngoài chi bộ/).check();
  await page.getByText('Ẩn số nhỏ bảo vệ được gì, không bảo vệ được gì').click();
  await expect(page.getByTestId('items-table').locator('tr[data-item="I-2"] td[data-level="some"]')).toHaveText('dưới 3/3');
  await expectNoAxeViolations(page); // the outbound (small-count) view

  await page.getByText('Nhập phiếu giấy bằng bàn phím').click();
  await page.getByLabel(/Mức của 27 biểu hiện/).fill('1117');
  await expect(page.locator('#paper-progress')).toContainText('Ký tự “7”');
  await expectNoAxeViolations(page); // the paper form with a wrong key
  await page.getByLabel(/Mức của 27 biểu hiện/).fill('24' + '0'.repeat(25));
  await page.getByRole('button', { name: 'Xem lại trước khi lưu' }).click();
  await expect(page.getByRole('heading', { name: /Kiểm tra phiếu/ })).toBeVisible();
  await expectNoAxeViolations(page); // the paper form's summary

  await page.getByRole('button', { name: 'Mở phần báo cáo' }).click();
  await expect(page.locator('#report-heading')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mở phần báo cáo' })).toHaveCount(0);
  await expectNoAxeViolations(page); // the report launcher opened

  await page.getByRole('button', { name: 'Tạo đợt mới' }).click();
  await expect(page.getByRole('heading', { name: 'Đợt mới' })).toBeVisible();
  await expectNoAxeViolations(page); // the next round's form, from the previous one
});

test.describe('on a 360 px phone with the largest text size', () => {
  test.use({ viewport: phone, serviceWorkers: 'block' });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('tsts:text-size', 'xl'));
  });

  test('by keyboard only: the member picks what to share, confirms, and takes a file, a link and a QR; nothing scrolls sideways', async ({
    page,
  }) => {
    test.slow();
    await page.goto('/tu-soi/');
    await tabTo(page, page.getByLabel('Kỳ tự soi'));
    await page.keyboard.type('6 tháng đầu năm 2026');
    await tabTo(page, page.getByRole('button', { name: 'Tạo bản tự soi mới' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Tự soi' })).toBeFocused();

    // One item answered with the arrow keys inside its radio group.
    await tabTo(page, page.locator('#item-I-1-none'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#item-I-1-some')).toBeChecked();
    await waitUntilSaved(page);

    // The share step through the parts' navigation.
    const part = page
      .getByRole('navigation', { name: 'Các phần của bản tự soi' })
      .getByRole('link', { name: 'Gửi kết quả cho chi bộ' });
    await tabTo(page, part, 80, true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Xem trước: đúng những gì sẽ gửi' })).toBeVisible();
    await expectNoSideScroll(page);

    // Nothing can be produced before the confirmation; choosing a field puts it in the preview.
    const fileButton = page.getByRole('button', { name: 'Gửi bằng tệp' });
    await expect(fileButton).toBeDisabled();
    const notes = page.getByLabel('Điều tự nhận thấy và nguyên nhân');
    await tabTo(page, notes);
    await page.keyboard.press('Space');
    await expect(notes).toBeChecked();
    await expect(page.locator('.share-preview [data-field="notes"]')).toHaveCount(1);
    const confirm = page.getByLabel(/Tôi đã xem và đồng ý/);
    await tabTo(page, confirm);
    await expectReachable(confirm);
    await page.keyboard.press('Space');
    await expect(fileButton).toBeEnabled();

    // A file (a download here: this browser cannot share files), a link, then the QR of that link.
    await tabTo(page, fileButton);
    await expectReachable(fileButton);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.tusoi-share\.json$/);
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu tệp' })).toBeVisible();
    const linkButton = page.getByRole('button', { name: 'Tạo liên kết' });
    await tabTo(page, linkButton);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Liên kết gửi chi bộ')).toHaveValue(/\/chi-bo\/#s1\./);
    const qrButton = page.getByRole('button', { name: 'Hiện mã QR' });
    await tabTo(page, qrButton);
    await page.keyboard.press('Enter');
    const qr = page.getByRole('img', { name: 'Mã QR của liên kết gửi chi bộ' });
    await expect(qr).toBeVisible();
    await expectReachable(qr);
    await expectReachable(page.getByRole('button', { name: 'Chép liên kết' }));
    await expectNoSideScroll(page);
    await expectNoAxeViolations(page);
  });

  test('by keyboard only: create a round, add results and a paper form, see the picture; nothing scrolls sideways', async ({
    page,
  }) => {
    test.slow();
    await page.goto('/chi-bo/');
    await expect(page.getByRole('button', { name: 'Tạo đợt' })).toBeVisible();
    await expectNoSideScroll(page);

    // The round, typed field by field.
    await tabTo(page, page.getByLabel('Kỳ tự soi'));
    await page.keyboard.type('6 tháng đầu năm 2026');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Tên chi bộ')).toBeFocused();
    await page.keyboard.type('Chi bộ Khối 3');
    await tabTo(page, page.getByLabel(/Số đảng viên của chi bộ/));
    await page.keyboard.type('12');
    await tabTo(page, page.getByRole('button', { name: 'Tạo đợt' }));
    await expectReachable(page.getByRole('button', { name: 'Tạo đợt' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toBeVisible();
    await expectNoSideScroll(page);

    // Files through the picker (the picker itself is the operating system's), then the notices.
    await addFiles(page, files);
    await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (3)' })).toBeVisible();
    await addFiles(page, again);
    await expect(page.locator('.add-report')).toHaveCount(3);
    await expectNoSideScroll(page);
    await expectReachable(page.locator('.entry-list').getByRole('button').first());

    // The paper form: open it with Enter, one key per item, check, save.
    const summary = page.getByText('Nhập phiếu giấy bằng bàn phím');
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel(/Mức của 27 biểu hiện/));
    await page.keyboard.type('24' + '0'.repeat(25));
    await expect(page.locator('#paper-progress')).toBeVisible();
    const review = page.getByRole('button', { name: 'Xem lại trước khi lưu' });
    await tabTo(page, review);
    await expectReachable(review);
    await page.keyboard.press('Space');
    await expect(page.getByRole('heading', { name: /Kiểm tra phiếu/ })).toBeVisible();
    await expectNoSideScroll(page);
    const save = page.getByRole('button', { name: 'Lưu phiếu này' });
    await tabTo(page, save);
    await expectReachable(save);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Kết quả đã nhận (4)' })).toBeVisible();
    await expect(page.locator('.entry-list')).toContainText('Đảng viên chưa ghi tên');

    // The picture: order by arrow keys in the select, the outbound view by Space, tables in their own region.
    const order = page.getByLabel('Thứ tự');
    await tabTo(page, order);
    await page.keyboard.press('ArrowDown');
    await expect(order).toHaveValue('checklist');
    await expect(page.getByTestId('items-table').locator('tbody tr').first()).toHaveAttribute('data-item', 'I-1');
    const outbound = page.getByLabel(/Xem như khi đưa ra ngoài chi bộ/);
    await tabTo(page, outbound, 20, true);
    await page.keyboard.press('Space');
    await expect(outbound).toBeChecked();
    await expect(page.getByTestId('denominators')).toContainText('4/12 đã gửi');
    const region = page.getByRole('region', { name: /Số đảng viên ở từng mức/ });
    await tabTo(page, region);
    await expectNoSideScroll(page);
    await expect(page.locator('.chart-rows li').first()).toBeVisible();
    const chartWidth = await page.locator('.branch-chart').evaluate((element) => element.getBoundingClientRect().right);
    expect(chartWidth).toBeLessThanOrEqual(phone.width);

    // The report launcher opens by keyboard too, and still nothing scrolls sideways.
    const launch = page.getByRole('button', { name: 'Mở phần báo cáo' });
    await tabTo(page, launch, 120);
    await expectReachable(launch);
    await page.keyboard.press('Enter');
    await expect(launch).toHaveCount(0);
    await expectNoSideScroll(page);
  });
});
