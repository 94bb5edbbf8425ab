/** A small branch workspace (two rounds, three entries) for backup tests. */
import type { Entry, Round } from '../../src/domain/branch/branch-schema';
import { createRound, entryFor, planAddition, receivedFromPaper } from '../../src/domain/branch/entries';

const now = new Date('2026-06-01T08:00:00Z');

export function branchRound(id: string, branchName = 'Chi bộ Khu phố Ba'): Round {
  return createRound({ id, now, checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', memberCount: 12, branchName });
}

export function branchEntry(round: Round, id: string, existing: readonly Entry[], name = 'Trần Thị Bình'): Entry {
  const incoming = receivedFromPaper({ id, round, levels: { 'I-1': 'some' }, name });
  return entryFor(round, existing, incoming, planAddition(round, existing, incoming), { id, now });
}

/** Round "d1" with two entries (one named "Trần Thị Bình"), round "d2" with one. */
export function branchWorkspace(): { rounds: Round[]; entries: Entry[] } {
  const first = branchRound('d1');
  const second = branchRound('d2', 'Chi bộ Trường Tiểu học');
  const a = branchEntry(first, 'e1', []);
  const b = branchEntry(first, 'e2', [a], 'Lê Văn Cường');
  const c = branchEntry(second, 'e3', []);
  return { rounds: [first, second], entries: [a, b, c] };
}
