/**
 * Migrations of the backup envelope's payload, oldest first. Append-only: a step, once released,
 * is never edited or removed (files saved by members depend on it); a new envelope version adds a
 * step at the end. The payload is what the envelope carries, plain or encrypted:
 *   version 1: the array of review records;
 *   version 2: { "reviews": [review records], "branch": { "rounds": [rounds], "entries": [entries] } }.
 * Steps only reshape; the records inside are validated after the last step.
 */

/** One step from envelope version `from` to `from + 1`. */
export interface EnvelopeMigration {
  readonly from: number;
  /** Persisted in tests and notes: never rename. */
  readonly name: string;
  readonly migrate: (payload: unknown) => unknown;
}

/** Version 1 held only reviews: they move under "reviews", with an empty branch workspace. */
export function migrateV1ToV2(payload: unknown): unknown {
  return { reviews: payload, branch: { rounds: [], entries: [] } };
}

export const ENVELOPE_MIGRATIONS: readonly EnvelopeMigration[] = [
  { from: 1, name: 'v1-to-v2-reviews-and-branch', migrate: migrateV1ToV2 },
];

/** The envelope version the last step produces. */
export const LATEST_ENVELOPE_VERSION = 1 + ENVELOPE_MIGRATIONS.length;

/** Brings a payload of `version` up to the latest version, step by step. */
export function migratePayload(version: number, payload: unknown): unknown {
  let current = payload;
  for (const step of ENVELOPE_MIGRATIONS) if (step.from >= version) current = step.migrate(current);
  return current;
}
