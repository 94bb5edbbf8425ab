/**
 * The search page's access to Pagefind: loads the engine from the built site at run time (never
 * bundled, so it exists only once the index exists, and no page loads it until the reader searches),
 * runs every accent variant of the query and merges the results.
 */
import { queryVariants } from './fold';

/** One result as the search page shows it. */
export interface SearchHit {
  /** Address of the page or of the item's anchor, under the deployed base path. */
  readonly url: string;
  readonly title: string;
  /** "Quy định", "Biểu hiện", … */
  readonly kind: string | undefined;
  /** "37-QĐ/TW" */
  readonly symbol: string | undefined;
  /** Where an item sits in its checklist: "Biểu hiện 5 (nhóm I) · số 5/27". */
  readonly position: string | undefined;
  /** A caution shown under the result, e.g. that an item's summary rests only on keywords. */
  readonly note: string | undefined;
  /** Pagefind's excerpt: escaped text with <mark> around the matched words. */
  readonly excerptHtml: string;
}

export interface SearchOutcome {
  readonly query: string;
  /** Results found, possibly more than `hits` holds. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

/** The part of Pagefind's browser API used here. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<unknown>;
}

/**
 * Ranking, tuned on this site's content: "đ" and accents count the same as their absence (members
 * type without them, and the accented query must give the same order), and repeated use of a word
 * counts a little more than page length so the practical guide is not outranked by short pages.
 * Symbol fields weigh like the title.
 */
const ranking = { diacriticSimilarity: 0, termFrequency: 0.6, metaWeights: { title: 5, symbol: 5, aliases: 5 } };

let engine: Promise<PagefindApi> | undefined;

/** Loads Pagefind once; rejects when the site was built without the index (e.g. under `astro dev`). */
export function loadEngine(base: string): Promise<PagefindApi> {
  engine ??= (async () => {
    const module: unknown = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    if (!isPagefindApi(module)) throw new Error('pagefind.js has an unexpected shape');
    await module.options({ baseUrl: base, excerptLength: 24, ranking });
    await module.init();
    return module;
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

function isPagefindApi(value: unknown): value is PagefindApi {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<PagefindApi>).search === 'function' &&
    typeof (value as Partial<PagefindApi>).options === 'function' &&
    typeof (value as Partial<PagefindApi>).init === 'function'
  );
}

/**
 * Searches every variant of the query (see `queryVariants`) and keeps each page once, ranked by its
 * best score. Its excerpt comes from the variant with the most "đ" that found it, so the highlighted
 * words are the real ones ("đảng viên") even when the page also matched the folded copy.
 */
export async function search(api: PagefindApi, query: string, limit = 20): Promise<SearchOutcome> {
  const variants = queryVariants(query);
  const found = new Map<string, { score: number; result: PagefindResult; specificity: number }>();
  for (const variant of variants) {
    const response = await api.search(variant);
    const specificity = [...variant].filter((char) => char === 'đ').length;
    for (const result of response?.results ?? []) {
      const seen = found.get(result.id);
      if (seen === undefined) {
        found.set(result.id, { score: result.score, result, specificity });
      } else {
        seen.score = Math.max(seen.score, result.score);
        if (specificity > seen.specificity) Object.assign(seen, { result, specificity });
      }
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.score - a.score);
  const hits = await Promise.all(ranked.slice(0, limit).map(async ({ result }) => toHit(await result.data())));
  return { query, total: ranked.length, hits: hits.filter((hit) => hit !== undefined) };
}

/** Pagefind's result data, read defensively: anything missing drops the result, never the page. */
function toHit(data: unknown): SearchHit | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const meta = (typeof record['meta'] === 'object' && record['meta'] !== null ? record['meta'] : {}) as Record<string, unknown>;
  const url = text(record['url']);
  const title = text(meta['title']);
  if (url === undefined || title === undefined) return undefined;
  return {
    url,
    title,
    kind: text(meta['kind']),
    symbol: text(meta['symbol']),
    position: text(meta['position']),
    note: text(meta['note']),
    excerptHtml: text(record['excerpt']) ?? '',
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
