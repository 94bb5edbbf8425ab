/** Text hygiene shared by storage, import and PDF: Unicode NFC everywhere, no hostile keys. */

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible,
 * and one of them can reverse how a whole line is shown. Never kept.
 */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

/** Unicode NFC, the only form the site stores and prints (jsPDF misplaces decomposed marks). */
export function toNfc(value: string): string {
  return value.normalize('NFC');
}

/** The text as the site keeps it: NFC, without bidirectional controls. */
export function cleanText(value: string): string {
  return toNfc(value.replace(bidiControls, ''));
}

/**
 * Cleans text being typed while keeping the caret where the member is typing: the caret moves by
 * what cleaning removed before it (decomposed marks composed, controls dropped), never to the end.
 */
export function cleanTyping(value: string, caret: number): { text: string; caret: number } {
  const text = cleanText(value);
  if (text === value) return { text, caret };
  return { text, caret: cleanText(value.slice(0, caret)).length };
}

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('vi', { granularity: 'grapheme' }) : undefined;

/** Characters as a person counts them: "😀" and "ệ" (in either form) are one each. */
export function countCharacters(value: string): number {
  if (!graphemes) return Array.from(toNfc(value)).length;
  let count = 0;
  for (const _ of graphemes.segment(value)) count += 1;
  return count;
}

/** Whether two passphrases are the same as typed, whichever Unicode form each keyboard produced. */
export function samePassphrase(a: string, b: string): boolean {
  return toNfc(a) === toNfc(b);
}

/** Keys that could reach an object's prototype when copied; never accepted from outside. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown when outside data has a shape we refuse to touch. */
export class UnsafeDataError extends Error {
  constructor(readonly path: string) {
    super(`Dữ liệu có khóa không hợp lệ: ${path}`);
    this.name = 'UnsafeDataError';
  }
}

/**
 * Deep copy of JSON-like data with every string cleaned (NFC, no bidi controls), refusing prototype-polluting keys and
 * anything that is not plain JSON (functions, class instances, cycles, excessive depth).
 */
export function normalizeJson(value: unknown, path = '$', depth = 0): unknown {
  if (depth > 32) throw new UnsafeDataError(path);
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((entry, index) => normalizeJson(entry, `${path}[${index}]`, depth + 1));
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw new UnsafeDataError(path);
    const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (forbiddenKeys.has(key)) throw new UnsafeDataError(`${path}.${key}`);
      copy[toNfc(key)] = normalizeJson((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    }
    return { ...copy };
  }
  throw new UnsafeDataError(path);
}

/** How many characters of a paste an input with `max` characters will drop (0 when it all fits). */
export function pasteOverflow(currentLength: number, selectedLength: number, pastedLength: number, max: number): number {
  return Math.max(0, currentLength - selectedLength + pastedLength - max);
}
