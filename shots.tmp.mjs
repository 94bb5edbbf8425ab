import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const [mode, path, ...targets] = process.argv.slice(2);
const vp = mode === 'phone' ? { width: 360, height: 780 } : { width: 1280, height: 900 };
const ctx = await b.newContext({ viewport: vp });
const p = await ctx.newPage();
await p.goto('http://localhost:4333/');
if (mode === 'phone') await p.evaluate(() => localStorage.setItem('tsts:text-size', 'xl'));
await p.goto('http://localhost:4333' + path);
let i = 0;
for (const t of targets.length ? targets : ['top']) {
  if (t !== 'top') await p.locator(t).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await p.screenshot({ path: `/tmp/shots/${mode}-${i++}.png` });
}
await ctx.close(); await b.close();
