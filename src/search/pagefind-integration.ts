/**
 * Builds the Pagefind search index at the end of `astro build`, before the service worker is
 * generated (so the worker precaches the index). Using Pagefind's Node API rather than its command
 * line lets the index hold what the pages must not show:
 * - a hidden, accent-free copy of every word with "đ" ("folded" metadata), since Pagefind matches
 *   "tu soi" to "tự soi" but never "dang" to "đảng";
 * - the ways members type a document's symbol ("aliases" metadata, weighted in the search page);
 * - one record per checklist item, linking to the item's anchor on its document page, so a
 *   manifestation is a result of its own rather than a line somewhere in a long page.
 * Integration order matters: list it before the PWA integration in astro.config.mjs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { isUnverifiedGist, itemPosition, numberChecklist, unverifiedGistNote } from '../domain/checklist';
import { checklistSchema } from '../domain/checklist-schema';
import { foldedDWords, symbolAliases } from './fold';

/** Every page and record is Vietnamese: one index, with Pagefind's diacritic folding. */
const language = 'vi';

export function searchIndex(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'tsts-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        try {
          let pages = 0;
          for (const file of await htmlFiles(outDir)) {
            const html = await readFile(file, 'utf8');
            if (!html.includes('data-pagefind-body')) continue;
            const response = await index.addHTMLFile({ url: pageUrl(outDir, file), content: withSearchOnlyMeta(html) });
            failOn(response.errors, file);
            pages += 1;
          }
          const items = await addChecklistRecords(index, root, outDir);
          failOn((await index.writeFiles({ outputPath: join(outDir, 'pagefind') })).errors, 'pagefind');
          logger.info(`Pagefind: ${pages} trang, ${items} biểu hiện.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

function failOn(errors: readonly string[], where: string): void {
  if (errors.length > 0) throw new Error(`Pagefind (${where}): ${errors.join('; ')}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(dir, path).startsWith(`pagefind${sep}`))
    .sort();
}

/** Site-relative URL without the base path (the search page adds it): "/van-ban/x/". */
function pageUrl(outDir: string, file: string): string {
  const path = relative(outDir, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The page with two hidden metadata fields added for the index only; dist/ keeps the original. */
function withSearchOnlyMeta(html: string): string {
  const symbol = metaText(html, 'symbol');
  const kind = metaText(html, 'kind');
  const fields = [
    ['folded', foldedDWords(`${titleText(html)} ${mainText(html)}`).join(' ')],
    ['aliases', symbol ? symbolAliases(symbol, kind).join(' ') : ''],
  ].filter(([, value]) => value);
  const hidden = fields.map(([key, value]) => `<div hidden data-pagefind-meta="${key}:${escapeAttribute(value ?? '')}"></div>`);
  return html.replace('</body>', `${hidden.join('')}</body>`);
}

/** Text of an element marked `data-pagefind-meta="<key>"` (as DocumentMeta marks kind and symbol). */
function metaText(html: string, key: string): string | undefined {
  const match = new RegExp(`data-pagefind-meta="${key}"[^>]*>([^<]*)<`).exec(html);
  return match?.[1] ? decodeEntities(match[1]).trim() : undefined;
}

function titleText(html: string): string {
  return decodeEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
}

/** Visible text of <main> without its navigation (breadcrumb, table of contents, previous/next). */
function mainText(html: string): string {
  const main = /<main[\s>][\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return decodeEntities(
    main
      .replace(/<nav[\s>][\s\S]*?<\/nav>/g, ' ')
      .replace(/<(script|style)[\s>][\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body.toLowerCase()] ?? entity;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * One record per item of every checklist that names the document publishing it. The text shown is
 * the one the page shows (official wording when pasted in, otherwise the summary). The item list on
 * the page itself is marked data-pagefind-ignore (ChecklistItems.astro), so it is not found twice.
 */
async function addChecklistRecords(index: pagefind.PagefindIndex, root: string, outDir: string): Promise<number> {
  const contentDir = join(root, process.env['TSTS_CONTENT_DIR'] ?? 'content', 'checklists');
  let count = 0;
  for (const name of (await readdir(contentDir)).filter((file) => /\.(ya?ml|json)$/.test(file)).sort()) {
    const checklist = checklistSchema.parse(parse(await readFile(join(contentDir, name), 'utf8')));
    if (checklist.sourceDocument === undefined) continue;
    const pagePath = join(outDir, 'van-ban', checklist.sourceDocument, 'index.html');
    const page = await readFile(pagePath, 'utf8');
    const numbered = numberChecklist(checklist);
    for (const group of numbered.groups) {
      for (const item of group.items) {
        const anchor = `bieu-hien-${item.id}`;
        // A record must never link to an anchor the page lacks: fail the build instead.
        if (!page.includes(`id="${anchor}"`)) throw new Error(`${name}: ${pagePath} không có #${anchor}`);
        const text = item.officialText ?? item.gist;
        const response = await index.addCustomRecord({
          url: `/van-ban/${checklist.sourceDocument}/#${anchor}`,
          content: `${item.label}. ${text}`,
          language,
          meta: {
            title: item.label,
            kind: 'Biểu hiện',
            symbol: checklist.sourceSymbol,
            position: itemPosition(item, numbered.total),
            folded: foldedDWords(`${item.label} ${text}`).join(' '),
            ...(isUnverifiedGist(item) ? { note: unverifiedGistNote } : {}),
          },
        });
        failOn(response.errors, `${name} ${item.id}`);
        count += 1;
      }
    }
  }
  return count;
}
