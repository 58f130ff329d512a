import type { Rating as RatingValue } from '@counter/shared';
import { conversationText } from '../../i18n/conversation.js';

export function Rating({ rating }: { rating: RatingValue }) {
  return (
    <span class="rating" title={rating.comment ?? undefined} data-score={rating.score}>
      <span class="stars" aria-hidden="true">
        {'★'.repeat(rating.score)}
        <span class="stars-off">{'★'.repeat(5 - rating.score)}</span>
      </span>
      <span class="rating-text">{conversationText().rated(rating.score)}</span>
      {rating.comment && <span class="rating-comment">“{rating.comment}”</span>}
    </span>
  );
}
