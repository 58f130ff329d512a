/**
 * Writing a conversation's topic, whoever sets it (the shopper, an agent, the bot): only when it
 * changes, told to everyone who shows the conversation, and a queued conversation is routed
 * again (its rule may differ now).
 */
import type { ConversationDoc } from '../../store/documents.js';
import type { DomainDeps } from '../deps.js';

export type TopicWriteDeps = Pick<DomainDeps, 'store' | 'clock' | 'lock' | 'events' | 'router'>;

export async function writeTopic(deps: TopicWriteDeps, conversation: ConversationDoc, topic: string | null): Promise<ConversationDoc | null> {
  const { store, clock, lock, events, router } = deps;
  if ((conversation.topic ?? null) === topic) return null;
  const updated = await lock.run(conversation._id, () => store.conversations.setTopic(conversation._id, topic, clock.now()));
  if (!updated) return null;
  events.publish({ type: 'conversation.updated', conversation: updated });
  if (updated.status === 'waiting' && updated.queuedAt !== null) router.kick();
  return updated;
}
