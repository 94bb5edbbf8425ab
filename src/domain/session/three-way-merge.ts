/**
 * Three-way merge of two edited copies of a JSON document against the version both started from,
 * so two tabs that changed different fields keep both changes. Objects merge key by key; arrays
 * of objects with an `id` merge element by element (added, removed, edited); any other value is
 * one field. A field both sides changed differently is a conflict, named by its path.
 */

/** The merge outcome: the same document with conflicts settled one way or the other. */
export interface MergeResult<T> {
  /** Paths of the fields both sides changed differently ("answers.I-1.observed"); empty when none. */
  readonly conflicts: readonly string[];
  /** Every change from both sides; conflicting fields take this tab's value. */
  readonly mine: T;
  /** Every change from both sides; conflicting fields take the other tab's value. */
  readonly theirs: T;
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => same(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
  }
  return false;
}

const idOf = (value: Json): string | undefined => (isObject(value) && typeof value['id'] === 'string' ? value['id'] : undefined);

const isIdList = (value: Json): value is Record<string, Json>[] =>
  Array.isArray(value) && value.every((item) => idOf(item) !== undefined);

interface Pair {
  mine: Json;
  theirs: Json;
}

/** Marks "absent" in a keyed merge (a deleted key or array element). */
const ABSENT = Symbol('absent');

function mergeValue(base: Json, mine: Json, theirs: Json, path: string, conflicts: string[]): Pair {
  if (same(mine, theirs)) return { mine, theirs: mine };
  if (same(base, mine)) return { mine: theirs, theirs };
  if (same(base, theirs)) return { mine, theirs: mine };
  // Both sides added the same object (e.g. an answer to the same item): merge it field by field.
  if (base === ABSENT && isObject(mine) && isObject(theirs)) return mergeObject({}, mine, theirs, path, conflicts);
  if (isObject(base) && isObject(mine) && isObject(theirs)) return mergeObject(base, mine, theirs, path, conflicts);
  if (isIdList(base) && isIdList(mine) && isIdList(theirs)) return mergeList(base, mine, theirs, path, conflicts);
  conflicts.push(path);
  return { mine, theirs };
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function mergeObject(
  base: Record<string, Json>,
  mine: Record<string, Json>,
  theirs: Record<string, Json>,
  path: string,
  conflicts: string[],
): Pair {
  const outMine: Record<string, Json> = {};
  const outTheirs: Record<string, Json> = {};
  const keys = new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)]);
  for (const key of keys) {
    const pick = (record: Record<string, Json>) => (key in record ? record[key] : ABSENT);
    const merged = mergeValue(pick(base), pick(mine), pick(theirs), join(path, key), conflicts);
    if (merged.mine !== ABSENT) outMine[key] = merged.mine;
    if (merged.theirs !== ABSENT) outTheirs[key] = merged.theirs;
  }
  return { mine: outMine, theirs: outTheirs };
}

function mergeList(
  base: Record<string, Json>[],
  mine: Record<string, Json>[],
  theirs: Record<string, Json>[],
  path: string,
  conflicts: string[],
): Pair {
  const byId = (list: Record<string, Json>[]) => new Map(list.map((item) => [idOf(item) as string, item]));
  const [baseById, mineById, theirsById] = [byId(base), byId(mine), byId(theirs)];
  // Order: whichever side reordered (or theirs), then elements only this tab added, in its order.
  const order = same(base.map(idOf), theirs.map(idOf)) ? mine.map(idOf) : theirs.map(idOf);
  for (const item of mine) if (!order.includes(idOf(item))) order.push(idOf(item));
  for (const item of theirs) if (!order.includes(idOf(item))) order.push(idOf(item));
  const outMine: Json[] = [];
  const outTheirs: Json[] = [];
  for (const id of order as string[]) {
    const merged = mergeValue(
      baseById.get(id) ?? ABSENT,
      mineById.get(id) ?? ABSENT,
      theirsById.get(id) ?? ABSENT,
      join(path, id),
      conflicts,
    );
    if (merged.mine !== ABSENT) outMine.push(merged.mine);
    if (merged.theirs !== ABSENT) outTheirs.push(merged.theirs);
  }
  return { mine: outMine, theirs: outTheirs };
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. Keys in `ignore` (bookkeeping such as the
 * revision or the time of the last change) never conflict and take the other tab's value.
 */
export function threeWayMerge<T extends object>(base: T, mine: T, theirs: T, ignore: readonly string[] = []): MergeResult<T> {
  const strip = (value: T) => Object.fromEntries(Object.entries(value).filter(([key]) => !ignore.includes(key)));
  const conflicts: string[] = [];
  const merged = mergeValue(strip(base), strip(mine), strip(theirs), '', conflicts);
  const kept = Object.fromEntries(Object.entries(theirs).filter(([key]) => ignore.includes(key)));
  return {
    conflicts,
    mine: { ...(merged.mine as object), ...kept } as T,
    theirs: { ...(merged.theirs as object), ...kept } as T,
  };
}
