/**
 * The branch half in Chromium against the built site: members share from /tu-soi/ in their own
 * browser profiles; the secretary compiles at /chi-bo/ in a fourth; bad input changes nothing.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, readRawDatabase } from './helpers';

type Level = 'none' | 'risk' | 'some' | 'clear';
const itemIds = ['I', 'II', 'III'].flatMap((group) => Array.from({ length: 9 }, (_, index) => `${group}-${index + 1}`));

/** The raw database as one string, to compare before and after a refused input. */
async function rawDatabase(page: Page): Promise<string> {
  return JSON.stringify(await readRawDatabase(page));
}

/** A member's own browser profile with a review holding `levels` and one action on I-1. */
async function member(browser: Browser, levels: Record<string, Level>, name?: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  for (const [itemId, level] of Object.entries(levels)) await page.locator(`#item-${itemId}-${level}`).check();
  await page.getByRole('button', { name: 'Thêm biện pháp khắc phục cho biểu hiện 1', exact: true }).click();
  await page.locator('textarea[id$="-what-inline"]').fill('Góp ý thẳng thắn tại mỗi buổi sinh hoạt');
  if (name) {
    await page.getByRole('link', { name: 'Thông tin', exact: true }).click();
    await page.getByLabel('Họ và tên').fill(name);
  }
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc/);
  return page;
}

async function openShareStep(page: Page, withName = false): Promise<void> {
  await page.getByRole('link', { name: 'Gửi kết quả cho chi bộ' }).click();
  if (withName) await page.getByRole('checkbox', { name: /^Họ và tên/ }).check();
  await page.getByLabel('Tôi đã xem và đồng ý gửi đúng những thông tin trên cho chi bộ').check();
}

async function shareFile(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Gửi bằng tệp' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

async function secretary(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/chi-bo/');
  await page.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
  await page.getByLabel('Tên chi bộ').fill('Chi bộ Khối 3');
  await page.getByLabel(/Số đảng viên của chi bộ/).fill('12');
  await page.getByRole('button', { name: 'Tạo đợt' }).click();
  await expect(page.getByRole('heading', { name: 'Bức tranh của chi bộ' })).toBeVisible();
  return page;
}

async function addFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page
    .getByLabel(/Chọn một hay nhiều tệp kết quả/)
    .setInputFiles(files.map((file) => ({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) })));
}

