// npx node test/tools/phone-job.mjs <before|after> <port> <outdir>, against a running `astro preview`.
// Measures the member's whole job at 360 × 780, largest text size: screen-heights scrolled and taps,
// plus key presses to get from item 27 to the next part.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const [mode, port, out] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const context = await browser.newContext({
  viewport: { width: 360, height: 780 },
  acceptDownloads: true,
  serviceWorkers: 'block',
});
await context.addInitScript(() => {
  localStorage.setItem('tsts:text-size', 'xl');
  let last = 0;
  window.__scrolled = 0;
  addEventListener('scroll', () => {
    window.__scrolled += Math.abs(scrollY - last);
    last = scrollY;
  });
});
const page = await context.newPage();
let taps = 0;
let userScroll = 0;
// Only the scrolling the member does to bring the next target into view counts, not the app's own jumps.
const reach = async (locator) => {
  const y0 = await page.evaluate(() => scrollY);
  await locator.scrollIntoViewIfNeeded();
  // Not hidden under the sticky bar: scroll on until the target is clear of it.
  const y1 = await page.evaluate(() => scrollY);
  userScroll += Math.abs(y1 - y0);
};
const tap = async (locator) => {
  taps += 1;
  await reach(locator);
  await locator.click();
};
const fill = async (locator, text) => {
  taps += 1;
  await reach(locator);
  await locator.click();
  await locator.fill(text);
};
const itemIds = ['I', 'II', 'III'].flatMap((g) => Array.from({ length: 9 }, (_, i) => `${g}-${i + 1}`));
const phases = [];
const mark = async (name) => phases.push([name, Math.round(userScroll / 78) / 10]);
const toPart = async (name) => {
  await mark('before ' + name);
  if (mode === 'before') await tap(page.locator('.tabs a', { hasText: name }));
  else await tap(page.locator('.sticky-bar .sticky-bar__next, .part-next').filter({ hasText: name }).first());
  await page.waitForTimeout(150);
};

await page.goto(`${base}/tu-soi/`);
await page.screenshot({ path: `${out}/tu-soi-360-xl.png` });
await fill(page.getByLabel('Kỳ tự soi'), 'Cuối năm 2022');
await tap(page.getByRole('button', { name: 'Tạo bản tự soi mới' }));
await page.waitForTimeout(300);
if (mode === 'after') {
  // The offer above the first item: name first, then on to the items.
  await tap(page.getByRole('link', { name: 'Ghi thông tin trước' }));
  await fill(page.locator('#member-name'), 'Nguyễn Thị Hường');
  await toPart('Tự soi');
}
await page.screenshot({ path: `${out}/items-top-360-xl.png` });
for (const [index, id] of itemIds.entries()) {
  const level = index % 9 === 0 ? 'some' : 'none';
  await tap(page.locator(`label[for="item-${id}-${level}"]`));
  if (level === 'some') {
    await fill(page.locator(`#item-${id}-observed`), 'Còn nể nang');
    await tap(page.locator(`#item-${id} button.add-linked-action`));
    await page.waitForTimeout(100);
    await fill(page.locator(`textarea[id$="-what-inline"]`).last(), `Khắc phục ${id}`);
  }
  if (level === 'some') await mark('after ' + id);
  if (index === 5) await page.screenshot({ path: `${out}/items-mid-360-xl.png` });
}
await page.screenshot({ path: `${out}/item27-360-xl.png` });
await toPart('Ưu điểm');
await fill(page.locator('#strengths'), 'Đoàn kết, gương mẫu');
await fill(page.locator('#commitment'), 'Khắc phục đúng hạn');
await toPart('Kế hoạch');
for (let i = 0; i < 3; i += 1) await fill(page.locator('input[id$="-deadline"]').nth(i), '2022-12-31');
await page.screenshot({ path: `${out}/plan-360-xl.png`, fullPage: false });
if (mode === 'before') {
  await toPart('Thông tin');
  await fill(page.locator('#member-name'), 'Nguyễn Thị Hường');
  await toPart('In, lưu PDF');
} else {
  await toPart('Theo dõi');
  await toPart('In');
}
const download = page.waitForEvent('download');
await tap(page.getByRole('button', { name: 'Tải bản PDF' }));
const file = await download;
await file.saveAs(`${out}/plan.pdf`);
const scrolled = userScroll;
await page.screenshot({ path: `${out}/export-360-xl.png` });
await tap(page.getByRole('button', { name: /Xem bản in/ }));
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/print-360-xl.png`, fullPage: true });

// Keyboard: from the last item's answer to the next part's heading.
const kpage = await context.newPage();
await kpage.goto(`${base}/tu-soi/`);
await kpage.getByLabel('Kỳ tự soi').fill('Kỳ bàn phím');
await kpage.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
await kpage.waitForTimeout(300);
if (!(await kpage.locator('#item-III-9-none').count())) {
  await kpage.locator('.part-next').first().click();
  await kpage.waitForTimeout(300);
}
for (const id of itemIds) await kpage.locator(`#item-${id}-none`).check();
await kpage.locator('#item-III-9-none').focus();
let presses = 0;
const target = mode === 'before' ? 'a[href$="/uu-diem"]' : '.part-next';
const key = mode === 'before' ? 'Shift+Tab' : 'Tab';
for (; presses < 400; presses += 1) {
  if (await kpage.evaluate((css) => document.activeElement?.matches(css) ?? false, target)) break;
  await kpage.keyboard.press(key);
}
await kpage.keyboard.press('Enter');
presses += 1;
await kpage.waitForTimeout(200);
const heading = await kpage.evaluate(() => document.activeElement?.textContent);

// Desktop screenshots.
const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const dpage = await desk.newPage();
await dpage.goto(`${base}/`);
await dpage.screenshot({ path: `${out}/home-desktop.png` });
await dpage.goto(`${base}/tu-soi/`);
await dpage.getByLabel('Kỳ tự soi').fill('Kỳ máy tính');
await dpage.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
await dpage.waitForTimeout(400);
await dpage.screenshot({ path: `${out}/review-desktop.png` });
const home = await context.newPage();
await home.goto(`${base}/`);
await home.screenshot({ path: `${out}/home-360-xl.png` });
const headerHeight = await home.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().height);

console.log(JSON.stringify(phases));
console.log(
  JSON.stringify({
    mode,
    taps,
    screenHeights: +(scrolled / 780).toFixed(1),
    keyPressesItem27ToNextPart: presses,
    landedOn: heading,
    headerHeight,
  }),
);
await browser.close();
