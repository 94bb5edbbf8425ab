/**
 * The branch workspace inside a backup file (envelope version 2): validating its rounds and
 * entries, and planning their restore round by round. A round is restored with its entries: a
 * round that replaces one on the device brings the results of the file and no others.
 */
import { checkEntry, checkRound, type Entry, type Round } from './branch/branch-schema';

export interface BranchBackup {
  readonly rounds: readonly Round[];
  readonly entries: readonly Entry[];
}

type Checked = { ok: true; value: { rounds: Round[]; entries: Entry[] } } | { ok: false; where: string; message: string };

/** Validates the rounds and entries of a file: shapes, unique ids, every entry in a round of the file. */
export function readBranchPayload(raw: { rounds: readonly unknown[]; entries: readonly unknown[] }): Checked {
  const rounds: Round[] = [];
  const roundIds = new Set<string>();
  for (const [index, value] of raw.rounds.entries()) {
    const checked = checkRound(value);
    const where = `branch.rounds.${index}`;
    if (!checked.ok) return refuse(`đợt tự phê bình thứ ${index + 1}`, `${where}.${checked.where}`, 'dữ liệu không đúng dạng.');
    if (roundIds.has(checked.value.id)) return refuse(`đợt tự phê bình thứ ${index + 1}`, where, 'hai đợt trùng mã.');
    roundIds.add(checked.value.id);
    rounds.push(checked.value);
  }
  const entries: Entry[] = [];
  const entryIds = new Set<string>();
  for (const [index, value] of raw.entries.entries()) {
    const checked = checkEntry(value);
    const where = `branch.entries.${index}`;
    if (!checked.ok)
      return refuse(`kết quả thứ ${index + 1} của chi bộ`, `${where}.${checked.where}`, 'dữ liệu không đúng dạng.');
    if (entryIds.has(checked.value.id)) return refuse(`kết quả thứ ${index + 1} của chi bộ`, where, 'hai kết quả trùng mã.');
    if (!roundIds.has(checked.value.roundId)) {
      return refuse(`kết quả thứ ${index + 1} của chi bộ`, `${where}.roundId`, 'kết quả không thuộc đợt nào trong tệp.');
    }
    entryIds.add(checked.value.id);
    entries.push(checked.value);
  }
  return { ok: true, value: { rounds, entries } };
}

function refuse(what: string, where: string, why: string): Checked {
  return { ok: false, where, message: `Không đọc được ${what} trong tệp: ${why}` };
}

/** One round of the file, with its entries. */
export interface RoundWithEntries {
  readonly round: Round;
  readonly entries: Entry[];
}

/** What restoring the branch part would do, round by round. */
export interface BranchRestorePlan {
  readonly added: RoundWithEntries[];
  readonly replaced: {
    incoming: RoundWithEntries;
    existing: { branchName: string; period: string; updatedAt: string; entryCount: number };
  }[];
  readonly unchanged: RoundWithEntries[];
}

/** Compares the file's rounds (with their entries) with those stored, by round id. */
export function planBranchRestore(incoming: BranchBackup, existing: BranchBackup): BranchRestorePlan {
  const incomingEntries = groupByRound(incoming.entries);
  const existingEntries = groupByRound(existing.entries);
  const byId = new Map(existing.rounds.map((round) => [round.id, round]));
  const plan: { added: RoundWithEntries[]; replaced: BranchRestorePlan['replaced']; unchanged: RoundWithEntries[] } = {
    added: [],
    replaced: [],
    unchanged: [],
  };
  for (const round of incoming.rounds) {
    const item = { round, entries: incomingEntries.get(round.id) ?? [] };
    const current = byId.get(round.id);
    const currentEntries = existingEntries.get(round.id) ?? [];
    if (!current) plan.added.push(item);
    else if (sameRound(current, currentEntries, item)) plan.unchanged.push(item);
    else {
      plan.replaced.push({
        incoming: item,
        existing: {
          branchName: current.branchName,
          period: current.period,
          updatedAt: current.updatedAt,
          entryCount: currentEntries.length,
        },
      });
    }
  }
  return plan;
}

function groupByRound(entries: readonly Entry[]): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) groups.set(entry.roundId, [...(groups.get(entry.roundId) ?? []), entry]);
  for (const group of groups.values()) group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return groups;
}

function sameRound(current: Round, currentEntries: readonly Entry[], incoming: RoundWithEntries): boolean {
  return (
    JSON.stringify({ ...current, revision: 0 }) === JSON.stringify({ ...incoming.round, revision: 0 }) &&
    JSON.stringify(currentEntries) === JSON.stringify(incoming.entries)
  );
}

/** Deep equality of two branch backups record by record (order included), for the read-back check. */
export function sameBranch(a: BranchBackup, b: BranchBackup): boolean {
  return (
    a.rounds.length === b.rounds.length &&
    a.entries.length === b.entries.length &&
    a.rounds.every((round, index) => JSON.stringify(round) === JSON.stringify(b.rounds[index])) &&
    a.entries.every((entry, index) => JSON.stringify(entry) === JSON.stringify(b.entries[index]))
  );
}