test('three members share by file, link and file with name; the secretary adds them and a paper form; counts match', async ({
  browser,
}) => {
  test.setTimeout(600_000); // four profiles on a shared 2-core machine
  const a: Record<string, Level> = { 'I-1': 'clear', 'I-2': 'some', 'II-1': 'none' };
  const b: Record<string, Level> = { 'I-1': 'some', 'II-1': 'risk' };
  const c: Record<string, Level> = { 'I-1': 'risk', 'I-3': 'clear', 'III-9': 'risk' };
  const paperDigits = '24' + '0'.repeat(25); // I-1 risk, I-2 clear
  const paper: Record<string, Level> = { 'I-1': 'risk', 'I-2': 'clear' };

  const memberA = await member(browser, a);
  await openShareStep(memberA);
  await expectNoAxeViolations(memberA);
  const fileA = await shareFile(memberA);
  expect(fileA).not.toContain('Góp ý thẳng thắn');

  const memberB = await member(browser, b);
  await openShareStep(memberB);
  await memberB.getByRole('button', { name: 'Tạo liên kết' }).click();
  const link = await memberB.getByLabel('Liên kết gửi chi bộ').inputValue();
  expect(link.length).toBeLessThanOrEqual(300);
  await memberB.getByRole('button', { name: 'Hiện mã QR' }).click();
  await expect(memberB.getByRole('img', { name: 'Mã QR của liên kết gửi chi bộ' })).toBeVisible();
  await expectNoAxeViolations(memberB);

  const memberC = await member(browser, c, 'Nguyễn Văn Cường');
  await openShareStep(memberC, true);
  const fileC = await shareFile(memberC);
  expect(fileC).toContain('Nguyễn Văn Cường');

  const desk = await secretary(browser);
  await expectNoAxeViolations(desk);
  await addFiles(desk, [
    { name: 'a.tusoi-share.json', text: fileA },
    { name: 'c.tusoi-share.json', text: fileC },
  ]);
  await expect(desk.getByRole('heading', { name: 'Kết quả đã nhận (2)' })).toBeVisible();
  await desk.goto(link);
  await expect(desk.getByRole('heading', { name: 'Kết quả từ liên kết' })).toBeVisible();
  expect(new URL(desk.url()).hash).toBe('');
  await desk.getByRole('button', { name: 'Thêm vào đợt này' }).click();
  await expect(desk.getByRole('heading', { name: 'Kết quả đã nhận (3)' })).toBeVisible();

  // The paper form, by keyboard only.
  await desk.getByText('Nhập phiếu giấy bằng bàn phím').click();
  await desk.getByLabel(/Mức của 27 biểu hiện/).focus();
  await desk.keyboard.type(paperDigits);
  await desk.keyboard.press('Tab'); // name
  await desk.keyboard.press('Tab'); // counts…
  await desk.getByRole('button', { name: 'Xem lại trước khi lưu' }).press('Enter');
  await expect(desk.getByRole('heading', { name: /Kiểm tra phiếu/ })).toBeVisible();
  await expect(desk.locator('.paper-summary li').nth(1)).toContainText('Có biểu hiện rõ');
  await expectNoAxeViolations(desk);
  await desk.getByRole('button', { name: 'Lưu phiếu này' }).press('Enter');
  await expect(desk.getByRole('heading', { name: 'Kết quả đã nhận (4)' })).toBeVisible();
  await expect(desk.locator('.entry-list')).toContainText('Nguyễn Văn Cường');
  await expect(desk.locator('.entry-list')).toContainText('Đảng viên chưa ghi tên 1');

  // Expected counts, computed here from the levels each member chose.
  const all = [a, b, c, paper];
  const sent = all.length;
  await expect(desk.getByTestId('denominators')).toContainText(`${sent}/12 đã gửi, còn ${12 - sent} đồng chí chưa gửi`);
  const table = desk.getByTestId('items-table');
  for (const itemId of itemIds) {
    for (const level of ['clear', 'some', 'risk', 'none'] as const) {
      const expected = all.filter((levels) => levels[itemId] === level).length;
      await expect(table.locator(`tr[data-item="${itemId}"] td[data-level="${level}"]`)).toHaveText(`${expected}/${sent}`);
    }
    const unset = all.filter((levels) => levels[itemId] === undefined).length;
    await expect(table.locator(`tr[data-item="${itemId}"] td[data-level="unset"]`)).toHaveText(`${unset}/${sent}`);
  }
  const groupI = all.filter((levels) =>
    Object.entries(levels).some(([id, l]) => id.startsWith('I-') && (l === 'some' || l === 'clear')),
  );
  await expect(desk.locator('tr[data-group="I"] td[data-level="sign"]')).toHaveText(`${groupI.length}/${sent}`);
  // The chart draws the same numbers: the most frequent item's row caption matches the table.
  const signs = (itemId: string) => all.filter((levels) => levels[itemId] === 'some' || levels[itemId] === 'clear').length;
  const most = Math.max(...itemIds.map(signs));
  await expect(desk.locator('.chart-rows li').first()).toContainText(`Có biểu hiện: ${most}/${sent}`);
  await expect(table.locator('tbody tr').first().locator('td[data-level="sign"]')).toHaveText(`${most}/${sent}`);
  await expect(desk.getByTestId('actions-table').locator('[data-status="not-started"]')).toHaveText('3');

  // Member A records a check-in and shares again: the same entry is replaced.
  await memberA.getByRole('link', { name: /Theo dõi hằng tháng/ }).click();
  await memberA.locator('select[id$="-status"]').first().selectOption('in-progress');
  await memberA
    .getByRole('button', { name: /Ghi nhận lần theo dõi/ })
    .first()
    .click();
  await expect(memberA.locator('.save-status')).toContainText(/Đã lưu lúc/);
  await openShareStep(memberA);
  const fileA2 = await shareFile(memberA);
  await addFiles(desk, [{ name: 'a-lan-2.tusoi-share.json', text: fileA2 }]);
  await expect(desk.locator('.add-report')).toContainText('Đã thay bản cũ');
  await expect(desk.getByRole('heading', { name: 'Kết quả đã nhận (4)' })).toBeVisible();
  await expect(desk.getByTestId('actions-table').locator('[data-status="in-progress"]')).toHaveText('1');
  await addFiles(desk, [{ name: 'a-lan-2.tusoi-share.json', text: fileA2 }]);
  await expect(desk.locator('.add-report')).toContainText('Bỏ qua (trùng)');

  // Small counts: the outbound view hides counts under 3.
  await desk.getByLabel(/Xem như khi đưa ra ngoài chi bộ/).check();
  await expect(desk.getByTestId('items-table').locator('tr[data-item="I-2"] td[data-level="clear"]')).toHaveText('dưới 3/4');
  await expectNoAxeViolations(desk);
});

