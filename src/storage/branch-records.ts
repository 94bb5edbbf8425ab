/** Validation of branch records on their way into and out of a store (shared by both implementations). */
import { checkEntry, checkRound, type Entry, type Round } from '../domain/branch/branch-schema';
import { normalizeJson } from '../domain/text';
import { StorageWriteError } from './review-store';

/** Validates and NFC-normalises a round before it is written; a bug, not the member, makes it fail. */
export function prepareRound(round: Round): Round {
  const checked = checkRound(normalizeJson(round));
  if (!checked.ok) throw new StorageWriteError(`Dữ liệu đợt không hợp lệ (${checked.where}), chưa lưu.`);
  return checked.value;
}

export function prepareEntry(entry: Entry): Entry {
  const checked = checkEntry(normalizeJson(entry));
  if (!checked.ok) throw new StorageWriteError(`Kết quả không hợp lệ (${checked.where}), chưa lưu.`);
  return checked.value;
}

/** A stored round, or undefined when it cannot be read (it is left in place, never overwritten). */
export function readRound(raw: unknown): Round | undefined {
  try {
    const checked = checkRound(normalizeJson(raw));
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}

export function readEntry(raw: unknown): Entry | undefined {
  try {
    const checked = checkEntry(normalizeJson(raw));
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}
