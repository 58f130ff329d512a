/** Builders for store and transport tests: valid defaults, override what matters. */
import type { VisitorConversation } from '@counter/shared';
import type { ChatMessage } from '../../src/frame/store/messages';

/** A new, waiting conversation as the server sends it to the shopper. */
export const visitorConversation = (id: string, createdAt: number, patch: Partial<VisitorConversation> = {}): VisitorConversation => ({
  id: id as never,
  status: 'waiting',
  agentName: null,
  queuedAt: null,
  createdAt,
  resolvedAt: null,
  lastSeq: 0,
  lastMessageAt: null,
  lastMessagePreview: null,
  unreadByVisitor: 0,
  agentReadSeq: 0,
  rating: null,
  offline: false,
  ...patch,
});

/** A shopper's text message; `seq` null while it is still unsent. Its text is its client id. */
export const chatMessage = (clientId: string, seq: number | null, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  clientId: clientId as never,
  seq,
  author: 'visitor',
  authorName: null,
  kind: 'text',
  text: clientId,
  event: null,
  createdAt: 1000 + (seq ?? 100),
  ...extra,
});
