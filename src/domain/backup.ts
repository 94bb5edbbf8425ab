/**
 * The backup file: a versioned JSON envelope holding review records, optionally encrypted.
 * Reading one is a boundary: everything is `unknown` until it passes the checks here, and every
 * failure is a BackupError whose message a member can act on.
 *
 * Format (formatVersion 2):
 *   { "format": "tu-soi-tu-sua/backup", "formatVersion": 2, "exportedAt": ISO date-time,
 *     "reviews": [review records, any supported shape version],
 *     "branch": { "rounds": [branch rounds], "entries": [results received in them] } }
 * or, encrypted:
 *   { "format": …, "formatVersion": 2, "exportedAt": …,
 *     "encrypted": { "kdf": "PBKDF2-SHA-256", "iterations": n, "salt": b64, "iv": b64, "data": b64 } }
 * where data is AES-GCM of the JSON { "reviews": […], "branch": {…} }.
 * Version 1 files (reviews only; encrypted data an array of reviews) are read through the
 * migrations in backup-migrations.ts.
 */
import { migratePayload } from './backup-migrations';
import { readBranchPayload, type BranchBackup } from './backup-branch';
import { MAX_BACKUP_BYTES } from './limits';
import { restoreReview, ReviewFormatError } from './review-migrations';
import type { Review } from './review-schema';
import { deriveKey, newKeyParameters, seal, unseal, WrongPassphraseError } from './sealed';
import { isKeyParameters, isSealed } from './sealed-shape';
import { normalizeJson, UnsafeDataError } from './text';

export { MAX_BACKUP_BYTES } from './limits';

// Persisted identifiers: never rename (files already saved by members carry them).
/** Tag every backup file starts with. */
export const BACKUP_FORMAT = 'tu-soi-tu-sua/backup';
/** Current envelope version; readers accept this and older ones. */
export const BACKUP_FORMAT_VERSION = 2;

export type { BranchBackup } from './backup-branch';
const NO_BRANCH: BranchBackup = { rounds: [], entries: [] };

/**
 * Text is data: notes may hold anything a member types ("<img>", "online= miễn phí"). Every view
 * renders text as text (Preact escapes it, jsPDF draws it), so a backup never refuses words; it
 * refuses only wrong sizes, shapes, keys and ids.
 */
export type BackupProblem =
  'too-large' | 'not-json' | 'not-backup' | 'future-version' | 'bad-record' | 'unsafe' | 'needs-passphrase' | 'wrong-passphrase';

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

/** Long work reports how far it got, and gives the page a chance to paint between chunks. */
export interface ProgressOptions {
  /** Called with the records done so far and the total, after each chunk. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Records per chunk (default 250). */
  readonly chunk?: number;
}

const DEFAULT_CHUNK = 250;
/** Lets the event loop run (paint, input) between chunks of long work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface BackupContents {
  readonly reviews: Review[];
  /** The branch workspace (rounds and results received); empty in files of version 1. */
  readonly branch: BranchBackup;
  readonly exportedAt: string;
  readonly encrypted: boolean;
}

