/**
 * A round of 12 named members (14 in the branch) with known levels, built through the share files
 * members send, for the report tests. Hand-computed picture (threshold 3):
 *   item 1 (I-1): clear 4 (m1–m4), some 2 (m5, m6), risk 3 (m7–m9), none 3 → 6/12 with a sign
 *   item 2 (I-2): risk 3 (m7–m9), unset 9 → 0 with a sign (shown "dưới 3/12"), risk 3/12
 *   item 14 (II-5): some 1 (m10) → "dưới 3/12"
 *   group I: 6/12 with a sign, 3/12 at risk; groups II and III: "dưới 3/12" both
 *   actions: m1–m4 one done and one in progress each → 8 in all, done 4, in progress 4, not started "dưới 3"
 */
import type { Entry, Round } from '../../src/domain/branch/branch-schema';
import { createRound, entryFor, planAddition, receivedFromFile } from '../../src/domain/branch/entries';
import { addAction, createReview, setAnswer, setMember, updateAction } from '../../src/domain/review-model';
import { buildShare, createShareFile, readShareFile } from '../../src/domain/share';

export const memberNames = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Võ Thị Phượng',
  'Đặng Văn Giang',
  'Bùi Thị Hạnh',
  'Đỗ Văn Khánh',
  'Hồ Thị Lan',
  'Ngô Văn Minh',
  'Dương Thị Nga',
] as const;

type Level = 'none' | 'risk' | 'some' | 'clear';

function levelsOf(index: number): Record<string, Level> {
  const member = index + 1;
  const levels: Record<string, Level> = {};
  levels['I-1'] = member <= 4 ? 'clear' : member <= 6 ? 'some' : member <= 9 ? 'risk' : 'none';
  if (member >= 7 && member <= 9) levels['I-2'] = 'risk';
  if (member === 10) levels['II-5'] = 'some';
  return levels;
}

const now = new Date('2026-06-10T08:00:00Z');

/** The share file text member `index` sends (name included, as the test gives them names). */
export function shareFileOf(index: number): string {
  let review = createReview({ id: `review-${index}`, checklistId: 'nq04-27', period: '6 tháng đầu năm 2026', now });
  review = setMember(review, { name: memberNames[index] ?? '' });
  for (const [itemId, level] of Object.entries(levelsOf(index))) review = setAnswer(review, itemId, { assessment: level });
  if (index < 4) {
    review = addAction(review, { id: 'a1', itemId: 'I-1', what: 'Việc một' });
    review = updateAction(review, 'a1', { status: 'done', deadline: '2026-04-30' });
    review = addAction(review, { id: 'a2', itemId: 'I-1', what: 'Việc hai' });
    review = updateAction(review, 'a2', { status: 'in-progress', deadline: '2026-12-31' });
  }
  return createShareFile(buildShare(review, { actions: true, name: true, actionText: true, notes: false }), now);
}

export function reportRound(): Round {
  return createRound({
    id: 'round-1',
    now,
    checklistId: 'nq04-27',
    period: '6 tháng đầu năm 2026',
    memberCount: 14,
    higherCommittee: 'Đảng bộ Khối cơ quan tỉnh',
    branchName: 'Chi bộ Văn phòng',
  });
}

/** The entries after the secretary added all 12 files. */
export function reportEntries(round: Round): Entry[] {
  let entries: Entry[] = [];
  memberNames.forEach((_, index) => {
    const incoming = receivedFromFile(readShareFile(shareFileOf(index)));
    const plan = planAddition(round, entries, incoming);
    entries = [...entries, entryFor(round, entries, incoming, plan, { id: `e${index + 1}`, now })];
  });
  return entries;
}
