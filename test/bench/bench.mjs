// npm run bench: sizes of the built pages and their first-load JavaScript, build time, and timings
// of saving, listing and exporting in Chromium. Not part of npm test: timing never decides pass/fail.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { firstLoad } from '../budgets/first-load.ts';
import { benchBranch, describeBranch } from './branch-bench.mjs';
import { startPreview } from './preview.mjs';

// Options: `--only pdf` times only the plan's PDF export (after seeding the reviews it prints);
// `--no-build` reuses dist/ as it is; `--port N` serves the preview on N (default 4390);
// `--pdf-reloads N` reloads before N timed exports (default 5), for a steadier median on a busy machine.
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const only = option('--only');
if (only !== undefined && only !== 'pdf') throw new Error(`--only: unknown case "${only}" (known: pdf)`);
const pdfReloads = Number(option('--pdf-reloads') ?? 5);

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// 1. Build time.
const started = performance.now();
if (!args.includes('--no-build'))
  execSync('npm run build', { cwd: root, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const buildSeconds = (performance.now() - started) / 1000;

// 2. Page and first-load JS sizes, following static imports only (dynamic import() is loaded on demand).
// The same measure as the size budgets that `npm test` enforces (test/budgets/first-load.ts).
function pageFigures(htmlFile) {
  const html = readFileSync(htmlFile);
  const load = firstLoad(dist, relative(dist, htmlFile));
  return {
    htmlRaw: html.length,
    htmlGzip: gz(html),
    jsFiles: load.files.length,
    inlineJs: load.inlineBytes,
    jsRaw: load.raw,
    jsGzip: load.gzip,
  };
}

const pageTypes = {
  'home (/)': 'index.html',
  'document list (/van-ban/)': 'van-ban/index.html',
  'document (/van-ban/nghi-quyet-04-nq-tw/)': 'van-ban/nghi-quyet-04-nq-tw/index.html',
  'privacy (/rieng-tu/)': 'rieng-tu/index.html',
  'self-review (/tu-soi/)': 'tu-soi/index.html',
  'branch workspace (/chi-bo/)': 'chi-bo/index.html',
  404: '404.html',
};
console.log(`Build (astro build + pagefind): ${buildSeconds.toFixed(1)} s\n`);
console.log(
  'page type'.padEnd(44),
  'HTML raw'.padStart(10),
  'HTML gz'.padStart(10),
  'JS files'.padStart(9),
  'inline JS'.padStart(10),
  'JS raw'.padStart(10),
  'JS gz'.padStart(10),
);
for (const [name, file] of Object.entries(pageTypes)) {
  const f = pageFigures(join(dist, file));
  console.log(
    name.padEnd(44),
    kb(f.htmlRaw).padStart(10),
    kb(f.htmlGzip).padStart(10),
    String(f.jsFiles).padStart(9),
    `${f.inlineJs} B`.padStart(10),
    kb(f.jsRaw).padStart(10),
    kb(f.jsGzip).padStart(10),
  );
}
const review = pageFigures(join(dist, 'tu-soi/index.html'));
console.log(
  `\n/tu-soi/ first-load JS: ${kb(review.jsGzip)} gzip (budget 25 KB) ${review.jsGzip <= 25 * 1024 ? 'within budget' : 'OVER BUDGET'}`,
);
const branchPage = pageFigures(join(dist, 'chi-bo/index.html'));
console.log(
  `/chi-bo/ first-load JS: ${kb(branchPage.jsGzip)} gzip (budget 30 KB) ${branchPage.jsGzip <= 30 * 1024 ? 'within budget' : 'OVER BUDGET'}`,
);
const all = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else all.push(path);
  }
};
walk(dist);
console.log(`Built site: ${all.length} files, ${kb(all.reduce((sum, file) => sum + statSync(file).size, 0))}`);

