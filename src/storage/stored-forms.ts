/**
 * How reviews, summaries and the lock settings are stored in IndexedDB, and the checks that read
 * them back from `unknown`. Persisted shapes: never rename fields.
 */
import type { ReviewSummary } from '../domain/review-model';
import type { Review } from '../domain/review-schema';
import { isSealed, type Sealed } from '../domain/sealed-shape';

/** The lock settings moved to lock-settings.ts (kept light for /chi-bo/); re-exported for existing imports. */
export { isLockSettings, LOCK_SETTING, type LockSettings } from './lock-settings';
import { summarise } from '../domain/review-model';

/** How an encrypted review is stored: only the id and revision stay readable. */
export interface LockedRecord {
  readonly id: string;
  readonly revision: number;
  readonly sealed: Sealed;
}

/** How an encrypted summary is stored: only the id and the time of the last change stay readable. */
export interface LockedSummary {
  readonly id: string;
  readonly updatedAt: string;
  readonly sealed: Sealed;
}

/** The stored forms of a review and of its summary. */
export type Encoded = [Review | LockedRecord, ReviewSummary | LockedSummary];

export function isLockedRecord(value: unknown): value is LockedRecord | LockedSummary {
  return typeof value === 'object' && value !== null && isSealed((value as Record<string, unknown>)['sealed']);
}

/** A stored (or decrypted) list summary, checked field by field; undefined when malformed. */
export function parseSummary(value: unknown): ReviewSummary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const texts = ['id', 'period', 'checklistId', 'updatedAt', 'memberName'] as const;
  const counts = ['answered', 'actions'] as const;
  if (!texts.every((key) => typeof record[key] === 'string')) return undefined;
  if (!counts.every((key) => Number.isSafeInteger(record[key]) && (record[key] as number) >= 0)) return undefined;
  return {
    id: record['id'] as string,
    period: record['period'] as string,
    checklistId: record['checklistId'] as string,
    updatedAt: record['updatedAt'] as string,
    answered: record['answered'] as number,
    actions: record['actions'] as number,
    memberName: record['memberName'] as string,
  };
}

/** What the list shows for a record it cannot read: its id, so the member knows which one failed. */
export function unreadableSummary(raw: unknown): ReviewSummary {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = typeof record['id'] === 'string' ? record['id'] : '?';
  return {
    id,
    period: `Không đọc được bản này (mã ${id})`,
    checklistId: '',
    updatedAt: typeof record['updatedAt'] === 'string' ? record['updatedAt'] : '',
    answered: 0,
    actions: 0,
    memberName: '',
  };
}

/** The stored forms of a review and its summary, plain (sealed: review-sealing.ts). */
export function encodePlain(review: Review): Encoded {
  return [review, summarise(review)];
}
