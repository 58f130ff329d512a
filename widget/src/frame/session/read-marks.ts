/** Read receipts: what is on screen counts as read while the chat is open and the tab visible. */
import { lastSeq } from '../store/messages';
import type { Core } from './core';

export function createReadMarks(core: Core) {
  const { state, live } = core;
  let sent = 0;
  return {
    /** Another conversation came on screen. */
    reset() {
      sent = 0;
    },
    mark(): void {
      const { conversation, messages, open } = state();
      const seq = lastSeq(messages.filter((m) => m.author !== 'visitor'));
      const t = live();
      if (!t || !conversation || !open || !core.deps.visible() || seq <= sent) return;
      sent = seq;
      // Unanswered: marked again with the next message or the next open.
      t.request('message:read', { conversationId: conversation.id, seq }).catch(() => {
        sent = 0;
      });
    },
  };
}
