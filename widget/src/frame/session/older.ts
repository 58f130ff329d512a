/**
 * History the other way: the page before the oldest message shown, when the shopper scrolls
 * up. Loaded on first use (few shoppers scroll back), outside the first render.
 */
import { firstSeq } from '../store/messages';
import type { Core } from './core';
import { unwrap } from './transport';

export async function loadOlder({ state, live }: Core): Promise<void> {
  const { conversation, hasOlder, loadingOlder, messages } = state();
  const beforeSeq = firstSeq(messages);
  const t = live();
  if (!conversation || !hasOlder || loadingOlder || beforeSeq === null || !t) return;
  state().setLoadingOlder(true);
  try {
    const page = unwrap(await t.request('message:history', { conversationId: conversation.id, beforeSeq }));
    state().addMessages(page.messages, { hasOlder: page.hasMore });
  } catch {
    // Handled by leaving the link: the shopper can scroll or click again.
    state().setLoadingOlder(false);
  }
}
