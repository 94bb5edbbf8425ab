/** The parts of review handling that need the validation library, loaded only when a record is read or written. */
export { restoreReview, ReviewFormatError } from './review-migrations';
export { parseReview } from './review-schema';
