/** Shared e2e helpers: the list of built pages, an axe scan, and a log of every request a page makes. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Every HTML page of the built site as a URL path ("/", "/van-ban/…/", "/404.html"). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!name.startsWith('_') && name !== 'pagefind') walk(path);
      } else if (name.endsWith('.html')) {
        const rel = relative(dist, path).split('\\').join('/');
        pages.push(
          rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`,
        );
      }
    }
  };
  walk(dist);
  return pages.sort();
}

/** Zero axe violations against WCAG 2.x A/AA rules. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Records every request the page makes from now on. */
export function recordRequests(page: Page): { url: string; method: string; type: string }[] {
  const log: { url: string; method: string; type: string }[] = [];
  page.on('request', (request) => log.push({ url: request.url(), method: request.method(), type: request.resourceType() }));
  return log;
}

/**
 * Creates a review from the list at /tu-soi/ (going there first unless `navigate` is false) and
 * waits for its checklist to open.
 */
export async function createReview(page: Page, period: string, { navigate = true } = {}): Promise<void> {
  if (navigate) await page.goto('/tu-soi/');
  await page.getByLabel('Kỳ tự soi').fill(period);
  await page.getByRole('button', { name: 'Tạo bản tự soi mới' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tự soi' })).toBeFocused();
}

/** Answers one checklist item in the open review: a level and, if given, what the member observed. */
export async function fillItem(
  page: Page,
  itemId: string,
  { level, observed }: { level: 'none' | 'risk' | 'some' | 'clear'; observed?: string },
): Promise<void> {
  await page.locator(`#item-${itemId}-${level}`).check();
  if (observed !== undefined) await page.locator(`#item-${itemId}-observed`).fill(observed);
}

/** Waits until the save status says the review is stored. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-status')).toContainText(/Đã lưu lúc \d{2}:\d{2}/);
}

/** Every record of every store, straight from IndexedDB, bypassing the page's own code. */
export async function readRawDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open('tu-soi-tu-sua');
        request.onerror = () => reject(new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const result: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              result[name] = all.result as unknown[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
        };
      }),
  );
}

/** Picks the largest text size; on a phone the control sits behind the header's "Cỡ chữ" button. */
export async function chooseLargestText(page: Page): Promise<void> {
  const largest = page.getByRole('button', { name: 'Cỡ chữ rất lớn' });
  if (!(await largest.isVisible())) await page.getByRole('button', { name: 'Cỡ chữ', exact: true }).click();
  await largest.click();
}