/** Builds the text of a backup file. With a passphrase the reviews and branch data are encrypted. */
export async function createBackup(
  reviews: readonly Review[],
  now: Date,
  passphrase?: string,
  iterations?: number,
  branch: BranchBackup = NO_BRANCH,
): Promise<string> {
  const header = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt: now.toISOString() };
  const payload = { reviews, branch: { rounds: branch.rounds, entries: branch.entries } };
  // Compact: a backup of anything restore accepted stays within what restore accepts.
  if (passphrase === undefined || passphrase === '') return JSON.stringify({ ...header, ...payload });
  const parameters = newKeyParameters(iterations);
  const sealed = await seal(await deriveKey(passphrase, parameters), payload);
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
export async function readBackup(text: string, passphrase?: string, options: ProgressOptions = {}): Promise<BackupContents> {
  if (utf8Length(text) > MAX_BACKUP_BYTES) throw new BackupError('too-large', tooLarge);
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
  const allowed = new Set(version === 1 ? ENVELOPE_V1_KEYS : ENVELOPE_KEYS);
  const extra = Object.keys(envelope).find((key) => !allowed.has(key));
  if (extra !== undefined) throw new BackupError('not-backup', notBackup, extra);
  const exportedAt = typeof envelope['exportedAt'] === 'string' ? envelope['exportedAt'] : '';

  const encrypted = envelope['encrypted'];
  let payload: unknown = version === 1 ? envelope['reviews'] : { reviews: envelope['reviews'], branch: envelope['branch'] };
  if (encrypted !== undefined) {
    if (!isKeyParameters(encrypted) || !isSealed(encrypted)) throw new BackupError('not-backup', notBackup, 'encrypted');
    // Encrypted files carry everything inside: plain records beside them would be a file made by hand.
    if ('reviews' in envelope || 'branch' in envelope) throw new BackupError('not-backup', notBackup, 'encrypted');
    if (passphrase === undefined || passphrase === '') {
      throw new BackupError('needs-passphrase', 'Tệp sao lưu này được khóa bằng mật khẩu. Hãy nhập mật khẩu đã dùng khi lưu.');
    }
    try {
      payload = normalizeJson(await unseal(await deriveKey(passphrase, encrypted), encrypted));
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        throw new BackupError('wrong-passphrase', 'Mật khẩu không đúng với tệp sao lưu này. Không có gì bị thay đổi.');
      }
      if (error instanceof UnsafeDataError) throw new BackupError('unsafe', unsafe, error.path);
      throw error;
    }
  }
  const current = migratePayload(version, payload);
  if (current === null || typeof current !== 'object' || Array.isArray(current)) throw new BackupError('not-backup', notBackup);
  const parts = current as Record<string, unknown>;
  const stray = Object.keys(parts).find((key) => key !== 'reviews' && key !== 'branch');
  if (stray !== undefined) throw new BackupError('not-backup', notBackup, stray);
  const records = parts['reviews'];
  if (!Array.isArray(records)) throw new BackupError('not-backup', notBackup, 'reviews');
  const branchRaw = readBranchShape(parts['branch']);
  const total = records.length + branchRaw.rounds.length + branchRaw.entries.length;
  const reviews: Review[] = [];
  const seen = new Set<string>();
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  for (const [index, record] of records.entries()) {
    if (index > 0 && index % chunk === 0) {
      options.onProgress?.(index, total);
      await pause();
    }
    try {
      const review = restoreReview(record);
      if (seen.has(review.id)) throw new ReviewFormatError('Hai bản tự soi trùng mã.');
      seen.add(review.id);
      reviews.push(review);
    } catch (error) {
      if (error instanceof ReviewFormatError) {
        throw new BackupError(
          'bad-record',
          `Không đọc được bản tự soi thứ ${index + 1} trong tệp: ${error.message} Không có gì bị thay đổi.`,
          error.detail,
        );
      }
      throw error;
    }
  }
  const problem = readBranchPayload(branchRaw);
  if (!problem.ok) throw new BackupError('bad-record', `${problem.message} Không có gì bị thay đổi.`, problem.where);
  options.onProgress?.(total, total);
  return { reviews, branch: problem.value, exportedAt, encrypted: encrypted !== undefined };
}

const ENVELOPE_V1_KEYS = ['format', 'formatVersion', 'exportedAt', 'reviews', 'encrypted'];
const ENVELOPE_KEYS = [...ENVELOPE_V1_KEYS, 'branch'];

/** The branch part must be exactly { rounds: [], entries: [] }; its records are checked later. */
function readBranchShape(value: unknown): { rounds: unknown[]; entries: unknown[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new BackupError('not-backup', notBackup, 'branch');
  const branch = value as Record<string, unknown>;
  const stray = Object.keys(branch).find((key) => key !== 'rounds' && key !== 'entries');
  if (stray !== undefined) throw new BackupError('not-backup', notBackup, `branch.${stray}`);
  const { rounds, entries } = branch;
  if (!Array.isArray(rounds) || !Array.isArray(entries)) throw new BackupError('not-backup', notBackup, 'branch');
  return { rounds, entries };
}

/** Bytes of a string in UTF-8, counted without building a copy (files near the limit are large). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

const tooLarge = `Tệp quá lớn (trên ${MAX_BACKUP_BYTES / 1024 / 1024} MB), không phải tệp sao lưu của trang này.`;

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

/**
 * Deep equality of two review lists as stored, used to verify a backup by reading it back.
 * Compares record by record in chunks, so a large store neither freezes the page nor builds one huge string.
 */
export async function sameReviews(a: readonly Review[], b: readonly Review[], options: ProgressOptions = {}): Promise<boolean> {
  if (a.length !== b.length) return false;
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  for (let index = 0; index < a.length; index += 1) {
    if (index > 0 && index % chunk === 0) {
      options.onProgress?.(index, a.length);
      await pause();
    }
    if (JSON.stringify(a[index]) !== JSON.stringify(b[index])) return false;
  }
  options.onProgress?.(a.length, a.length);
  return true;
}
