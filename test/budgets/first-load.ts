/**
 * Size budgets over the built site: the JavaScript a page loads before the member does anything
 * (inline scripts, script and island entry files, and everything they import statically; dynamic
 * import() is loaded on demand and not counted), gzip level 9. `npm test` runs this after the build
 * and fails when a page is over its budget. Sizes only, never timings.
 *
 *   node test/budgets/first-load.ts [dist]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** A page's first-load JavaScript budget. */
export interface Budget {
  /** Built HTML file, relative to dist. */
  readonly page: string;
  /** Largest first-load JavaScript, gzip bytes. */
  readonly maxGzip: number;
  /** For pages still being built: checked only once the page exists. */
  readonly onceBuilt?: boolean;
}

export const budgets: readonly Budget[] = [
  { page: 'tu-soi/index.html', maxGzip: 25 * 1024 },
  { page: 'chi-bo/index.html', maxGzip: 30 * 1024, onceBuilt: true },
];

export interface FirstLoad {
  readonly files: string[];
  readonly inlineBytes: number;
  readonly raw: number;
  readonly gzip: number;
}

const gz = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;

/** Files reached from `file` through static imports (`import … from`, `import '…'`, `export … from`). */
export function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const target = match[1];
    if (target?.startsWith('.')) staticGraph(join(dirname(file), target), seen);
  }
  for (const match of code.matchAll(/\bfrom\s*["'](\.[^"']+)["']/g)) {
    const target = match[1];
    if (target) staticGraph(join(dirname(file), target), seen);
  }
  return seen;
}

/** The first-load JavaScript of one built page. */
export function firstLoad(dist: string, page: string): FirstLoad {
  const text = readFileSync(join(dist, page), 'utf8');
  const entries = new Set<string>();
  for (const match of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) if (match[1]) entries.add(match[1]);
  for (const match of text.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) if (match[1]) entries.add(match[1]);
  const files = new Set<string>();
  for (const url of entries) staticGraph(join(dist, url.replace(/^\//, '').replace(/^(?:[^/]+\/)*?(_astro\/)/, '$1')), files);
  const inline = [...text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('');
  let raw = Buffer.byteLength(inline);
  let gzip = inline ? gz(Buffer.from(inline)) : 0;
  for (const file of files) {
    const content = readFileSync(file);
    raw += content.length;
    gzip += gz(content);
  }
  return { files: [...files], inlineBytes: Buffer.byteLength(inline), raw, gzip };
}

export interface BudgetResult {
  readonly budget: Budget;
  /** Undefined when the page is not built (allowed only for onceBuilt budgets). */
  readonly measured?: FirstLoad;
  readonly ok: boolean;
  readonly line: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Checks every budget against a built site; a missing page fails unless its budget is onceBuilt. */
export function checkBudgets(dist: string, list: readonly Budget[] = budgets): BudgetResult[] {
  return list.map((budget) => {
    if (!existsSync(join(dist, budget.page))) {
      const ok = budget.onceBuilt === true;
      return { budget, ok, line: `${budget.page}: ${ok ? 'not built yet, skipped' : 'MISSING from the build'}` };
    }
    const measured = firstLoad(dist, budget.page);
    const ok = measured.gzip <= budget.maxGzip;
    const verdict = ok ? 'within budget' : 'OVER BUDGET';
    return {
      budget,
      measured,
      ok,
      line: `${budget.page}: first-load JS ${kb(measured.gzip)} gzip in ${measured.files.length} files (budget ${kb(budget.maxGzip)}) ${verdict}`,
    };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist'));
  const results = checkBudgets(dist);
  for (const result of results) console.log(result.line);
  if (results.some((result) => !result.ok)) {
    console.error(
      'Size budget exceeded: keep heavy code behind await import() or raise the budget in test/budgets/first-load.ts with a reason.',
    );
    process.exit(1);
  }
}
