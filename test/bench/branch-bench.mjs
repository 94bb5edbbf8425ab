// The branch workspace's timing (issue 9): 40 share files chosen at once, change event → picture
// showing the 40 results. Used by `npm run bench`; on its own (against an existing `dist/`):
//   node test/bench/branch-bench.mjs [rounds]
// Timing is a figure to read, never a pass/fail test.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { startPreview } from './preview.mjs';

const itemIds = ['I', 'II', 'III'].flatMap((group) => Array.from({ length: 9 }, (_, index) => `${group}-${index + 1}`));
const shareLevels = ['none', 'risk', 'some', 'clear'];

/** 40 valid share files for the 27-item checklist, each from another member. */
export const benchShareFiles = () =>
  Array.from({ length: 40 }, (_, member) => ({
    name: `ket-qua-${member + 1}.tusoi-share.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'tu-soi-tu-sua/share',
        formatVersion: 1,
        sharedAt: '2026-06-01T08:00:00.000Z',
        share: {
          shareId: `bench${String(member).padStart(4, '0')}`,
          revision: 3,
          checklistId: 'nq04-27',
          period: '6 tháng đầu năm 2026',
          levels: Object.fromEntries(itemIds.map((id, index) => [id, shareLevels[(index + member) % 4]])),
          actions: itemIds.slice(0, 10).map((itemId) => ({ itemId, status: 'in-progress', deadline: '2026-12-31' })),
        },
      }),
    ),
  }));

/** Milliseconds from the file input's change event to the picture of 40 shown, one figure per round. */
export async function benchBranch(browser, origin, rounds = 5) {
  const files = benchShareFiles();
  const times = [];
  for (let round = 0; round < rounds; round += 1) {
    const context = await browser.newContext();
    const branch = await context.newPage();
    await branch.goto(`${origin}/chi-bo/`);
    await branch.getByLabel('Kỳ tự soi').fill('6 tháng đầu năm 2026');
    await branch.getByLabel(/Số đảng viên của chi bộ/).fill('45');
    await branch.getByRole('button', { name: 'Tạo đợt' }).click();
    const input = branch.getByLabel(/Chọn một hay nhiều tệp kết quả/);
    await input.waitFor();
    await branch.evaluate(() => {
      const heading = () => document.getElementById('entries-heading')?.textContent ?? '';
      globalThis.branchBench = new Promise((resolve) => {
        document.getElementById('share-files').addEventListener(
          'change',
          () => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (
                heading().includes('(40)') &&
                document.querySelector('[data-testid="denominators"]')?.textContent.includes('40/45')
              ) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - start));
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          },
          { capture: true, once: true },
        );
      });
    });
    await input.setInputFiles(files);
    times.push(await branch.evaluate(() => globalThis.branchBench));
    await context.close();
  }
  return times;
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const describeBranch = (times) =>
  `Add 40 share files at once, file chosen → picture of 40 shown: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} rounds (budget ≤ 300 ms)`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 9);
  const port = 4391;
  const root = new URL('../..', import.meta.url).pathname;
  const preview = await startPreview(root, port);
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const times = await benchBranch(browser, preview.origin, rounds);
    console.log(`${describeBranch(times)}; each: ${times.map((t) => t.toFixed(0)).join(', ')}`);
    await browser.close();
  } finally {
    preview.stop();
  }
}
