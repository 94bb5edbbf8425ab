/**
 * The branch's picture: how often each manifestation appears among the results received, at which
 * level, always with its denominators, and the outbound version where small counts are hidden.
 * Pure: (round, entries, checklist) in, plain numbers out; views, charts and the report read it.
 */
import { actionStatuses, assessmentLevels, type ActionStatus, type Assessment } from '../review-constants';
import type { Entry, Round } from './branch-schema';

/** The part of a checklist the picture needs (a ChecklistData fits). */
export interface PictureChecklist {
  readonly groups: readonly {
    readonly id: string;
    readonly title: string;
    readonly items: readonly { readonly id: string; readonly label: string }[];
  }[];
}

/** Levels in the order the picture lists them ("unset" = the member left the item unanswered). */
export const pictureLevels = ['clear', 'some', 'risk', 'none', 'unset'] as const satisfies readonly Assessment[];
export type LevelCounts<C = number> = Readonly<Record<Assessment, C>>;

export interface ItemPicture<C = number> {
  readonly itemId: string;
  readonly groupId: string;
  /** Number in the whole checklist, from 1. */
  readonly number: number;
  readonly label: string;
  /** Results counted at each level; they add up to `sent`. */
  readonly counts: LevelCounts<C>;
  /** Members with a sign ("some" or "clear"). */
  readonly withSign: C;
}

export interface GroupPicture<C = number> {
  readonly groupId: string;
  readonly title: string;
  /** Members with at least one sign ("some" or "clear") in the group. */
  readonly withSign: C;
  /** Members with at least one "risk" in the group. */
  readonly withRisk: C;
}

export interface Picture<C = number> {
  /** Members in the branch (the round's setting). */
  readonly memberCount: number;
  /** Results received (the denominator of every count). */
  readonly sent: number;
  /** Members who have not sent yet (never below 0). */
  readonly notSent: number;
  /** Items in checklist order. */
  readonly items: readonly ItemPicture<C>[];
  /** Item ids, most frequent first: most signs, then most risks, then checklist order. */
  readonly mostFrequent: readonly string[];
  readonly groups: readonly GroupPicture<C>[];
  /** Remediation actions reported, by status. */
  readonly actions: Readonly<Record<ActionStatus, C>>;
  /** All actions reported. */
  readonly actionTotal: C;
}

const isSign = (level: Assessment | undefined) => level === 'some' || level === 'clear';

function zeroCounts(): Record<Assessment, number> {
  return Object.fromEntries(assessmentLevels.map((level) => [level, 0])) as Record<Assessment, number>;
}

/** Compiles the picture of a round from its entries. Entries of other rounds are ignored. */
export function picture(round: Round, entries: readonly Entry[], checklist: PictureChecklist): Picture {
  const received = entries.filter((entry) => entry.roundId === round.id);
  const sent = received.length;
  let number = 0;
  const items: ItemPicture[] = [];
  const groups: GroupPicture[] = [];
  for (const group of checklist.groups) {
    for (const item of group.items) {
      number += 1;
      const counts = zeroCounts();
      for (const entry of received) counts[entry.levels[item.id] ?? 'unset'] += 1;
      items.push({ itemId: item.id, groupId: group.id, number, label: item.label, counts, withSign: counts.some + counts.clear });
    }
    const withSign = received.filter((entry) => group.items.some((item) => isSign(entry.levels[item.id]))).length;
    const withRisk = received.filter((entry) => group.items.some((item) => entry.levels[item.id] === 'risk')).length;
    groups.push({ groupId: group.id, title: group.title, withSign, withRisk });
  }
  const mostFrequent = [...items]
    .sort(
      (a, b) =>
        b.withSign - a.withSign || b.counts.clear - a.counts.clear || b.counts.risk - a.counts.risk || a.number - b.number,
    )
    .map((item) => item.itemId);
  const actions = { 'not-started': 0, 'in-progress': 0, done: 0 } as Record<ActionStatus, number>;
  for (const entry of received) for (const status of actionStatuses) actions[status] += entry.actionCounts[status];
  const actionTotal = actionStatuses.reduce((sum, status) => sum + actions[status], 0);
  return {
    memberCount: round.memberCount,
    sent,
    notSent: Math.max(0, round.memberCount - sent),
    items,
    mostFrequent,
    groups,
    actions,
    actionTotal,
  };
}

/** A count as it may leave the branch: exact, or only "below the threshold". */
export type LimitedCount =
  { readonly value: number; readonly below?: undefined } | { readonly value?: undefined; readonly below: number };

export type LimitedPicture = Picture<LimitedCount> & { readonly threshold: number };

/**
 * The picture for anything leaving the branch: every count below `threshold` (zero included, so
 * "dưới 3" never tells 0 from 1) becomes "below". Denominators stay: they are the branch's size.
 * A threshold of 0 or 1 hides nothing. This does not stop subtraction across a row or between
 * months, nor recognition in a small branch: the page says so.
 */
export function limitSmallCounts(source: Picture, threshold: number): LimitedPicture {
  const limit = (value: number): LimitedCount => (threshold > 1 && value < threshold ? { below: threshold } : { value });
  const limitLevels = (counts: LevelCounts) =>
    Object.fromEntries(assessmentLevels.map((level) => [level, limit(counts[level])])) as LevelCounts<LimitedCount>;
  const items = source.items.map((item) => ({ ...item, counts: limitLevels(item.counts), withSign: limit(item.withSign) }));
  return {
    threshold,
    memberCount: source.memberCount,
    sent: source.sent,
    notSent: source.notSent,
    mostFrequent: orderByShown(items),
    items,
    groups: source.groups.map((group) => ({ ...group, withSign: limit(group.withSign), withRisk: limit(group.withRisk) })),
    actions: Object.fromEntries(actionStatuses.map((status) => [status, limit(source.actions[status])])) as Record<
      ActionStatus,
      LimitedCount
    >,
    actionTotal: limit(source.actionTotal),
  };
}

/**
 * "Most frequent first" from the shown values only, so the order never hints at a hidden count:
 * most signs, then most clear, then most risks; every hidden count ranks as one value below all
 * shown ones; ties keep checklist order.
 */
function orderByShown(items: readonly ItemPicture<LimitedCount>[]): string[] {
  const rank = (count: LimitedCount) => count.value ?? -1;
  return [...items]
    .sort(
      (a, b) =>
        rank(b.withSign) - rank(a.withSign) ||
        rank(b.counts.clear) - rank(a.counts.clear) ||
        rank(b.counts.risk) - rank(a.counts.risk) ||
        a.number - b.number,
    )
    .map((item) => item.itemId);
}

/** "3" or "dưới 3". */
export function formatCount(count: number | LimitedCount): string {
  if (typeof count === 'number') return String(count);
  return count.below !== undefined ? `dưới ${count.below}` : String(count.value);
}

/** "3/12" with the denominator (results received). */
export function formatFraction(count: number | LimitedCount, sent: number): string {
  return `${formatCount(count)}/${sent}`;
}

/** "3/12 đã gửi, còn 2 đồng chí chưa gửi" — the denominators in words. */
export function describeDenominators(p: Pick<Picture, 'sent' | 'memberCount' | 'notSent'>): string {
  const head = `${p.sent}/${p.memberCount} đã gửi`;
  return p.notSent > 0 ? `${head}, còn ${p.notSent} đồng chí chưa gửi` : `${head}, đủ cả chi bộ`;
}
