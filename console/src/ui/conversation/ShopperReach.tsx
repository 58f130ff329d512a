/**
 * Whether the shopper is still in the chat: if not, where the agent's reply goes (their
 * email, or nowhere until they come back). Asked on open and after every message, since a
 * new message is when the answer matters; a shopper leaving in silence shows on the next one.
 */
import type { ShopperReach as Reach } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { shopperReachText } from '../../i18n/shopper-reach.js';
import type { Thread } from '../../stores/threads-store.js';

export function ShopperReach({ thread }: { thread: Thread }) {
  const app = useApp();
  const c = thread.conversation!;
  const [reach, setReach] = useState<Reach | null>(null);

  useEffect(() => {
    let current = true;
    void app.reach(c.id).then((result) => {
      // Unknown (disconnected, refused): say nothing rather than guess.
      if (current) setReach(result.ok ? result.data.reach : null);
    });
    return () => {
      current = false;
    };
  }, [c.id, c.lastSeq]);

  if (c.status === 'resolved' || !reach || reach === 'connected') return null;
  const t = shopperReachText();
  return (
    <p class="thread-notice shopper-reach" role="status">
      {reach === 'will_email' ? t.willEmail : t.onReturn}
    </p>
  );
}
