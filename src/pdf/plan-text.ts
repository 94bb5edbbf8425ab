/** Text helpers of the printed plan: breaking over-long words, the file name and the PDF file id. */
import type { Member, Review } from '../domain/review-schema';
import { toNfc } from '../domain/text';

/** Break opportunity inserted into over-long words: invisible, and wrapping may break there. */
export const BREAK_OPPORTUNITY = '\u200B';

/**
 * Inserts an invisible break opportunity (U+200B) into every run of non-space characters longer
 * than `maxChars`, so wrapping can break it instead of letting it run past the margin (jsPDF
 * #3644). Never splits a letter from its combining marks or a surrogate pair.
 */
export function breakLongWords(text: string, maxChars: number): string {
  const limit = Math.max(1, Math.floor(maxChars));
  return text.replace(/\S+/gu, (word) => {
    const clusters = word.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [word];
    if (clusters.length <= limit) return word;
    let out = '';
    clusters.forEach((cluster, index) => {
      if (index > 0 && index % limit === 0 && cluster !== BREAK_OPPORTUNITY) out += BREAK_OPPORTUNITY;
      out += cluster;
    });
    return out;
  });
}

/**
 * "tu-soi-tu-sua-6-thang-dau-nam-2022-nguyen-van-a.pdf": the period, then the member's name when
 * there is one (a secretary's downloads do not collide), without diacritics, đ→d, lower case, dashes.
 */
export function planFileName(review: Pick<Review, 'period'> & { readonly member?: Pick<Member, 'name'> }): string {
  const slug = [fileSlug(review.period), fileSlug(review.member?.name ?? '')].filter((part) => part !== '').join('-');
  return slug === '' ? 'tu-soi-tu-sua.pdf' : `tu-soi-tu-sua-${slug}.pdf`;
}

/** A file-name part: Vietnamese letters without marks, lower case, words joined by "-", at most 60 characters. */
export function fileSlug(text: string): string {
  return toNfc(text)
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** 128-bit FNV-1a style hash as 32 hex digits: stable, dependency-free, not for security. */
export function deriveFileId(seed: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (const char of seed) {
    const code = char.codePointAt(0) ?? 0;
    for (let lane = 0; lane < lanes.length; lane += 1) {
      const value = ((lanes[lane] ?? 0) ^ (code + lane * 0x9e37)) >>> 0;
      lanes[lane] = Math.imul(value, 0x01000193 + lane * 2) >>> 0;
    }
  }
  return lanes
    .map((lane) => lane.toString(16).padStart(8, '0'))
    .join('')
    .toUpperCase();
}

/** "1–4, 6, 9": consecutive numbers collapsed into ranges. */
export function numberRanges(values: readonly number[]): string {
  const numbers = [...values].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = numbers[0];
  let previous = start;
  for (const number of [...numbers.slice(1), undefined]) {
    if (number !== undefined && previous !== undefined && number === previous + 1) {
      previous = number;
      continue;
    }
    if (start !== undefined && previous !== undefined) parts.push(start === previous ? String(start) : `${start}–${previous}`);
    start = number;
    previous = number;
  }
  return parts.join(', ');
}
