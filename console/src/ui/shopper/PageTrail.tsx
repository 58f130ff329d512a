import type { PageVisit } from '@counter/shared';
import { clockTime } from '../../lib/time-format.js';
import { SafeLink } from '../common/SafeLink.js';
import { useNow } from '../hooks/use-now.js';

/** Newest first: the last few steps matter most. */
export function PageTrail({ trail }: { trail: PageVisit[] }) {
  const now = useNow();
  return (
    <ol class="trail">
      {[...trail].reverse().map((page, i) => (
        <li key={`${page.at}-${i}`}>
          <time class="muted">{clockTime(page.at, now)}</time>
          <SafeLink href={page.url}>{page.title || page.url}</SafeLink>
        </li>
      ))}
    </ol>
  );
}