// 3. Timings in Chromium against the built site (same origin as the app, so the same IndexedDB).
const bundle = await build({
  entryPoints: [join(root, 'test/bench/storage-entry.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'es2022',
});
const port = Number(option('--port') ?? 4390);
const preview = await startPreview(root, port);
const origin = preview.origin;
try {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  // The site's CSP rightly blocks injected scripts; the bench injects its timing harness on purpose.
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${origin}/rieng-tu/`);
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const itemIds = ['I', 'II', 'III'].flatMap((group) => Array.from({ length: 9 }, (_, index) => `${group}-${index + 1}`));
  if (only === undefined) {
    const save = await page.evaluate(async (ids) => {
      const times = await globalThis.tstsBench.benchSave(ids, 60);
      return { median: globalThis.tstsBench.median(times.slice(10)), max: Math.max(...times.slice(10)) };
    }, itemIds);
    console.log(
      `\nSave a full review (27 answers with notes, 27 actions, 12 check-ins): median ${save.median.toFixed(1)} ms, max ${save.max.toFixed(1)} ms (budget: median ≤ 20 ms)`,
    );
  }
  await page.evaluate(async (ids) => globalThis.tstsBench.seed(199, ids), itemIds);
  if (only === undefined) {
    const list = await page.evaluate(async () => {
      const times = await globalThis.tstsBench.benchList(15);
      return { median: globalThis.tstsBench.median(times) };
    });
    console.log(`Open the store and list 200 stored reviews: median ${list.median.toFixed(1)} ms (budget ≤ 150 ms)`);
    const uiTimes = [];
    for (let round = 0; round < 7; round += 1) {
      const start = Date.now();
      await page.goto(`${origin}/tu-soi/`);
      await page.locator('.review-card').nth(199).waitFor();
      uiTimes.push(Date.now() - start);
    }
    uiTimes.sort((a, b) => a - b);
    console.log(`Page load until all 200 review cards are shown: median ${uiTimes[3]} ms (includes loading the page itself)`);
  }

  // PDF export of a full review through the real UI: click → download (bytes handed over).
  const pdfPage = await context.newPage();
  const pdfTimes = [];
  let pdfBytes = 0;
  // Round 0: first use (nothing cached). Rounds 1–pdfReloads: page reloaded, files from the HTTP
  // cache. The last 5 rounds: another export in the same page (code already loaded).
  for (let round = 0; round < pdfReloads + 6; round += 1) {
    if (round === 0) await pdfPage.goto(`${origin}/tu-soi/#/ban/seed-0/in`);
    else if (round <= pdfReloads) await pdfPage.reload();
    const button = pdfPage.getByRole('button', { name: 'Tải bản PDF' });
    await button.waitFor();
    await pdfPage.waitForLoadState('networkidle');
    const download = pdfPage.waitForEvent('download');
    const start = Date.now();
    await button.click();
    const file = await download;
    pdfTimes.push(Date.now() - start);
    pdfBytes = statSync(await file.path()).size;
  }
  const med = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `PDF export of a full review (27 answers with notes, 27 actions), click → file handed over: first use ${pdfTimes[0]} ms (budget ≤ 1 s); after a reload with files cached (print part open, ${pdfReloads} reloads): median ${med(pdfTimes.slice(1, pdfReloads + 1))} ms; again in the same page: median ${med(pdfTimes.slice(pdfReloads + 1))} ms (budget ≤ 300 ms cached); PDF ${kb(pdfBytes)} (budget ≤ 80 KB)`,
  );

  // `--only pdf` stops here; the report and branch cases follow.
  if (only === undefined) {
    // Branch report (issue 10): a 40-member round, every section filled, generated in the page
    // with the site's own fonts; the first export loads code and fonts, the rest are timed.
    const reportBundle = await build({
      entryPoints: [join(root, 'test/bench/report-entry.ts')],
      bundle: true,
      format: 'iife',
      write: false,
      minify: true,
      target: 'es2022',
      define: { 'import.meta.env.BASE_URL': '"/"' },
    });
    const checklistData = parseYaml(readFileSync(join(root, 'content/checklists/nq04-27.yaml'), 'utf8'));
    const reportPage = await context.newPage();
    await reportPage.goto(`${origin}/rieng-tu/`);
    await reportPage.addScriptTag({ content: reportBundle.outputFiles[0].text });
    const report = await reportPage.evaluate(async (data) => globalThis.tstsReportBench.benchReport(data, 8), checklistData);
    console.log(
      `\nReport PDF, 40-member round, all sections filled: first export ${report.times[0].toFixed(0)} ms; after the first: median ${med(report.times.slice(1)).toFixed(0)} ms (budget ≤ 500 ms); ${kb(report.bytes)} (budget ≤ 150 KB)`,
    );
    console.log(`Blank phiếu tự soi PDF: ${kb(report.formBytes)} (budget ≤ 60 KB)`);

    // Branch workspace: 40 share files chosen at once, change event → picture showing 40 results.
    console.log(describeBranch(await benchBranch(browser, origin)));
  }
  await browser.close();
} finally {
  preview.stop();
}
console.log(`\nMeasured on this machine (${relative(root, dist)} from a fresh build).`);
