/**
 * Named limits of the self-review tool, declared once. Inputs, schemas, storage and messages read
 * them from here so that what a field accepts is exactly what a save accepts.
 */

/** Longest text kept in one field; an input never accepts more than the schema keeps. */
export const MAX_TEXT_LENGTH = 20_000;

/** Longest review period ("6 tháng đầu năm 2022"); the period input and the schema both use it. */
export const MAX_PERIOD_LENGTH = 200;

/**
 * Ids of reviews, actions, check-ins, checklists and answer keys: shared by the record schema and
 * the address router, so that anything a file may hold can also be opened.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
/** The same id rule without anchors, for embedding in other patterns (the router's). */
export const ID_PATTERN_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]{0,79}';

/** Fewest characters (as a person counts them, see countCharacters) in a passphrase. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** How long opening the browser's database may take before the tool falls back to memory. */
export const STORE_OPEN_TIMEOUT_MS = 8_000;

/** A storage quota below this suggests a private window (a heuristic: worded "có vẻ"). */
export const SMALL_QUOTA_BYTES = 200 * 1024 * 1024;

/** Minutes of inactivity after which a locked store locks again; 0 means never. */
export const AUTO_LOCK_CHOICES = [0, 5, 15, 30] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

/** Object URLs stay valid long enough for a slow phone to open or save the file, then are freed. */
export const URL_LIFETIME_MS = 5 * 60_000;

/** Largest backup file accepted by restore, and so the most data a backup may hold. */
export const MAX_BACKUP_BYTES = 32 * 1024 * 1024;
