/** Pure helpers over checklist data: numbering, lookup and counts. */
import type { ChecklistData, ChecklistGroup, ChecklistItem } from './checklist-schema';

/** An item with the two numbers members see: inside its group ("Biểu hiện 5 (nhóm I)") and overall. */
export interface NumberedItem extends ChecklistItem {
  readonly groupId: string;
  readonly numberInGroup: number;
  readonly overallNumber: number;
}

export interface NumberedGroup extends Omit<ChecklistGroup, 'items'> {
  readonly items: readonly NumberedItem[];
}

export interface NumberedChecklist {
  readonly groups: readonly NumberedGroup[];
  readonly total: number;
}

/** Numbers items inside each group and overall, in content order. */
export function numberChecklist(checklist: Pick<ChecklistData, 'groups'>): NumberedChecklist {
  let overall = 0;
  const groups = checklist.groups.map((group) => ({
    ...group,
    items: group.items.map((item, index) => {
      overall += 1;
      return { ...item, groupId: group.id, numberInGroup: index + 1, overallNumber: overall };
    }),
  }));
  return { groups, total: overall };
}

/** All item ids in content order. */
export function checklistItemIds(checklist: Pick<ChecklistData, 'groups'>): string[] {
  return checklist.groups.flatMap((group) => group.items.map((item) => item.id));
}

/** The short note shown wherever an item whose gist rests only on keywords appears (L, no official text). */
export const unverifiedGistNote = 'Tóm tắt này mới dựa vào từ khóa, chưa đối chiếu với nguyên văn.';

/**
 * Whether an item's summary rests only on keywords (confidence L) and the deploying body has not
 * pasted the official wording yet: such an item must look different wherever it appears.
 */
export function isUnverifiedGist(item: Pick<ChecklistItem, 'confidence' | 'officialText'>): boolean {
  return item.confidence === 'L' && item.officialText === undefined;
}

/** Where an item sits, as the document page and search results show it: "Biểu hiện 5 (nhóm I) · thứ 5/27". */
export function itemPosition(item: NumberedItem, total: number): string {
  return `Biểu hiện ${item.numberInGroup} (nhóm ${item.groupId}) · thứ ${item.overallNumber}/${total}`;
}
