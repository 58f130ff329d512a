/**
 * Getting the agent's attention while the console is in a background tab: a desktop
 * notification and a chime for a new conversation or a shopper's message. Nothing while
 * they are looking at it, and nothing for their own actions (taking, reopening).
 */
import type { AssignReason, InboxItem, Message } from '@counter/shared';
import type { Notice, Notifier, NoticeWays } from '../lib/notifier.js';
import { commonText } from '../i18n/common.js';
import type { InboxStore } from '../stores/inbox-store.js';

export interface AttentionDeps {
  notifier: Notifier;
  inbox: InboxStore;
  isHidden: () => boolean;
  open: (conversationId: string) => void;
  /** The agent's notification preferences, read at each notice (they can change any time). */
  ways: () => NoticeWays;
}

const QUIET_REASONS: readonly AssignReason[] = ['taken', 'reopened'];
const PREVIEW = 120;

const shopperName = (item: InboxItem | undefined) => item?.visitor.name?.trim() || commonText().aShopper;

export function createAttention({ notifier, inbox, isHidden, open, ways }: AttentionDeps) {
  return {
    assigned(item: InboxItem, reason: AssignReason) {
      if (!isHidden() || QUIET_REASONS.includes(reason)) return;
      notifier.notify({
        title: reason === 'routed' ? commonText().notice.newConversation : commonText().notice.assigned(reason),
        body: `${shopperName(item)}: ${item.conversation.lastMessagePreview ?? ''}`.slice(0, PREVIEW),
        tag: item.conversation.id,
        onClick: () => open(item.conversation.id),
      }, ways());
    },
    message(message: Message) {
      if (!isHidden() || message.author !== 'visitor') return;
      const item = inbox.getState().items[message.conversationId];
      // Only for conversations this agent holds (not a queue peek).
      if (!item || item.conversation.status === 'resolved') return;
      notifier.notify({
        title: shopperName(item),
        body: message.text.slice(0, PREVIEW),
        tag: message.conversationId,
        onClick: () => open(message.conversationId),
      }, ways());
    },
    // Response targets (issue 14): the desktop half of the lazy chunk's notices.
    notice: (n: Notice) => isHidden() && notifier.notify(n, ways()),
  };
}

export type Attention = ReturnType<typeof createAttention>;