test('the share preview lists exactly the fields of the file produced', async ({ browser }) => {
  const page = await member(browser, { 'I-1': 'some' }, 'Lê Thị D');
  await page.getByRole('link', { name: 'Gửi kết quả cho chi bộ' }).click();
  for (const choice of [[], ['Nội dung từng việc khắc phục', /^Họ và tên/], ['Điều tự nhận thấy và nguyên nhân']] as const) {
    for (const label of choice) await page.getByRole('checkbox', { name: label }).check();
    await page.getByLabel('Tôi đã xem và đồng ý gửi đúng những thông tin trên cho chi bộ').check();
    const shown = await page
      .locator('.share-preview [data-field]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field')));
    const file = JSON.parse(await shareFile(page)) as { share: Record<string, unknown> };
    expect(shown.sort()).toEqual(Object.keys(file.share).sort());
  }
});

test('every bad input is refused with a message and changes nothing stored', async ({ browser }) => {
  test.setTimeout(240_000);
  const desk = await secretary(browser);
  const good = JSON.parse(
    await shareFile(
      await (async () => {
        const page = await member(browser, { 'I-1': 'some' });
        await openShareStep(page);
        return page;
      })(),
    ),
  ) as { share: Record<string, unknown> };
  await addFiles(desk, [{ name: 'ok.json', text: JSON.stringify(good) }]);
  await expect(desk.getByRole('heading', { name: 'Kết quả đã nhận (1)' })).toBeVisible();
  const before = await rawDatabase(desk);
  const withShare = (patch: Record<string, unknown>) =>
    JSON.stringify({ ...good, share: { ...good.share, revision: 99, ...patch } });
  const bad: [string, string, RegExp][] = [
    ['khong-phai-json.json', 'xin chào', /không đọc được/],
    ['cat-do.json', JSON.stringify(good).slice(0, 120), /bị cắt dở/],
    ['qua-lon.json', ' '.repeat(1024 * 1024 + 10), /quá lớn/],
    ['phien-ban-moi.json', JSON.stringify({ ...good, formatVersion: 7 }), /phiên bản mới hơn/],
    [
      'sao-luu.json',
      JSON.stringify({ format: 'tu-soi-tu-sua/backup', formatVersion: 1, exportedAt: '', reviews: [] }),
      /tệp sao lưu/,
    ],
    ['ma-doc.json', withShare({ name: '<script>alert(1)</script>' }), /script/],
    ['proto.json', withShare({}).replace('"share":{', '"share":{"__proto__":{"a":1},'), /không an toàn/],
    ['muc-la.json', withShare({ levels: { 'IX-1': 'some' } }), /không có trong danh mục/],
    ['muc-sai.json', withShare({ levels: { 'I-1': 'rat-nang' } }), /sai định dạng/],
  ];
  await addFiles(
    desk,
    bad.map(([name, text]) => ({ name, text })),
  );
  const reports = desk.locator('.add-report');
  await expect(reports).toHaveCount(bad.length);
  for (const [index, [name, , message]] of bad.entries()) {
    await expect(reports.nth(index)).toContainText(name);
    await expect(reports.nth(index)).toContainText(message);
    await expect(reports.nth(index)).toContainText('Không có gì bị thay đổi');
  }
  await expectNoAxeViolations(desk);

  const link = `/chi-bo/#s1.WyJhYmMiLDEsIm5xMDQtMjciLCJ4IiwiMTExMTExMTExMTExMTExMTExMTExMTExMTExIixbMCwwLDBdXQ`; // cut before its check
  await desk.goto(link);
  await desk.getByRole('button', { name: 'Thêm vào đợt này' }).click();
  await expect(desk.locator('.add-report')).toContainText('bị cắt mất một phần');

  await desk.getByText('Nhập phiếu giấy bằng bàn phím').click();
  await desk.getByLabel(/Mức của 27 biểu hiện/).fill('1117');
  await expect(desk.locator('#paper-progress')).toContainText('Ký tự “7” ở vị trí 4 không phải mức nào');
  await expect(desk.getByRole('button', { name: 'Xem lại trước khi lưu' })).toBeDisabled();
  await desk.getByLabel(/Mức của 27 biểu hiện/).fill('1'.repeat(27));
  await desk.getByLabel(/Họ tên/).fill('<img src=x onerror=alert(1)>');
  await desk.getByRole('button', { name: 'Xem lại trước khi lưu' }).click();
  await desk.getByRole('button', { name: 'Lưu phiếu này' }).click();
  await expect(desk.locator('.add-report')).toContainText('script');
  expect(await rawDatabase(desk)).toBe(before);
});
