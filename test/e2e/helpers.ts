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
