// @vitest-environment node
import type { ConversationId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { createInboxStore, selectInbox, selectOpenCount, selectUnreadTotal } from '../../src/stores/inbox-store.js';
import { inboxItem, NOW, visitorProfile } from '../support/fixtures.js';

describe('inbox store', () => {
  it('orders by who has waited longest for a reply, then recent activity, resolved last', () => {
    const store = createInboxStore();
    const answered = inboxItem({ awaitingReplySince: null, lastMessageAt: NOW + 50 }, { name: 'answered' });
    const waitingLong = inboxItem({ awaitingReplySince: NOW - 60_000 }, { name: 'waiting long' });
    const waitingShort = inboxItem({ awaitingReplySince: NOW - 5_000 }, { name: 'waiting short' });
    const resolved = inboxItem({ status: 'resolved', awaitingReplySince: null, resolvedAt: NOW }, { name: 'resolved' });
    const quiet = inboxItem({ awaitingReplySince: null, lastMessageAt: NOW - 500 }, { name: 'quiet' });
    store.getState().replace([answered, resolved, waitingShort, quiet, waitingLong]);
    expect(selectInbox(store.getState()).map((i) => i.visitor.name)).toEqual([
      'waiting long',
      'waiting short',
      'answered',
      'quiet',
      'resolved',
    ]);
  });

  it('counts open conversations and unread messages (resolved ones excluded)', () => {
    const store = createInboxStore();
    store.getState().replace([
      inboxItem({ unreadByAgent: 2 }),
      inboxItem({ unreadByAgent: 1 }),
      inboxItem({ status: 'resolved', unreadByAgent: 4 }),
    ]);
    expect(selectOpenCount(store.getState())).toBe(2);
    expect(selectUnreadTotal(store.getState())).toBe(3);
  });

  it('never lets an older snapshot overwrite a newer one', () => {
    const store = createInboxStore();
    const item = inboxItem({ lastSeq: 5, unreadByAgent: 2 });
    store.getState().upsert(item);
    store.getState().updateConversation({ ...item.conversation, lastSeq: 4, unreadByAgent: 9 });
    expect(store.getState().items[item.conversation.id]!.conversation.unreadByAgent).toBe(2);
    store.getState().updateConversation({ ...item.conversation, lastSeq: 6, unreadByAgent: 0 });
    expect(store.getState().items[item.conversation.id]!.conversation.unreadByAgent).toBe(0);
  });

  it('ignores updates for conversations that are not mine', () => {
    const store = createInboxStore();
    store.getState().updateConversation(inboxItem().conversation);
    expect(Object.keys(store.getState().items)).toHaveLength(0);
  });

  it('keeps conversations resolved this session across a refetch, drops ones that moved away', () => {
    const store = createInboxStore();
    const resolved = inboxItem({ status: 'resolved', resolvedAt: NOW });
    const moved = inboxItem();
    store.getState().replace([resolved, moved]);
    const fresh = inboxItem();
    store.getState().replace([fresh]);
    expect(Object.keys(store.getState().items).sort()).toEqual([resolved.conversation.id, fresh.conversation.id].sort());
  });

  it('updates the shopper summary when their profile changes', () => {
    const store = createInboxStore();
    const item = inboxItem({}, { name: 'Old' });
    store.getState().upsert(item);
    store.getState().updateVisitor(visitorProfile({ id: item.visitor.id, name: 'New', verified: true }));
    expect(store.getState().items[item.conversation.id]!.visitor).toMatchObject({ name: 'New', verified: true });
    store.getState().remove(item.conversation.id as ConversationId);
    expect(store.getState().items).toEqual({});
  });
});
