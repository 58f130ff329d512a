/**
 * Which conversation the window shows: the first message starts one, an ended one can be
 * left for a fresh one (remembered, so a reload does not bring it back).
 */
import type { ConversationId } from '@counter/shared';
import type { Core } from './core';
import { TransportError, unwrap } from './transport';

const DISMISSED_KEY = 'dismissed';

export interface ConversationDeps {
  /** A conversation came on screen (read marks start over, pending messages show). */
  shown(): void;
  remember(): void;
}

export function createConversation(core: Core, { shown, remember }: ConversationDeps) {
  const { state, live } = core;
  const { prefs } = core.deps;
  return {
    dismissed: () => prefs.get(DISMISSED_KEY) ?? null,

    async start(): Promise<ConversationId> {
      const t = live();
      if (!t) throw new TransportError('offline');
      const { conversation } = unwrap(await t.request('conversation:start', { locale: state().locale }));
      if (state().conversation?.id !== conversation.id) {
        state().showConversation(conversation);
        shown();
      }
      remember();
      return conversation.id;
    },

    /** Leaves the ended conversation; the next message starts a new one. */
    leave(): void {
      const current = state().conversation;
      if (current) prefs.set(DISMISSED_KEY, current.id);
      state().showConversation(null);
      shown();
    },
  };
}
