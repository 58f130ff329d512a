/**
 * What routing needs to know about a conversation as it joins the queue (issue 14): its
 * place (tier and arrival), the shopper's language and tier, and the agent they last talked
 * to. Stored on the conversation, so planning a batch reads no more than the queue.
 */
import { createHash } from 'node:crypto';
import type { ClientMessageId, RoutingSettings, SiteId } from '@counter/shared';
import type { ConversationDoc, VisitorDoc } from '../../store/documents.js';
import type { QueueRouting } from '../../store/repositories/conversations.js';
import type { Store } from '../../store/store.js';
import { cartValue } from './conversation-value.js';
import { queueRank } from './queue-order.js';

const DAY_MS = 86_400_000;
/** Earlier conversations of the shopper looked at for their last agent. */
const HISTORY_LOOKED_AT = 10;

/** The primary tag of a locale ('zh-CN' -> 'zh'). */
export const primaryLanguage = (locale: string | null | undefined): string | null =>
  locale ? (locale.split('-')[0]?.toLowerCase() ?? null) : null;

export async function queueRouting(store: Store, conversation: ConversationDoc, priority: number, now: number): Promise<QueueRouting> {
  const rank = queueRank(now, priority);
  const settings = await store.routing.get(conversation.siteId);
  // A site without settings routes as before: nothing more to read.
  if (!settings) return { queueRank: rank, language: null, tier: null, lastAgentId: null };
  const visitor = await store.visitors.byId(conversation.visitorId);
  return {
    queueRank: rank,
    language: primaryLanguage(visitor?.locale),
    tier: visitor?.verified ? visitor.tier : null,
    lastAgentId: visitor ? await lastAgent(store, settings, visitor, conversation, now) : null,
    value: cartValue(visitor?.cart),
  };
}

/** The agent of the shopper's latest earlier conversation, if it was within the site's window. */
async function lastAgent(store: Store, settings: RoutingSettings, visitor: VisitorDoc, current: ConversationDoc, now: number) {
  if (settings.lastAgentDays <= 0) return null;
  const since = now - settings.lastAgentDays * DAY_MS;
  const earlier = await store.conversations.listForVisitor(visitor._id, HISTORY_LOOKED_AT);
  const last = earlier.find((c) => c._id !== current._id && c.agentId !== null);
  return last && last.updatedAt >= since ? last.agentId : null;
}

export async function settingsBySite(store: Store, siteIds: Iterable<SiteId>): Promise<Map<SiteId, RoutingSettings>> {
  const docs = await store.routing.getMany([...new Set(siteIds)]);
  return new Map(docs.map((d) => [d._id, d]));
}

/** The same stage of the same conversation always gets this id: a repeat finds the first note. */
export function widenedClientId(conversationId: string, stage: number): ClientMessageId {
  const hex = createHash('sha256').update(`widened:${conversationId}:${stage}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}` as ClientMessageId;
}
