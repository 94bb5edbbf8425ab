/** The autosave session of one self-review: the generic document session with the review's rules. */
import { emptyAnswer, touch } from '../review-model';
import { ReviewFormatError } from '../review-migrations';
import type { Review } from '../review-schema';
import { DocumentSession, type DocumentPort, type SessionClock } from './document-session';
import { threeWayMerge, type MergeResult } from './three-way-merge';

/** Bookkeeping fields that never conflict: the store sets them on every save. */
const BOOKKEEPING = ['revision', 'updatedAt'] as const;

/**
 * An item without an answer is the same as an empty answer: filling the missing ones in all three
 * versions lets two tabs that each answered a different part of an item merge field by field.
 */
function withEmptyAnswers(reviews: readonly Review[]): Review[] {
  const itemIds = new Set(reviews.flatMap((review) => Object.keys(review.answers)));
  return reviews.map((review) => {
    const answers = { ...review.answers };
    for (const itemId of itemIds) answers[itemId] ??= { ...emptyAnswer };
    return { ...review, answers };
  });
}

/** Three-way merge of reviews; the revision and time of the last change never conflict. */
export function mergeReviews(base: Review, mine: Review, theirs: Review): MergeResult<Review> {
  const [filledBase, filledMine, filledTheirs] = withEmptyAnswers([base, mine, theirs]) as [Review, Review, Review];
  return threeWayMerge(filledBase, filledMine, filledTheirs, BOOKKEEPING);
}

export function createReviewSession(port: DocumentPort<Review>, id: string, clock?: SessionClock): DocumentSession<Review> {
  return new DocumentSession<Review>({
    port,
    id,
    ...(clock ? { clock } : {}),
    prepare: touch,
    adopt: (draft, stored) => ({ ...draft, revision: stored.revision, updatedAt: stored.updatedAt }),
    merge: mergeReviews,
    describeLoadError: (error) => (error instanceof ReviewFormatError ? error.message : undefined),
    messages: {
      notFound: 'Không tìm thấy bản tự soi này trên thiết bị. Có thể nó đã bị xóa.',
      unreadable: 'Không đọc được bản tự soi này từ bộ nhớ của trình duyệt.',
      writeFailed: 'Chưa lưu được thay đổi. Trang sẽ tự thử lại.',
    },
  });
}
