/**
 * The backup file: a versioned JSON envelope holding review records, optionally encrypted.
 * Reading one is a boundary: everything is `unknown` until it passes the checks here, and every
 * failure is a BackupError whose message a member can act on.
 *
 * Format (formatVersion 1):
 *   { "format": "tu-soi-tu-sua/backup", "formatVersion": 1, "exportedAt": ISO date-time,
 *     "reviews": [review records, any supported shape version] }
 * or, encrypted:
 *   { "format": …, "formatVersion": 1, "exportedAt": …,
 *     "encrypted": { "kdf": "PBKDF2-SHA-256", "iterations": n, "salt": b64, "iv": b64, "data": b64 } }
 * where data is AES-GCM of the JSON array of review records.
 */
import { restoreReview, ReviewFormatError } from './review-migrations';
import type { Review } from './review-schema';
import { deriveKey, isKeyParameters, isSealed, newKeyParameters, seal, unseal, WrongPassphraseError } from './sealed';
import { normalizeJson, UnsafeDataError } from './text';

// Persisted identifiers: never rename (files already saved by members carry them).
/** Tag every backup file starts with. */
export const BACKUP_FORMAT = 'tu-soi-tu-sua/backup';
/** Current envelope version; readers accept this and older ones. */
export const BACKUP_FORMAT_VERSION = 1;
/** Largest backup file accepted: far above 200 full reviews (~10 MB would be ~2000). */
export const MAX_BACKUP_BYTES = 10 * 1024 * 1024;

export type BackupProblem =
  | 'too-large'
  | 'not-json'
  | 'not-backup'
  | 'future-version'
  | 'bad-record'
  | 'unsafe'
  | 'script'
  | 'needs-passphrase'
  | 'wrong-passphrase';

export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Markup that could run if some future view ever rendered text as HTML; refused in imported files. */
const executableMarkup = /<\s*(script|iframe|object|embed|svg|img|link|meta|style)\b|javascript\s*:|\bon[a-z]+\s*=/i;

