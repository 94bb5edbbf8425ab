/** Shared test helpers: the real checklist from content/, frozen fixtures, and a full review. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checklistSchema, type ChecklistData } from '../../src/domain/checklist-schema';
import { checklistItemIds } from '../../src/domain/checklist';
import { buildFullReview } from '../full-review';
import type { Review } from '../../src/domain/review-schema';

const root = join(import.meta.dirname, '..', '..');

export function loadChecklist(name = 'nq04-27'): ChecklistData {
  return checklistSchema.parse(parse(readFileSync(join(root, 'content', 'checklists', `${name}.yaml`), 'utf8')));
}

export function loadFixture(path: string): unknown {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', path), 'utf8')) as unknown;
}

/** 27 items answered with notes, 27 actions, 12 check-ins. */
export function fullReview(checklist = loadChecklist(), now = new Date('2022-05-20T02:00:00Z')): Review {
  return buildFullReview({ id: 'full-review', itemIds: checklistItemIds(checklist), now });
}
