// Screenshots of built pages for a human look: node test/tools/screenshot.mjs <url> <out.png> [width] [full]
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const [url, out, width = '390', full = 'full'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, locale: 'vi-VN' });
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
