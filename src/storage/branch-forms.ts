/**
 * How branch rounds and entries are stored: plain while the lock is off; sealed with the passphrase
 * key while it is on, a round as { id, revision, sealed } (the revision stays readable for the
 * conflict check) and an entry as { id, roundId, sealed } (roundId feeds the by-round index).
 */
import type { Entry, Round } from '../domain/branch/branch-schema';
import { DocumentLockedError, UserFacingError } from '../domain/errors';
import { isSealedForm } from '../domain/sealed-shape';
import { readEntry, readRound } from './branch-records';

/** The branch data is stored sealed and this tab does not hold the key. */
export class BranchLockedError extends DocumentLockedError {
  constructor() {
    super('Dữ liệu của chi bộ đang được khóa. Hãy nhập mật khẩu để mở.');
    this.name = 'BranchLockedError';
  }
}

/** Turning the lock on or off found a branch record it cannot read: nothing is rewritten (fail closed). */
export class UnreadableBranchDataError extends UserFacingError {
  constructor() {
    super(
      'Có dữ liệu của chi bộ không đọc được (có thể đã hỏng), nên chưa đổi được khóa; dữ liệu vẫn như cũ. Hãy lưu bản sao ra tệp, dùng “Xóa mọi dữ liệu”, rồi khôi phục từ bản sao đó.',
    );
    this.name = 'UnreadableBranchDataError';
  }
}

/** A sealed record and no key: locked, or (the lock is off) a leftover that cannot be read. */
function sealedWithoutKey(lockOff: boolean): undefined {
  if (lockOff) return undefined;
  throw new BranchLockedError();
}

/** The sealing code loads only once there is a key (the lock is on): /chi-bo/'s first load stays small. */
const sealing = () => import('../domain/sealed-form');

/** The stored form of a round: itself, or sealed with `key`. */
export async function encodeRound(round: Round, key: CryptoKey | undefined): Promise<unknown> {
  return key ? (await sealing()).sealForm(key, round, ['id', 'revision']) : round;
}

/** The stored form of an entry: itself, or sealed with `key`. */
export async function encodeEntry(entry: Entry, key: CryptoKey | undefined): Promise<unknown> {
  return key ? (await sealing()).sealForm(key, entry, ['id', 'roundId']) : entry;
}

/**
 * A stored round, or undefined when it cannot be read (left in place, never overwritten). Throws
 * BranchLockedError for a sealed round without the key, unless the lock is known to be off.
 */
export async function decodeRound(raw: unknown, key: CryptoKey | undefined, lockOff = false): Promise<Round | undefined> {
  if (!isSealedForm(raw)) return readRound(raw);
  if (!key) return sealedWithoutKey(lockOff);
  try {
    const round = readRound(await (await sealing()).openForm(key, raw));
    const revision = (raw as { revision?: unknown }).revision;
    return round && typeof revision === 'number' ? { ...round, revision } : round;
  } catch {
    return undefined;
  }
}

export async function decodeEntry(raw: unknown, key: CryptoKey | undefined, lockOff = false): Promise<Entry | undefined> {
  if (!isSealedForm(raw)) return readEntry(raw);
  if (!key) return sealedWithoutKey(lockOff);
  try {
    return readEntry(await (await sealing()).openForm(key, raw));
  } catch {
    return undefined;
  }
}

/** Decodes many records, leaving out those that cannot be read. */
export async function decodeAll<T>(
  raws: readonly unknown[],
  key: CryptoKey | undefined,
  decode: (raw: unknown, key: CryptoKey | undefined, lockOff: boolean) => Promise<T | undefined>,
  lockOff = false,
): Promise<T[]> {
  const decoded = await Promise.all(raws.map((raw) => decode(raw, key, lockOff)));
  return decoded.filter((value) => value !== undefined);
}
