/**
 * Summaries of stored records of any shape version, without validation: the database upgrade
 * rebuilds the list from raw records inside its transaction, where nothing else may be awaited.
 */
import type { ReviewSummary } from './review-model';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A list summary read leniently from a raw record (shape 1 or 2); undefined when it has no id. */
export function summariseStored(raw: unknown): ReviewSummary | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record['id'] !== 'string') return undefined;
  const answers = record['answers'] !== null && typeof record['answers'] === 'object' ? Object.entries(record['answers']) : [];
  const answeredItems = answers
    .filter(([, answer]) => {
      const entry = answer as Record<string, unknown> | null;
      const level = entry?.['assessment'] ?? entry?.['level'];
      return typeof level === 'string' && level !== 'unset';
    })
    .map(([itemId]) => itemId);
  const actions = Array.isArray(record['actions']) ? record['actions'] : Array.isArray(record['plan']) ? record['plan'] : [];
  const member =
    record['member'] !== null && typeof record['member'] === 'object' ? (record['member'] as Record<string, unknown>) : {};
  return {
    id: record['id'],
    period: text(record['period']),
    checklistId: text(record['checklistId']),
    updatedAt: text(record['updatedAt']),
    answered: answeredItems.length,
    answeredItems,
    actions: actions.length,
    memberName: text(member['name']),
  };
}

/** How many of the checklist's own items a review answered; answers for unknown items never count. */
export function countAnswered(summary: ReviewSummary, itemIds: readonly string[]): number {
  if (summary.answeredItems === undefined) return Math.min(summary.answered, itemIds.length);
  const known = new Set(itemIds);
  return summary.answeredItems.filter((itemId) => known.has(itemId)).length;
}
