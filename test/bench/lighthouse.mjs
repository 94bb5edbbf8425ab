// Lighthouse mobile scores (performance, accessibility, best practices, SEO) of the built site:
//   npm run build && node test/bench/lighthouse.mjs        (or: npx node test/bench/lighthouse.mjs)
// Not part of npm test: scores move with the machine's load, so they inform, never decide.
// Serves dist/ with `astro preview` on its own port (alongside any preview already running) and runs
// Lighthouse's default mobile configuration (simulated slow 4G, mid-range phone) in the local Chromium.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import lighthouse from 'lighthouse';

const root = join(import.meta.dirname, '..', '..');
const port = Number(process.env.LIGHTHOUSE_PORT ?? 4339);
const origin = `http://127.0.0.1:${port}`;
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/van-ban/nghi-quyet-04-nq-tw/', '/tu-soi/'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = spawn(
  join(root, 'node_modules/.bin/astro'),
  ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
  { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' },
);
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

try {
  await waitForServer(origin);
  console.log(['page'.padEnd(34), ...categories.map((name) => name.padStart(15))].join(''));
  for (const path of paths) {
    const result = await lighthouse(`${origin}${path}`, { port: chrome.port, onlyCategories: categories, logLevel: 'error' });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
    const scores = categories.map((name) => String(Math.round((lhr.categories[name]?.score ?? 0) * 100)).padStart(15));
    console.log([path.padEnd(34), ...scores].join(''));
    for (const name of categories) {
      for (const ref of lhr.categories[name]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`    ${name}: ${audit.id} (${Math.round(audit.score * 100)}) ${audit.displayValue ?? ''}`);
        }
      }
    }
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'];
    console.log(`    ${metrics.map((id) => `${id}: ${lhr.audits[id]?.displayValue ?? '?'}`).join(', ')}`);
  }
} finally {
  chrome.kill();
  server.kill();
}

async function waitForServer(url) {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro preview did not start at ${url}`);
}
