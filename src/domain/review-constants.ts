/**
 * Persisted constants of the review record, kept apart from the schema so that code needing only
 * these (the review list) does not pull the validation library into the first load.
 */

/** Current version of the record shape. Bump only together with a new step in review-migrations.ts. */
export const REVIEW_SHAPE_VERSION = 2;

export { MAX_TEXT_LENGTH, MAX_PERIOD_LENGTH } from './limits';

/**
 * How the member sees themself against one manifestation. Keys are persisted: never rename.
 * "risk" is the level some branches ask for between no sign and a sign ("nguy cơ dễ mắc phải").
 */
export const assessmentLevels = ['unset', 'none', 'risk', 'some', 'clear'] as const;
export type Assessment = (typeof assessmentLevels)[number];

/** Progress of one remediation action. Keys are persisted: never rename. */
export const actionStatuses = ['not-started', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
