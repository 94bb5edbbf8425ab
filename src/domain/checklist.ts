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
