import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBudgets } from '../budgets/first-load';

/** Code that gzip cannot shrink much: `bytes` characters of base64 from a seeded hash chain. */
function incompressible(bytes: number, seed = 1): string {
  let block = createHash('sha256').update(String(seed)).digest();
  let out = '';
  while (out.length < bytes) {
    out += block.toString('base64');
    block = createHash('sha256').update(block).digest();
  }
  return `export const data = "${out.slice(0, bytes)}";\n`;
}

let dist = '';
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** A tiny built site: /tu-soi/ loads an island whose entry imports `imported` statically and `lazy` dynamically. */
function site(entryBytes: number, importedBytes: number, lazyBytes: number): string {
  dist = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dist, 'tu-soi'));
  mkdirSync(join(dist, '_astro'));
  writeFileSync(
    join(dist, 'tu-soi', 'index.html'),
    '<html><body><astro-island component-url="/_astro/App.js" renderer-url="/_astro/client.js"></astro-island><script>let a=1</script></body></html>',
  );
  writeFileSync(
    join(dist, '_astro', 'App.js'),
    `import{data}from"./shared.js";const later=()=>import("./lazy.js");${incompressible(entryBytes, 2)}`,
  );
  writeFileSync(join(dist, '_astro', 'client.js'), 'export default 1;');
  writeFileSync(join(dist, '_astro', 'shared.js'), incompressible(importedBytes, 3));
  writeFileSync(join(dist, '_astro', 'lazy.js'), incompressible(lazyBytes, 4));
  return dist;
}

describe('first-load size budgets', () => {
  it('fails a build whose /tu-soi/ first-load JS is over 25 KB gzip', () => {
    const [result] = checkBudgets(site(10_000, 30_000, 0));
    expect(result?.measured?.files).toHaveLength(3);
    expect(result?.ok).toBe(false);
    expect(result?.line).toMatch(/OVER BUDGET/);
    expect(result?.measured?.gzip).toBeGreaterThan(25 * 1024);
  });

  it('passes when the heavy code is only imported dynamically', () => {
    const [result] = checkBudgets(site(5_000, 5_000, 200_000));
    expect(result?.ok).toBe(true);
    expect(result?.measured?.files.map((file) => file.split('/').pop()).sort()).toEqual(['App.js', 'client.js', 'shared.js']);
  });

  it('skips a budgeted page that is not built yet, but fails a missing page that must exist', () => {
    const root = site(1_000, 1_000, 0);
    const results = checkBudgets(root, [
      { page: 'chi-bo/index.html', maxGzip: 30 * 1024, onceBuilt: true },
      { page: 'khong-co/index.html', maxGzip: 1 },
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
  });
});
