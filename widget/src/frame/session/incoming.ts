/**
 * Stored messages from any source (live event, catch-up, send ack) reaching the screen,
 * deduped by the store's merge; an agent's reply is read out, and counted unread with a
 * badge and a sound unless the shopper is looking.
 */
import type { VisitorMessage } from '@counter/shared';
import { text } from '../../i18n/text';
import type { Core } from './core';

export interface IncomingDeps {
  /** Another tab started a new conversation: catch up to follow it. */
  follow(): void;
  markRead(): void;
}

export function createIncoming(core: Core, { follow, markRead }: IncomingDeps) {
  const { deps, state } = core;
  return function received(messages: VisitorMessage[]): void {
    const { conversation, messages: shown, open, sound, locale, unread } = state();
    const mine = messages.filter((m) => m.conversationId === conversation?.id);
    if (mine.length < messages.length && conversation?.status !== 'waiting' && conversation?.status !== 'assigned') follow();
    const known = new Set(shown.filter((m) => m.seq !== null).map((m) => m.clientId));
    const fresh = mine.filter((m) => !known.has(m.clientId));
    // Sent from another tab, or acknowledged after all: never resend it.
    for (const m of fresh) if (m.author === 'visitor') deps.outbox.remove(m.clientId);
    state().addMessages(mine);

    const replies = fresh.filter((m) => m.author === 'agent' && m.kind === 'text');
    const last = replies.at(-1);
    if (!last) return;
    const seen = open && deps.visible();
    const count = seen ? unread : unread + replies.length;
    state().replied(text(locale, 'incoming', { name: last.authorName ?? text(locale, 'support'), text: last.text }), count);
    if (seen) return markRead();
    deps.parent.post({ t: 'unread', n: count });
    if (sound) deps.notify();
  };
}
