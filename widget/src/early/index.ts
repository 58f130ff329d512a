/**
 * The early chunk (early-[hash].js): what the loader adds before intent only when there is
 * something to show: this browser has a conversation (the unread badge and its one request)
 * or the site has proactive rules (the bubble). The host part adds it on intent too, for the
 * badge. Cached as immutable after the first load.
 */
import type { ProactiveRule } from '@counter/shared';
import type { Link } from '../loader/link';
import { memoryKey, recall } from '../loader/memory';
import { installBadge } from './badge';
import { checkUnread } from './unread';
import { startProactive } from './proactive';

const link = (window as unknown as { Counter?: { _?: Link } }).Counter?._;
if (link) run(link);

function run(link: Link): void {
  installBadge(link);
  const site = link.t.dataset.site!;
  const memory = recall(memoryKey(site));
  // Before the host part: the badge for replies that came while the shopper was away.
  if (memory.c && memory.t && !link.r.querySelector('iframe')) checkUnread(new URL(link.t.src).origin, site, memory.t, link.u);
  const look = link.o as { r?: ProactiveRule[]; h?: number };
  if (look.r?.length) startProactive(link, look.r, look.h || 24);
}
