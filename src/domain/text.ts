/** Text hygiene shared by storage, import and PDF: Unicode NFC everywhere, no hostile keys. */

/** Unicode NFC, the only form the site stores and prints (jsPDF misplaces decomposed marks). */
export function toNfc(value: string): string {
  return value.normalize('NFC');
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
 * Deep copy of JSON-like data with every string in NFC, refusing prototype-polluting keys and
 * anything that is not plain JSON (functions, class instances, cycles, excessive depth).
 */
export function normalizeJson(value: unknown, path = '$', depth = 0): unknown {
  if (depth > 32) throw new UnsafeDataError(path);
  if (typeof value === 'string') return toNfc(value);
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
