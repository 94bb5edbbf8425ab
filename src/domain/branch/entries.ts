/**
 * Pure edits of the branch workspace: rounds, and turning what members send (file, link, paper
 * form) into entries, deciding whether an incoming result is new, replaces an older share of the
 * same review, or is identical. The clock and ids are arguments.
 */
import { countActions, type LinkShare, type ShareEnvelope } from '../share';
import { toNfc } from '../text';
import { BRANCH_SHAPE_VERSION, DEFAULT_SMALL_COUNT_THRESHOLD, type Entry, type Round } from './branch-schema';

export interface NewRoundInput {
  readonly id: string;
  readonly now: Date;
  readonly checklistId: string;
  readonly period: string;
  readonly higherCommittee?: string;
  readonly branchName?: string;
  readonly memberCount: number;
}

export function createRound(input: NewRoundInput): Round {
  const at = input.now.toISOString();
  return {
    shapeVersion: BRANCH_SHAPE_VERSION,
    id: input.id,
    higherCommittee: toNfc(input.higherCommittee ?? '').trim(),
    branchName: toNfc(input.branchName ?? '').trim(),
    period: toNfc(input.period).trim(),
    memberCount: input.memberCount,
    checklistId: input.checklistId,
    smallCountThreshold: DEFAULT_SMALL_COUNT_THRESHOLD,
    createdAt: at,
    updatedAt: at,
    revision: 0,
  };
}

/** The next round of the same branch: same committee, branch, size, checklist and setting. */
export function nextRound(previous: Round, input: { id: string; period: string; now: Date }): Round {
  return {
    ...createRound({ ...previous, id: input.id, period: input.period, now: input.now }),
    smallCountThreshold: previous.smallCountThreshold,
  };
}

export type RoundPatch = Partial<
  Pick<Round, 'higherCommittee' | 'branchName' | 'period' | 'memberCount' | 'checklistId' | 'smallCountThreshold'>
>;

export function updateRound(round: Round, patch: RoundPatch): Round {
  const copy: Record<string, unknown> = { ...patch };
  for (const [key, value] of Object.entries(copy)) if (typeof value === 'string') copy[key] = toNfc(value);
  return { ...round, ...(copy as RoundPatch) };
}

/** What arrived, before it becomes an entry of a round. */
export type Received = Omit<Entry, 'id' | 'roundId' | 'number' | 'receivedAt' | 'remark' | 'shapeVersion'>;

export function receivedFromFile(envelope: ShareEnvelope): Received {
  const { share } = envelope;
  return {
    shareId: share.shareId,
    source: 'file',
    sharedAt: envelope.sharedAt,
    revision: share.revision,
    name: share.name ?? '',
    checklistId: share.checklistId,
    period: share.period,
    levels: share.levels,
    actionCounts: countActions(share.actions ?? []),
    ...(share.actions ? { actions: share.actions } : {}),
    ...(share.notes ? { notes: share.notes } : {}),
  };
}

export function receivedFromLink(link: LinkShare): Received {
  return {
    shareId: link.shareId,
    source: 'link',
    sharedAt: '',
    revision: link.revision,
    name: link.name ?? '',
    checklistId: link.checklistId,
    period: link.period,
    levels: link.levels,
    actionCounts: link.actionCounts,
  };
}

/** A paper form typed by the secretary; every paper form is its own member. */
export function receivedFromPaper(input: {
  id: string;
  round: Round;
  levels: Received['levels'];
  name?: string;
  actionCounts?: Received['actionCounts'];
}): Received {
  return {
    shareId: `paper-${input.id}`.slice(0, 80),
    source: 'paper',
    sharedAt: '',
    revision: 0,
    name: toNfc(input.name ?? '').trim(),
    checklistId: input.round.checklistId,
    period: input.round.period,
    levels: input.levels,
    actionCounts: input.actionCounts ?? { 'not-started': 0, 'in-progress': 0, done: 0 },
  };
}

export type AdditionKind = 'added' | 'replaces' | 'identical' | 'older';
export type AdditionWarning = 'other-checklist' | 'other-period';

export interface AdditionPlan {
  readonly kind: AdditionKind;
  /** The entry it would replace or duplicates. */
  readonly existing?: Entry;
  readonly warnings: readonly AdditionWarning[];
}

function content(entry: Received): string {
  const { shareId, checklistId, period, levels, actionCounts, actions, notes, name } = entry;
  return JSON.stringify([shareId, checklistId, period, sortKeys(levels), actionCounts, actions ?? null, notes ?? null, name]);
}

function sortKeys<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Decides what adding `incoming` to a round would do. */
export function planAddition(round: Round, entries: readonly Entry[], incoming: Received): AdditionPlan {
  const warnings: AdditionWarning[] = [];
  if (incoming.checklistId !== round.checklistId) warnings.push('other-checklist');
  if (toNfc(incoming.period).trim().toLocaleLowerCase('vi') !== round.period.toLocaleLowerCase('vi'))
    warnings.push('other-period');
  const existing = entries.find((entry) => entry.roundId === round.id && entry.shareId === incoming.shareId);
  if (!existing) return { kind: 'added', warnings };
  if (content(existing) === content(incoming)) return { kind: 'identical', existing, warnings };
  const newer =
    incoming.revision > existing.revision || (incoming.revision === existing.revision && incoming.sharedAt >= existing.sharedAt);
  return { kind: newer ? 'replaces' : 'older', existing, warnings };
}

/** The entry to store for an addition (a replacement keeps the entry's id, number and remark). */
export function entryFor(
  round: Round,
  entries: readonly Entry[],
  incoming: Received,
  plan: AdditionPlan,
  input: { id: string; now: Date },
): Entry {
  const base = plan.existing;
  const number =
    base?.number ?? entries.filter((entry) => entry.roundId === round.id).reduce((max, e) => Math.max(max, e.number), 0) + 1;
  return {
    shapeVersion: BRANCH_SHAPE_VERSION,
    ...incoming,
    id: base?.id ?? input.id,
    roundId: round.id,
    number,
    receivedAt: input.now.toISOString(),
    remark: base?.remark ?? '',
  };
}

/** Who an entry is, as the list shows it. */
export function entryLabel(entry: Pick<Entry, 'name' | 'number'>): string {
  return entry.name !== '' ? entry.name : `Đảng viên chưa ghi tên ${entry.number}`;
}

export const sourceLabels: Record<Entry['source'], string> = {
  file: 'Tệp',
  link: 'Liên kết',
  paper: 'Phiếu giấy',
};
