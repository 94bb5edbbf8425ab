// Regenerates the app icons in public/icons/ from public/favicon.svg with the local Chromium:
//   npx node test/tools/make-icons.mjs
// Run it after changing the favicon and commit the PNGs (they are small and the build then needs
// no image library). "any" icons keep the favicon's rounded square; the maskable and Apple icons
// fill the whole square with the theme colour and keep the star inside the 80 % safe zone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
const star = /<path[^>]*\/>/.exec(svg)?.[0] ?? '';
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#a51d17"/>` +
  `<g transform="translate(32 33) scale(${scale}) translate(-32 -33)">${star}</g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.72) },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.82) },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  const data = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}`;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${data}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`,
  );
  await page.screenshot({ path: join(root, 'public/icons', icon.file), omitBackground: true });
  await page.close();
}
await browser.close();
