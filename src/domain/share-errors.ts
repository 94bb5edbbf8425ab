/** What a received share file or link can be refused for, in Vietnamese, and the checks both share. */
import { normalizeJson, UnsafeDataError } from './text';

export type ShareProblem =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'is-backup'
  | 'not-share'
  | 'future-version'
  | 'bad-content'
  | 'unsafe'
  | 'script'
  | 'cut-link'
  | 'bad-link'
  | 'unknown-item'
  | 'other-checklist';

export class ShareError extends Error {
  constructor(
    readonly problem: ShareProblem,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

export const noChange = 'Không có gì bị thay đổi.';

/** Markup that could run if a view ever rendered text as HTML; refused in anything received. */
const executableMarkup = /<\s*(script|iframe|object|embed|svg|img|link|meta|style)\b|javascript\s*:|\bon[a-z]+\s*=/i;

export function findMarkup(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return executableMarkup.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = findMarkup(entry, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      const found = findMarkup(entry, `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function clean(raw: unknown): unknown {
  try {
    return normalizeJson(raw);
  } catch (error) {
    if (error instanceof UnsafeDataError) {
      throw new ShareError('unsafe', `Dữ liệu có nội dung không an toàn nên không được đọc. ${noChange}`, error.path);
    }
    throw error;
  }
}