function findExecutableMarkup(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return executableMarkup.test(value) ? path || '$' : undefined;
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = findExecutableMarkup(entry, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      const found = findExecutableMarkup(entry, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

export interface BackupContents {
  readonly reviews: Review[];
  readonly exportedAt: string;
  readonly encrypted: boolean;
}

/** Builds the text of a backup file. With a passphrase the reviews are encrypted. */
export async function createBackup(
  reviews: readonly Review[],
  now: Date,
  passphrase?: string,
  iterations?: number,
): Promise<string> {
  const header = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt: now.toISOString() };
  if (passphrase === undefined || passphrase === '') return JSON.stringify({ ...header, reviews }, null, 1);
  const parameters = newKeyParameters(iterations);
  const sealed = await seal(await deriveKey(passphrase, parameters), reviews);
  return JSON.stringify({ ...header, encrypted: { ...parameters, ...sealed } }, null, 1);
}

/** Whether a parsed file needs a passphrase, without reading the rest. */
export function backupNeedsPassphrase(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown> | null;
    return typeof parsed === 'object' && parsed !== null && 'encrypted' in parsed;
  } catch {
    return false;
  }
}

/**
 * Reads a backup file's text. Refuses anything that is not exactly a backup this version of the
 * site understands; never returns partial results.
 */
export async function readBackup(text: string, passphrase?: string): Promise<BackupContents> {
  if (new TextEncoder().encode(text).length > MAX_BACKUP_BYTES) {
    throw new BackupError('too-large', 'Tệp quá lớn (trên 10 MB), không phải tệp sao lưu của trang này.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError(
      'not-json',
      'Tệp không đọc được: có thể tệp bị hỏng, bị cắt dở, hoặc không phải tệp sao lưu của trang này.',
    );
  }
  let envelope: Record<string, unknown>;
  try {
    const clean = normalizeJson(raw);
    if (clean === null || typeof clean !== 'object' || Array.isArray(clean)) throw new BackupError('not-backup', notBackup);
    envelope = clean as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UnsafeDataError) throw new BackupError('unsafe', unsafe, error.path);
    throw error;
  }
  if (envelope['format'] !== BACKUP_FORMAT) throw new BackupError('not-backup', notBackup);
  const version = envelope['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new BackupError('not-backup', notBackup);
  if (version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'future-version',
      'Tệp sao lưu được tạo bởi phiên bản mới hơn của trang. Hãy tải lại trang để cập nhật rồi thử lại.',
    );
  }
  const allowed = new Set(['format', 'formatVersion', 'exportedAt', 'reviews', 'encrypted']);
  const extra = Object.keys(envelope).find((key) => !allowed.has(key));
  if (extra !== undefined) throw new BackupError('not-backup', notBackup, extra);
  const exportedAt = typeof envelope['exportedAt'] === 'string' ? envelope['exportedAt'] : '';

  let records: unknown = envelope['reviews'];
  const encrypted = envelope['encrypted'];
  if (encrypted !== undefined) {
    if (!isKeyParameters(encrypted) || !isSealed(encrypted)) throw new BackupError('not-backup', notBackup, 'encrypted');
    if (passphrase === undefined || passphrase === '') {
      throw new BackupError('needs-passphrase', 'Tệp sao lưu này được khóa bằng mật khẩu. Hãy nhập mật khẩu đã dùng khi lưu.');
    }
    try {
      records = normalizeJson(await unseal(await deriveKey(passphrase, encrypted), encrypted));
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        throw new BackupError('wrong-passphrase', 'Mật khẩu không đúng với tệp sao lưu này. Không có gì bị thay đổi.');
      }
      if (error instanceof UnsafeDataError) throw new BackupError('unsafe', unsafe, error.path);
      throw error;
    }
  }
  if (!Array.isArray(records)) throw new BackupError('not-backup', notBackup, 'reviews');
  const script = findExecutableMarkup(records);
  if (script !== undefined) {
    throw new BackupError(
      'script',
      'Tệp có chứa đoạn mã HTML hoặc script trong nội dung, nên không được nhận. Không có gì bị thay đổi.',
      script,
    );
  }
  const reviews: Review[] = [];
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    try {
      const review = restoreReview(record);
      if (seen.has(review.id)) throw new ReviewFormatError('Hai bản tự soi trùng mã.');
      seen.add(review.id);
      reviews.push(review);
    } catch (error) {
      if (error instanceof ReviewFormatError) {
        throw new BackupError(
          'bad-record',
          `Bản tự soi thứ ${index + 1} trong tệp bị hỏng hoặc sai định dạng (${error.message}) Không có gì bị thay đổi.`,
          error.detail,
        );
      }
      throw error;
    }
  }
  return { reviews, exportedAt, encrypted: encrypted !== undefined };
}

const notBackup = 'Đây không phải tệp sao lưu của trang “Tự soi, tự sửa”, hoặc tệp đã bị sửa. Không có gì bị thay đổi.';
const unsafe = 'Tệp có nội dung không an toàn nên không được đọc. Không có gì bị thay đổi.';

/** What restoring would do, review by review, so the member can confirm first. */
export interface RestorePlan {
  readonly added: Review[];
  readonly replaced: { incoming: Review; existing: { period: string; updatedAt: string } }[];
  readonly unchanged: Review[];
}

/** Compares incoming reviews with what is stored (by id): new, would replace, or identical. */
export function planRestore(incoming: readonly Review[], existing: readonly Review[]): RestorePlan {
  const byId = new Map(existing.map((review) => [review.id, review]));
  const plan: { added: Review[]; replaced: RestorePlan['replaced']; unchanged: Review[] } = {
    added: [],
    replaced: [],
    unchanged: [],
  };
  for (const review of incoming) {
    const current = byId.get(review.id);
    if (!current) plan.added.push(review);
    else if (sameContent(current, review)) plan.unchanged.push(review);
    else plan.replaced.push({ incoming: review, existing: { period: current.period, updatedAt: current.updatedAt } });
  }
  return plan;
}

function sameContent(a: Review, b: Review): boolean {
  return JSON.stringify({ ...a, revision: 0 }) === JSON.stringify({ ...b, revision: 0 });
}

/** Deep equality of two review lists as stored, used to verify a backup by reading it back. */
export function sameReviews(a: readonly Review[], b: readonly Review[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
