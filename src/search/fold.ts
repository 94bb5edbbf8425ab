/**
 * Accent-free Vietnamese for search. Members type the way they chat ("dang vien" for "đảng viên").
 * Pagefind (≥ 1.5) already ignores tone and vowel marks, but "đ" is a letter of its own, not "d"
 * plus a mark, so it never matches "d". Two helpers close that gap: the index gets a hidden,
 * folded copy of every word containing "đ" (`foldedDWords`, stored as Pagefind metadata so it never
 * appears in an excerpt) and the query is also tried with "đ" (`queryVariants`), so the excerpt
 * highlights the real, accented words.
 */

/** Lower case, without any mark, "đ" as "d": how a reader types a word without accents. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Words of `text` that contain "đ", folded and de-duplicated in first-seen order. */
export function foldedDWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (/[đĐ]/.test(word)) words.add(foldVietnamese(word));
  }
  return [...words];
}

/**
 * Searches to run for one query: the query as typed plus, for every word containing "d", the same
 * word with "đ" (Vietnamese "đ" is either at the start of a syllable or inside a symbol such as
 * "QĐ"). Pagefind requires every word to match, so the choices multiply; past `limit` searches only
 * "as typed" and "every d as đ" are kept, and the folded copy in the index still finds the page.
 */
export function queryVariants(query: string, limit = 16): string[] {
  const words = query.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const choices = words.map((word) => (word.includes('d') ? [word, word.replaceAll('d', 'đ')] : [word]));
  const count = choices.reduce((product, options) => product * options.length, 1);
  if (count > limit) {
    const asTyped = words.join(' ');
    const allD = choices.map((options) => options.at(-1) ?? '').join(' ');
    return asTyped === allD ? [asTyped] : [asTyped, allD];
  }
  let variants: string[][] = [[]];
  for (const options of choices) variants = variants.flatMap((prefix) => options.map((option) => [...prefix, option]));
  return variants.map((variant) => variant.join(' '));
}

/**
 * Ways members write a document symbol, for a hidden, heavily weighted search field: "37-QĐ/TW" is
 * also found as "qd 37", "qđ37", "37 qd tw" or "quy dinh 37" (with the kind, e.g. "Quy định").
 */
export function symbolAliases(symbol: string, kindLabel?: string): string[] {
  const parts = symbol
    .toLowerCase()
    .split(/[-/\s.]+/)
    .filter(Boolean);
  const [number, type] = parts;
  const aliases = new Set<string>([symbol.toLowerCase(), parts.join(' ')]);
  if (number !== undefined && type !== undefined) {
    aliases.add(`${type} ${number}`).add(`${type}${number}`).add(`${number}${type}`);
  }
  if (number !== undefined && kindLabel !== undefined) aliases.add(`${kindLabel.toLowerCase()} ${number}`);
  for (const alias of [...aliases]) aliases.add(foldVietnamese(alias));
  return [...aliases];
}
