import { shortDuration, fullDate } from '../../lib/time-format.js';
import { useNow } from '../hooks/use-now.js';

/** "4m" since a moment, ticking; the exact time on hover. */
export function Since({ at, prefix = '' }: { at: number; prefix?: string }) {
  const now = useNow();
  return (
    <time dateTime={new Date(at).toISOString()} title={fullDate(at)}>
      {prefix}
      {shortDuration(now - at)}
    </time>
  );
}
