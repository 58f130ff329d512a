/**
 * The shopper's topic choice (issue 14 item 2), loaded with the picker: one command that
 * starts the conversation if there is none and stores the topic on it, so the first message
 * is routed by it. A refused choice leaves the screen as it was (the shopper can still write).
 */
import type { Ack, VisitorConversation } from '@counter/shared';
import type { Core } from './core';
import { TransportError, unwrap } from './transport';

/** `conversation:topic` sits beside the chat's own commands (shared TopicVisitor events), outside Transport's map. */
type Request = (name: string, payload: object) => Promise<Ack<{ conversation: VisitorConversation }>>;

export async function chooseTopic(core: Core, topic: string, shown: () => void, remember: () => void): Promise<void> {
  const t = core.live();
  if (!t) throw new TransportError('offline');
  const { conversation } = unwrap(await (t.request as unknown as Request)('conversation:topic', { topic, locale: core.state().locale }));
  const state = core.state();
  if (state.conversation?.id === conversation.id) state.updateConversation(conversation);
  else {
    state.showConversation(conversation);
    shown();
  }
  remember();
}
